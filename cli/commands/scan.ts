// `snapshot-guard scan <stack-export.json | - | program-dir>`
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { checkFormat, render } from "../format";
import { BAD_INPUT, type CommandHelp } from "../help";
import { decodeInputText } from "../input-text";
import { checkOutput, useColour, writeResult } from "../output";
import { readPolicyConfig } from "../policy-config";
import { hasMandatory } from "../results";
import type { ScanInput } from "../resources";
import { readStackExport } from "../stack-export";

export const help: CommandHelp = {
    usage: "scan <stack.json | - | program-dir> [options]",
    summary: "run the pack over a stack export or a Pulumi TypeScript program, without the Pulumi CLI",
    description: [
        "Starts the pack and sends every resource through the same Analyzer protocol as the Pulumi engine, so each is",
        "judged as under `pulumi preview`, then prints the findings.",
    ],
    inputs: [
        ["stack.json", "the output of `pulumi stack export` (inputs to Analyze, outputs to AnalyzeStack)"],
        ["-", "the same, read from stdin"],
        ["program-dir", "a Pulumi TypeScript program directory (Pulumi.yaml + index.ts), recorded under mocks in preview mode"],
    ],
    options: [
        ["--policy-pack-config FILE", "policy config: levels, knobs and exemptions per rule (see `snapshot-guard config`)"],
        ["--config KEY=VALUE…", "stack config for a program scan (keys without a namespace get the project's)"],
        ["--stack NAME", "stack whose Pulumi.<stack>.yaml config a program scan reads (default dev)"],
        ["--timeout SECONDS", "bound on recording a program (default 300)"],
        ["--format FORMAT", "text (default), json, sarif, junit or markdown"],
        ["--checks", "with --format json, also every (resource, policy) outcome"],
        ["--max-length N", "cap on --format markdown output (default 60000)"],
        ["--output FILE", "write the result to FILE instead of stdout (- for stdout)"],
    ],
    exitCodes: [[0, "no mandatory violation"], [1, "at least one mandatory violation"], BAD_INPUT],
};

const EXPORT = "the output of `pulumi stack export`";

function readStdin(): string {
    try {
        return decodeInputText(fs.readFileSync(0), "stdin", EXPORT);
    } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`cannot read stdin: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

export async function loadInput(target: string, stackConfig: readonly string[]): Promise<ScanInput> {
    if (target === "-") return readStackExport(readStdin(), "stdin");
    let stat: fs.Stats;
    try {
        stat = fs.statSync(target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "ENOENT" ? `scan: ${target} does not exist` : `scan: cannot read ${target}: ${code}`);
    }
    if (stat.isDirectory()) {
        const { recordProgram } = await import("../program");
        return recordProgram(target, stackConfig);
    }
    if (stackConfig.length > 0) throw new CliError("scan: --config applies to a program directory, not to a stack export");
    const input = readStackExport(decodeInputText(fs.readFileSync(target), target, EXPORT), target);
    return { ...input, artifact: path.relative(process.cwd(), path.resolve(target)).split(path.sep).join("/") };
}

export const options = {
    "policy-pack-config": { kind: "string" }, format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" }, config: { kind: "list" },
} satisfies Record<string, OptionSpec>;

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "scan");
    const [target] = expectPositionals(args, ["input"], "scan");
    checkOutput(args.values.output);
    const format = checkFormat(args.values.format, "scan");
    const config = readPolicyConfig(args.values["policy-pack-config"]);
    const input = await loadInput(target, args.lists.config ?? []);
    const { scan } = await import("../scanner");
    const results = await scan(input, config);
    writeResult(render(results, format, { colour: useColour(args.values.output), checks: args.flags.checks }), args.values.output);
    return hasMandatory(results) ? EXIT_VIOLATIONS : EXIT_OK;
}
