// `snapshot-guard scan <stack-export.json | - | program-dir>`
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs, type OptionSpec, type ParsedArgs } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { checkFormat, checkMaxLength, renderChunks } from "../format";
import { BAD_INPUT, type CommandHelp } from "../help";
import { decodeInputText, readStdin, statInput } from "../input-text";
import { checkOutput, useColour, writeResult } from "../output";
import { DEFAULT_STACK, DEFAULT_TIMEOUT_SECONDS, type ProgramOptions } from "../program";
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

/** Options that apply when the input is a program directory (shared by scan and baseline). */
export const PROGRAM_OPTIONS = { config: { kind: "list" }, stack: { kind: "string" }, timeout: { kind: "string" } } as const;

export function programOptions(args: ParsedArgs, command: string): ProgramOptions {
    const timeout = args.values.timeout;
    const seconds = timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : Number(timeout);
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 86_400) {
        throw new CliError(`${command}: --timeout takes a number of seconds between 1 and 86400, not "${timeout}"`);
    }
    const stack = args.values.stack;
    if (stack !== undefined && !/^[A-Za-z0-9_.-]+$/.test(stack)) throw new CliError(`${command}: --stack takes a stack name (letters, digits, -, _ and .), not "${stack}"`);
    return { config: args.lists.config ?? [], stack: stack ?? DEFAULT_STACK, stackNamed: stack !== undefined, timeoutSeconds: seconds };
}

export async function loadInput(target: string, options: ProgramOptions): Promise<ScanInput> {
    if (target === "-") return readStackExport(decodeInputText(await readStdin(), "stdin", EXPORT), "stdin");
    const stat = statInput(target, "scan");
    if (stat.isDirectory()) {
        const { recordProgram } = await import("../program");
        return recordProgram(target, options);
    }
    if (options.config.length > 0 || options.stackNamed) throw new CliError("scan: --config and --stack apply to a program directory, not to a stack export");
    const input = readStackExport(decodeInputText(fs.readFileSync(target), target, EXPORT), target);
    // SARIF locates results in the export file, relative to where the scan runs (%SRCROOT%).
    return { ...input, sourceRoot: process.cwd(), artifact: path.relative(process.cwd(), path.resolve(target)).split(path.sep).join("/") };
}

export const options = {
    "policy-pack-config": { kind: "string" }, format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" },
    "max-length": { kind: "string" }, ...PROGRAM_OPTIONS,
} satisfies Record<string, OptionSpec>;

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "scan");
    const [target] = expectPositionals(args, ["input"], "scan");
    checkOutput(args.values.output);
    const format = checkFormat(args.values.format, "scan");
    const maxLength = checkMaxLength(args.values["max-length"], format, "scan");
    const config = readPolicyConfig(args.values["policy-pack-config"]);
    const input = await loadInput(target, programOptions(args, "scan"));
    const { scan } = await import("../scanner");
    const results = await scan(input, config);
    writeResult(renderChunks(results, format, { colour: useColour(args.values.output), checks: args.flags.checks, maxLength }), args.values.output);
    return hasMandatory(results) ? EXIT_VIOLATIONS : EXIT_OK;
}
