// `snapshot-guard assess <inputs…> | --all-stacks --output DIR`: the periodic assessment of every
// deployed stack. Scans all stacks through one pack process and writes DIR/assessment.json and a
// self-contained DIR/index.html; with --previous, also what changed since that assessment.
import * as fs from "fs";
import * as path from "path";
import { parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_BAD_INPUT, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import type { CommandHelp } from "../help";
import { notice, status } from "../output";
import { readPolicyConfig } from "../policy-config";
import type { Assessment } from "../assessment/model";

export const help: CommandHelp = {
    usage: "assess <stack.json | dir | ->… | --all-stacks --output DIR [options]",
    summary: "assess every deployed stack at once: assessment.json and a self-contained HTML report",
    description: [
        "Scans many stacks through one pack process (as `scan` does each), and writes DIR/assessment.json (per stack",
        "and in total: findings by rule, cloud, severity and level; exemptions with days left; errors) and",
        "DIR/index.html. With --previous, also what is new, what was fixed and the trend since that assessment.",
    ],
    inputs: [
        ["stack.json", "the output of `pulumi stack export`"],
        ["dir", "a directory of such files"],
        ["-", "one export read from stdin"],
    ],
    options: [
        ["--all-stacks", "every stack `pulumi stack ls --all` lists, exported with the installed pulumi CLI"],
        ["--output DIR", "where to write assessment.json and index.html (required; created when missing)"],
        ["--policy-pack-config FILE", "policy config: levels, knobs and exemptions per rule"],
        ["--previous FILE.json", "the assessment.json of the last run, for new, fixed and the trend"],
        ["--fail-on LEVEL", "mandatory (default), advisory (any finding) or none (always 0 once written)"],
    ],
    exitCodes: [
        [0, "no mandatory finding (or --fail-on none)"], [1, "a stack has a mandatory finding (with --fail-on advisory, any finding)"],
        [2, "bad input, or a stack could not be assessed (the report is written first)"],
    ],
};

export const options = {
    "policy-pack-config": { kind: "string" }, previous: { kind: "string" }, output: { kind: "string" },
    "all-stacks": { kind: "boolean" }, "fail-on": { kind: "string" },
} satisfies Record<string, OptionSpec>;

const FAIL_ON = ["mandatory", "advisory", "none"] as const;
type FailOn = typeof FAIL_ON[number];

/** The output directory, created when missing; refused when it is a file or cannot be created. */
function prepareOutputDir(dir: string): string {
    try {
        fs.mkdirSync(dir, { recursive: true });
        fs.accessSync(dir, fs.constants.W_OK);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(`assess: cannot write to --output ${dir}: ${code === "EEXIST" || code === "ENOTDIR" ? "not a directory" : code ?? (error as Error).message}`);
    }
    return dir;
}

/** Written next to its final name first, so a scheduled run never leaves half a report. */
function writeAtomically(file: string, write: (partial: string) => void): void {
    const partial = `${file}.partial`;
    try {
        write(partial);
        fs.renameSync(partial, file);
    } catch (error) {
        fs.rmSync(partial, { force: true });
        throw new CliError(`assess: cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
}

/**
 * As `scan`: 1 when a stack has a mandatory finding (with --fail-on advisory, any finding), else 0;
 * 2 when a stack could not be assessed (the report is written first). --fail-on none: always 0 once
 * the report is written, for scheduled runs whose product is the report.
 */
function exitCode(assessment: Pick<Assessment, "totals">, failOn: FailOn): number {
    if (failOn === "none") return EXIT_OK;
    if (assessment.totals.stacksWithErrors > 0) return EXIT_BAD_INPUT;
    const { mandatory, advisory } = assessment.totals.byLevel;
    return mandatory > 0 || (failOn === "advisory" && advisory > 0) ? EXIT_VIOLATIONS : EXIT_OK;
}

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "assess");
    const allStacks = args.flags["all-stacks"] === true;
    if (allStacks && args.positionals.length > 0) throw new CliError("assess: give either export files (or directories, or -) or --all-stacks, not both");
    if (!allStacks && args.positionals.length === 0) throw new CliError("assess: missing <stack.json | dir | -> or --all-stacks (see snapshot-guard assess --help)");
    const failOn = (args.values["fail-on"] ?? "mandatory") as FailOn;
    if (!FAIL_ON.includes(failOn)) throw new CliError(`assess: --fail-on must be ${FAIL_ON.join(", ")}, not "${args.values["fail-on"]}"`);
    if (args.values.output === undefined) throw new CliError("assess: --output DIR is required (where assessment.json and index.html are written)");
    const config = readPolicyConfig(args.values["policy-pack-config"]);
    const { readPrevious } = await import("../assessment/previous");
    const previous = args.values.previous === undefined ? undefined : readPrevious(args.values.previous);
    const sources = allStacks
        ? await (await import("../assessment/pulumi-stacks")).pulumiStackSources()
        : (await import("../assessment/sources")).exportSources(args.positionals);
    const outputDir = prepareOutputDir(args.values.output);

    const now = new Date();
    const { ExemptionTracker } = await import("../assessment/exemptions");
    const exemptions = new ExemptionTracker(config, now);
    const { startPack, closePack } = await import("../scanner");
    const { assessStacks } = await import("../assessment/assess-stacks");
    const pack = await startPack(config);
    let assessed;
    try {
        assessed = await assessStacks(pack, sources, exemptions, status);
    } finally {
        await closePack(pack);
    }
    const { assemble } = await import("../assessment/assemble");
    const assessment = assemble({ generatedAt: now, tool: { name: pack.info.name, version: pack.info.version }, assessed, exemptions, previous });
    const { renderHtml } = await import("../assessment/html");
    const { writeJsonFile } = await import("../assessment/json-file");
    writeAtomically(path.join(outputDir, "assessment.json"), (partial) => writeJsonFile(partial, assessment));
    writeAtomically(path.join(outputDir, "index.html"), (partial) => fs.writeFileSync(partial, renderHtml(assessment)));

    const { totals } = assessment;
    process.stdout.write(`assessed ${totals.stacks - totals.stacksWithErrors} of ${totals.stacks} stacks (${totals.resources} resources): ` +
        `${totals.byLevel.mandatory} mandatory, ${totals.byLevel.advisory} advisory findings; ` +
        `${totals.stacksAffected} stack${totals.stacksAffected === 1 ? "" : "s"} with mandatory findings; ` +
        `report: ${path.join(outputDir, "index.html")}\n`);
    if (totals.stacksWithErrors > 0) {
        notice(`${totals.stacksWithErrors} stack${totals.stacksWithErrors === 1 ? "" : "s"} could not be assessed (listed in the report)`);
    }
    return exitCode(assessment, failOn);
}
