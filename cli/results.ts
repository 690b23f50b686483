// The result model every output format renders: what `scan` finds and what `report` reads from
// Pulumi's event stream end up in the same shape.
import { allRules } from "../policies";
import type { Rule } from "../core/rule";

export type ResultLevel = "mandatory" | "advisory" | "remediate";

export interface PolicyRef {
    /** Policy (rule) name. */
    name: string;
    pack: string;
    packVersion?: string;
    title?: string;
    severity?: string;
    /** Level the policy ran at, when known. */
    level?: ResultLevel | "disabled";
    helpUrl?: string;
    remediation?: string;
    rationale?: string;
}

export interface ResultFinding {
    policy: string;
    pack: string;
    packVersion?: string;
    level: ResultLevel;
    severity?: string;
    /** URN of the resource; empty for stack-wide findings. */
    urn: string;
    type: string;
    name: string;
    message: string;
    /** Property path, when the message has the `<problem> at <path>; <fix>` shape. */
    path?: string;
    fix?: string;
    /** Where the resource is declared in the program (program scans), relative to Results.sourceRoot. */
    location?: SourceLocation;
}

/** A position in a source file: `file` relative to Results.sourceRoot with `/` separators, 1-based line and column. */
export interface SourceLocation {
    file: string;
    line: number;
    column?: number;
}

/** One (resource, policy) pair that ran: passed, failed, or not applicable with a reason. */
export interface Check {
    urn: string;
    type: string;
    name: string;
    policy: string;
    pack: string;
    outcome: "passed" | "failed" | "skipped";
    reason?: string;
}

export interface Results {
    /** What was scanned or reported on (a file name, "stdin", a program directory). */
    source: string;
    /** Relative path (to sourceRoot) to point SARIF locations at, when there is a file to point at. */
    artifact?: string;
    /** Absolute directory that `artifact` and finding locations are relative to (SARIF's %SRCROOT%). */
    sourceRoot?: string;
    tool: { name: string; version: string };
    policies: PolicyRef[];
    findings: ResultFinding[];
    checks: Check[];
    /** Resources seen (URNs), for the counts. */
    resources: string[];
    /** When the run started (an ISO 8601 instant, as Date#toISOString writes it); absent when unknown. */
    startedAt?: string;
    /** How long the run took, in seconds; absent when unknown. */
    durationSeconds?: number;
    /** The Pulumi project and stack the results are about, when known. */
    project?: string;
    stack?: string;
}

/** The type of the root resource every Pulumi stack has; not a resource anybody declared. */
export const STACK_RESOURCE_TYPE = "pulumi:pulumi:Stack";

export function isStackResource(urn: string): boolean {
    return typeOfUrn(urn) === STACK_RESOURCE_TYPE;
}

/** The project and stack that all of `urns` name (`urn:pulumi:<stack>::<project>::…`); empty when they name none or several. */
export function commonStack(urns: Iterable<string>): { project?: string; stack?: string } {
    let common: { project: string; stack: string } | undefined;
    for (const urn of urns) {
        if (urn === "") continue;
        const match = /^urn:pulumi:([^:]+)::([^:]+)::/.exec(urn);
        if (!match || (common && (common.stack !== match[1] || common.project !== match[2]))) return {};
        common = { stack: match[1], project: match[2] };
    }
    return common ?? {};
}

export function typeOfUrn(urn: string): string {
    const parts = urn.split("::");
    if (parts.length < 4) return "";
    const qualified = parts[2];
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

export function nameOfUrn(urn: string): string {
    const parts = urn.split("::");
    return parts.length < 4 ? urn : parts.slice(3).join("::");
}

const violationShape = /^(.*?) at ([^\s;]+); (.*)$/s;

/** Splits our own `<problem> at <path>; <fix>` messages; leaves other packs' messages alone. */
export function splitMessage(message: string): { path?: string; fix?: string } {
    const match = violationShape.exec(message);
    return match ? { path: match[2], fix: match[3] } : {};
}

/**
 * The policy SDK puts the policy's description on the first line of a diagnostic; drop it.
 * `descriptionFirst` says the first line is the description even when it is not `description`:
 * our pack always reports plain-string messages, which the SDK prefixes with the description of
 * the pack version that ran, and an event log may come from a version whose titles differ from
 * the installed rule list.
 */
export function withoutDescription(message: string, description: string | undefined, descriptionFirst = false): string {
    const trimmed = message.trim();
    if (description && trimmed.startsWith(`${description}\n`)) return trimmed.slice(description.length + 1).trim();
    const newline = trimmed.indexOf("\n");
    if (descriptionFirst && newline >= 0) return trimmed.slice(newline + 1).trim();
    return trimmed;
}

/** Removes ANSI colour codes and Pulumi's colour tags (`<{%reset%}>`, `<{%fg 1%}>`, `<{%bold%}>`). */
export function stripColour(text: string): string {
    return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").replace(/<\{%[^%<>]*%\}>/g, "");
}

export function ourRule(name: string, pack: string, rules: readonly Rule[] = allRules): Rule | undefined {
    return pack === "snapshot-guard" ? rules.find((rule) => rule.id === name) : undefined;
}

/** Policy metadata from our rule list when the policy is ours. */
export function policyRef(name: string, pack: string, packVersion?: string): PolicyRef {
    const rule = ourRule(name, pack);
    return {
        name, pack, ...(packVersion ? { packVersion } : {}),
        ...(rule ? {
            title: rule.title, severity: rule.severity, helpUrl: rule.docsUrl,
            remediation: rule.remediation, rationale: rule.rationale,
        } : {}),
    };
}

export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
    return counts;
}

export function hasMandatory(results: Results): boolean {
    return results.findings.some((finding) => finding.level === "mandatory");
}

export function summaryLine(results: Results): string {
    const mandatory = results.findings.filter((finding) => finding.level === "mandatory").length;
    const advisory = results.findings.filter((finding) => finding.level === "advisory").length;
    const remediated = results.findings.filter((finding) => finding.level === "remediate").length;
    const affected = new Set(results.findings.filter((finding) => finding.level !== "remediate").map((finding) => finding.urn)).size;
    return `${mandatory} mandatory, ${advisory} advisory violation${advisory === 1 ? "" : "s"} ` +
        `on ${affected} of ${results.resources.length} resource${results.resources.length === 1 ? "" : "s"}` +
        (remediated > 0 ? `; ${remediated} remediated` : "");
}

const severityOrder = ["critical", "high", "medium", "low", "unspecified"];
export function severityRank(severity: string | undefined): number {
    const index = severityOrder.indexOf(severity ?? "unspecified");
    return index < 0 ? severityOrder.length : index;
}
export const SEVERITIES = severityOrder;
