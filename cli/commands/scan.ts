// `snapshot-guard scan <stack-export.json | - | program-dir>`
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs, type ParsedArgs } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { checkFormat, checkMaxLength, render } from "../format";
import { decodeInputText } from "../input-text";
import { checkOutput, useColour, writeResult } from "../output";
import { DEFAULT_STACK, DEFAULT_TIMEOUT_SECONDS, type ProgramOptions } from "../program";
import { readPolicyConfig } from "../policy-config";
import { hasMandatory } from "../results";
import type { ScanInput } from "../resources";
import { readStackExport } from "../stack-export";

export const usage = "scan <stack.json | - | program-dir> [--policy-pack-config FILE] [--stack NAME] [--config KEY=VALUE]… [--timeout SECONDS]\n" +
    "       [--format text|json|sarif|junit|markdown] [--checks] [--max-length N] [--output FILE]\n" +
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
        return recordProgram(target, options);
    }
    if (options.config.length > 0 || options.stackNamed) throw new CliError("scan: --config and --stack apply to a program directory, not to a stack export");
    const input = readStackExport(decodeInputText(fs.readFileSync(target), target, EXPORT), target);
    // SARIF locates results in the export file, relative to where the scan runs (%SRCROOT%).
    return { ...input, sourceRoot: process.cwd(), artifact: path.relative(process.cwd(), path.resolve(target)).split(path.sep).join("/") };
}

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, {
        "policy-pack-config": { kind: "string" }, format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" },
        "max-length": { kind: "string" }, ...PROGRAM_OPTIONS,
    }, "scan");
    const [target] = expectPositionals(args, ["input"], "scan");
    checkOutput(args.values.output);
    const format = checkFormat(args.values.format, "scan");
    const maxLength = checkMaxLength(args.values["max-length"], format, "scan");
    const config = readPolicyConfig(args.values["policy-pack-config"]);
    const input = await loadInput(target, programOptions(args, "scan"));
    const { scan } = await import("../scanner");
    const results = await scan(input, config);
    writeResult(render(results, format, { colour: useColour(args.values.output), checks: args.flags.checks, maxLength }), args.values.output);
    return hasMandatory(results) ? EXIT_VIOLATIONS : EXIT_OK;
}
