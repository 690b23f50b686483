// An example's expected findings with the enforcement level each one must have: the level its
// expected-findings.json states, else the level its policy config gives the rule, else the rule's
// default level.
import * as fs from "fs";
import * as path from "path";
import { nameOfUrn } from "../../cli/results";
import { allRules } from "../../policies";

export interface ExpectedFinding {
    rule: string;
    resource: string;
    level: string;
}

export interface Expected {
    findings: ExpectedFinding[];
    /** Absolute path of the example's policy config, when it has one. */
    config?: string;
}

function configuredLevel(config: Record<string, unknown>, rule: string): string | undefined {
    const entry = config[rule] ?? config.all;
    if (typeof entry === "string") return entry;
    if (entry && typeof entry === "object" && typeof (entry as { enforcementLevel?: unknown }).enforcementLevel === "string") {
        return (entry as { enforcementLevel: string }).enforcementLevel;
    }
    return undefined;
}

export function expectedFindings(programDir: string): Expected {
    const file = JSON.parse(fs.readFileSync(path.join(programDir, "expected-findings.json"), "utf8")) as {
        findings: { rule: string; resource: string; level?: string }[];
        policyPackConfig?: string;
    };
    const config = file.policyPackConfig ? path.join(programDir, file.policyPackConfig) : undefined;
    const settings = config ? JSON.parse(fs.readFileSync(config, "utf8")) as Record<string, unknown> : {};
    const defaults = new Map(allRules.map((rule) => [rule.id, rule.defaultLevel as string]));
    return {
        config,
        findings: file.findings.map((finding) => ({
            rule: finding.rule,
            resource: finding.resource,
            level: finding.level ?? configuredLevel(settings, finding.rule) ?? defaults.get(finding.rule) ?? "unknown rule",
        })),
    };
}

/** `name level rule` lines of expected findings, sorted: compares as a multiset. */
export function expectedMultiset(expected: Expected): string[] {
    return expected.findings.map((finding) => `${finding.rule} ${finding.level} ${finding.resource}`).sort();
}

/** The same lines for engine findings, by resource name (the URN's last segment). */
export function byResourceName(findings: readonly { rule: string; urn: string; level: string }[]): string[] {
    return findings.map((finding) => `${finding.rule} ${finding.level} ${nameOfUrn(finding.urn)}`).sort();
}

/** The exit code `pulumi preview` must have: 1 with a mandatory finding, else 0. */
export function expectedExit(expected: Expected): number {
    return expected.findings.some((finding) => finding.level === "mandatory") ? 1 : 0;
}
