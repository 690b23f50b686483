// Message texts shared by the adapter: one place decides how findings read.

import type { Violation } from "./rule";
import type { Exemption } from "./config";

export function formatViolation(finding: Violation): string {
    return finding.path === "" ? `${finding.problem}; ${finding.fix}` : `${finding.problem} at ${finding.path}; ${finding.fix}`;
}

export function expiredNote(exemption: Exemption): string {
    return ` (the exemption for "${exemption.resource}" expired on ${exemption.expires}: ${exemption.reason})`;
}

/** How a not-applicable reason says a resource was exempted (the CLI counts these). */
export const EXEMPTED = "exempted by policy config";

export function exemptedReason(exemption: Exemption): string {
    const until = exemption.expires ? ` until ${exemption.expires}` : "";
    return `${EXEMPTED}${until}: ${exemption.reason}`;
}

export function deferredReason(paths: readonly string[]): string {
    const unique = [...new Set(paths)];
    return `deferred until deploy: ${unique.join(", ")} ${unique.length === 1 ? "is" : "are"} unknown during preview`;
}

export function invalidConfigMessage(error: Error): string {
    return `invalid policy config: ${error.message}; fix the policy pack config file (--policy-pack-config) or the policy group config`;
}

// Error messages can quote input values (JSON.parse does); those values may be secrets.
function redact(text: string): string {
    return text.replace(/(["'`]).*?\1/g, "…").replace(/\s+/g, " ").slice(0, 200);
}

export function crashMessage(ruleId: string, error: unknown): string {
    const detail = error instanceof Error ? `${error.name}: ${redact(error.message)}` : "non-error thrown";
    return `could not evaluate ${ruleId} on this resource: ${detail}; the rule fails closed until this is fixed, please report it with the resource type`;
}

export function fixCrashMessage(ruleId: string, error: unknown): string {
    const detail = error instanceof Error ? `${error.name}: ${redact(error.message)}` : "non-error thrown";
    return `could not remediate ${ruleId} on this resource: ${detail}; nothing was changed and the rule still reports, please report it with the resource type`;
}
