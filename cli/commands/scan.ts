// `snapshot-guard scan <stack-export.json | - | program-dir>`
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { checkFormat, render } from "../format";
import { decodeInputText } from "../input-text";
import { checkOutput, useColour, writeResult } from "../output";
import { readPolicyConfig } from "../policy-config";
import { hasMandatory } from "../results";
import type { ScanInput } from "../resources";
import { readStackExport } from "../stack-export";

export const usage = "scan <stack.json | - | program-dir> [--policy-pack-config FILE] [--config KEY=VALUE]…\n" +
    "       [--format text|json|sarif|junit|markdown] [--checks] [--output FILE]\n" +
    "      runs the pack over a `pulumi stack export` file (or stdin) or a Pulumi TypeScript program directory;\n" +
    "      --checks adds every (resource, policy) outcome to --format json";

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

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, {
        "policy-pack-config": { kind: "string" }, format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" }, config: { kind: "list" },
    }, "scan");
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
