// `snapshot-guard report <events.ndjson | ->`: Pulumi's policy events as SARIF, JUnit, Markdown, …
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { eventsToResults, parseEventLog } from "../events";
import { checkFormat, checkMaxLength, render } from "../format";
import { decodeInputText } from "../input-text";
import { checkOutput, useColour, writeResult } from "../output";
import { hasMandatory } from "../results";

export const usage = "report <events.ndjson | -> [--format text|json|sarif|junit|markdown] [--checks] [--output FILE]\n       [--pack NAME]… [--all-packs] [--artifact PATH] [--max-length N]\n" +
    "      turns policy events from `pulumi preview --event-log`, `up --json` or `policy analyze --json` into CI reports";

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, {
        format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" }, pack: { kind: "list" }, "all-packs": { kind: "boolean" },
        artifact: { kind: "string" }, "max-length": { kind: "string" },
    }, "report");
    const [target] = expectPositionals(args, ["events"], "report");
    checkOutput(args.values.output);
    const format = checkFormat(args.values.format, "report");
    const maxLength = checkMaxLength(args.values["max-length"], format, "report");
    if (args.flags["all-packs"] && args.lists.pack) throw new CliError("report: use either --pack or --all-packs");
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(target === "-" ? 0 : target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "ENOENT" ? `report: ${target} does not exist` : `report: cannot read ${target}: ${code ?? (error as Error).message}`);
    }
    const source = target === "-" ? "stdin" : target;
    const text = decodeInputText(bytes, source, "Pulumi engine events, one JSON object per line");
    const packs = args.flags["all-packs"] ? undefined : args.lists.pack ?? ["snapshot-guard"];
    const warn = (message: string) => process.stderr.write(`snapshot-guard: warning: ${message}\n`);
    const results = eventsToResults(parseEventLog(text, source, warn), source, { packs, warn });
    // Events name resources by URN only; SARIF consumers such as GitHub code scanning want a file
    // to attach results to (e.g. index.ts), relative to a source root: the working directory.
    if (args.values.artifact !== undefined) {
        results.sourceRoot = process.cwd();
        results.artifact = path.relative(results.sourceRoot, path.resolve(args.values.artifact.split("\\").join("/"))).split(path.sep).join("/");
    }
    writeResult(render(results, format, { colour: useColour(args.values.output), checks: args.flags.checks, maxLength }), args.values.output);
    return hasMandatory(results) ? EXIT_VIOLATIONS : EXIT_OK;
}
