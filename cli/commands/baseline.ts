// `snapshot-guard baseline <stack.json | - | program-dir> --reason TEXT --expires YYYY-MM-DD --output FILE`:
// adopt the pack on a live stack. Scans, then writes the policy config (merged into the given one)
// with one exemption per existing mandatory finding, by exact URN and per rule, with the reason and
// expiry: what exists passes until the date, everything new or changed is judged in full.
import { isValidDate } from "../../core/config";
import { isGlob } from "../../core/glob";
import type { PolicyPackConfig } from "../analyzer-client";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK } from "../errors";
import { BAD_INPUT, type CommandHelp } from "../help";
import { checkOutput, notice, status, writeResult } from "../output";
import { readPolicyConfig, validatePolicyConfig } from "../policy-config";
import type { ResultFinding } from "../results";
import { loadInput, programOptions, PROGRAM_OPTIONS } from "./scan";

export const options = {
    reason: { kind: "string" }, expires: { kind: "string" }, "max-expiry": { kind: "string" }, output: { kind: "string" },
    "policy-pack-config": { kind: "string" }, ...PROGRAM_OPTIONS,
} satisfies Record<string, OptionSpec>;

export const help: CommandHelp = {
    usage: "baseline <stack.json | - | program-dir> --reason TEXT --expires YYYY-MM-DD --output FILE [options]",
    summary: "adopt the pack on a live stack: exempt its existing mandatory findings until a date",
    description: [
        "Scans the input as `scan` does, then writes the policy config (merged into --policy-pack-config) with one",
        "exemption per existing mandatory finding, by exact URN and per rule, with the reason and expiry: existing",
        "resources pass until --expires, everything new or changed is judged in full. A re-run adds nothing new.",
    ],
    inputs: [
        ["stack.json", "the output of `pulumi stack export`"],
        ["-", "the same, read from stdin"],
        ["program-dir", "a Pulumi TypeScript program directory (Pulumi.yaml + index.ts), recorded under mocks"],
    ],
    options: [
        ["--reason TEXT", "why the existing findings may stay (required; stored in every exemption)"],
        ["--expires YYYY-MM-DD", "when the exemptions end (required; not in the past)"],
        ["--output FILE", "the policy config to write (required; - for stdout); may be the --policy-pack-config file"],
        ["--policy-pack-config FILE", "the config to merge into: its levels, knobs and exemptions are kept"],
        ["--max-expiry DAYS", "how far ahead --expires may be (default 365)"],
        ["--config KEY=VALUE…", "stack config for a program, as in scan"],
        ["--stack NAME", "stack whose Pulumi.<stack>.yaml config a program scan reads (default dev)"],
        ["--timeout SECONDS", "bound on recording a program (default 300)"],
    ],
    exitCodes: [[0, "written (existing findings are exempted, not reported)"], BAD_INPUT],
};

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_EXPIRY_DAYS = 365;

interface Exemption {
    resource: string;
    reason: string;
    expires: string;
}

function today(): Date {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** The expiry date, refused when malformed, past, or further ahead than the allowed number of days. */
export function checkExpiry(expires: string | undefined, maxExpiry: string | undefined, from: Date = today()): string {
    if (expires === undefined) throw new CliError("baseline: --expires YYYY-MM-DD is required: exemptions for existing findings must end");
    if (!isValidDate(expires)) throw new CliError(`baseline: --expires must be a date written YYYY-MM-DD, not "${expires}"`);
    let maxDays = DEFAULT_MAX_EXPIRY_DAYS;
    if (maxExpiry !== undefined) {
        if (!/^[0-9]+$/.test(maxExpiry)) throw new CliError(`baseline: --max-expiry must be a whole number of days, not "${maxExpiry}"`);
        maxDays = Number(maxExpiry);
    }
    const days = Math.round((Date.parse(`${expires}T00:00:00Z`) - from.getTime()) / DAY_MS);
    if (days < 0) throw new CliError(`baseline: --expires ${expires} is in the past`);
    if (days > maxDays) {
        throw new CliError(`baseline: --expires ${expires} is ${days} days ahead, more than ${maxDays}; give --max-expiry ${days} to allow it`);
    }
    return expires;
}

/** One entry per (rule, URN) with a mandatory finding, in a stable order. */
function existingViolations(findings: readonly ResultFinding[], pack: string): Array<{ policy: string; urn: string }> {
    const pairs = new Map<string, { policy: string; urn: string }>();
    for (const finding of findings) {
        if (finding.level !== "mandatory" || finding.pack !== pack) continue;
        if (finding.urn === "") {
            notice(`${finding.policy} reported a finding on no resource; it cannot be exempted by URN and still blocks`);
            continue;
        }
        if (isGlob(finding.urn)) {
            notice(`${finding.urn} contains * or ?, which an exemption reads as a pattern; exempt it by hand if you must`);
            continue;
        }
        pairs.set(`${finding.policy}\u0000${finding.urn}`, { policy: finding.policy, urn: finding.urn });
    }
    return [...pairs.values()].sort((a, b) => a.policy.localeCompare(b.policy) || a.urn.localeCompare(b.urn));
}

/**
 * The given config with the exemptions added. A rule's level and knobs are kept; an exemption that
 * is already there (same URN, reason and expiry) is not added twice, so a re-run changes nothing.
 */
export function withExemptions(config: PolicyPackConfig, violations: ReadonlyArray<{ policy: string; urn: string }>, reason: string, expires: string) {
    const result: Record<string, unknown> = structuredClone(config);
    let added = 0;
    for (const { policy, urn } of violations) {
        const current = result[policy];
        const entry: Record<string, unknown> = typeof current === "string" ? { enforcementLevel: current }
            : (current as Record<string, unknown> | undefined) ?? {};
        const exemptions = (entry.exemptions as Exemption[] | undefined) ?? [];
        if (!exemptions.some((exemption) => exemption.resource === urn && exemption.reason === reason && exemption.expires === expires)) {
            exemptions.push({ resource: urn, reason, expires });
            added++;
        }
        result[policy] = { ...entry, exemptions };
    }
    return { config: result, added };
}

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "baseline");
    const [target] = expectPositionals(args, ["input"], "baseline");
    const reason = args.values.reason?.trim();
    if (!reason) throw new CliError("baseline: --reason TEXT is required: say why existing findings may stay until --expires");
    const expires = checkExpiry(args.values.expires, args.values["max-expiry"]);
    if (args.values.output === undefined) throw new CliError("baseline: --output FILE is required (the policy config to write; - for stdout)");
    checkOutput(args.values.output);
    const given = readPolicyConfig(args.values["policy-pack-config"]);
    const input = await loadInput(target, programOptions(args, "baseline"));
    const { scan } = await import("../scanner");
    const results = await scan(input, given);
    const violations = existingViolations(results.findings, results.tool.name);
    const { config, added } = withExemptions(given, violations, reason, expires);
    validatePolicyConfig(config, "(baseline)");
    writeResult(JSON.stringify(config, null, 4) + "\n", args.values.output);
    const rules = new Set(violations.map((violation) => violation.policy)).size;
    status(`${violations.length} existing mandatory finding${violations.length === 1 ? "" : "s"} across ${rules} rule${rules === 1 ? "" : "s"}; `
        + `${added} exemption${added === 1 ? "" : "s"} added, expiring ${expires}`);
    return EXIT_OK;
}
