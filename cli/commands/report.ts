// `snapshot-guard report <events.ndjson | ->`: Pulumi's policy events as SARIF, JUnit, Markdown, …
import * as fs from "fs";
import * as path from "path";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { eventsToResults, parseEventLog } from "../events";
import { checkFormat, checkMaxLength, renderChunks } from "../format";
import type { CommandHelp } from "../help";
import { decodeInputText, readStdin } from "../input-text";
import { checkOutput, useColour, warning, writeResult } from "../output";
import { hasMandatory } from "../results";

export const help: CommandHelp = {
    usage: "report <events.ndjson | -> [options]",
    summary: "turn Pulumi's policy events into text, JSON, SARIF, JUnit or Markdown for CI",
    description: [
        "Reads the NDJSON engine events of `pulumi preview --event-log FILE` (with PULUMI_DEBUG_COMMANDS=true),",
        "`pulumi up --json`, streaming `pulumi preview --json` or `pulumi policy analyze --json`, and reports the",
        "policy violations and remediations in them. A log without any policy event of the selected packs is an error.",
    ],
    inputs: [["events.ndjson", "the event stream, one JSON object per line"], ["-", "the same, read from stdin"]],
    options: [
        ["--format FORMAT", "text (default), json, sarif, junit or markdown"],
        ["--checks", "with --format json, also every (resource, policy) outcome"],
        ["--max-length N", "cap on --format markdown output (default 60000)"],
        ["--pack NAME…", "report this policy pack's events (default snapshot-guard)"],
        ["--all-packs", "report the events of every policy pack"],
        ["--artifact PATH", "file to attach SARIF results to (e.g. the program's index.ts), as code scanning requires"],
        ["--output FILE", "write the report to FILE instead of stdout (- for stdout)"],
    ],
    exitCodes: [[0, "no mandatory violation"], [1, "at least one mandatory violation"], [2, "bad input, or no policy event of the selected packs"]],
};

export const options = {
    format: { kind: "string" }, output: { kind: "string" }, checks: { kind: "boolean" }, pack: { kind: "list" }, "all-packs": { kind: "boolean" },
    artifact: { kind: "string" }, "max-length": { kind: "string" },
} satisfies Record<string, OptionSpec>;

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "report");
    const [target] = expectPositionals(args, ["events"], "report");
    checkOutput(args.values.output);
    const format = checkFormat(args.values.format, "report");
    const maxLength = checkMaxLength(args.values["max-length"], format, "report");
    if (args.flags["all-packs"] && args.lists.pack) throw new CliError("report: use either --pack or --all-packs");
    let bytes: Buffer;
    try {
        bytes = target === "-" ? await readStdin() : fs.readFileSync(target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "ENOENT" ? `report: ${target} does not exist` : `report: cannot read ${target}: ${code ?? (error as Error).message}`);
    }
    const source = target === "-" ? "stdin" : target;
    const text = decodeInputText(bytes, source, "Pulumi engine events, one JSON object per line");
    const packs = args.flags["all-packs"] ? undefined : args.lists.pack ?? ["snapshot-guard"];
    const results = eventsToResults(parseEventLog(text, source, warning), source, { packs, warn: warning });
    // Events name resources by URN only; SARIF consumers such as GitHub code scanning want a file
    // to attach results to (e.g. index.ts), relative to a source root: the working directory.
    if (args.values.artifact !== undefined) {
        results.sourceRoot = process.cwd();
        results.artifact = path.relative(results.sourceRoot, path.resolve(args.values.artifact.split("\\").join("/"))).split(path.sep).join("/");
    }
    writeResult(renderChunks(results, format, { colour: useColour(args.values.output), checks: args.flags.checks, maxLength }), args.values.output);
    return hasMandatory(results) ? EXIT_VIOLATIONS : EXIT_OK;
}
