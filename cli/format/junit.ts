// JUnit XML: one test suite per policy pack, one test case per (resource, policy) that ran.
import type { Check, Results } from "../results";

export function xmlEscape(text: string): string {
    return text
        // characters XML 1.0 cannot carry at all
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function formatJunit(results: Results): string {
    const checks: Check[] = [...results.checks];
    const key = (entry: { urn: string; policy: string; pack: string }) => `${entry.urn}\u0000${entry.pack}\u0000${entry.policy}`;
    const known = new Set(checks.map(key));
    const findingsOf = new Map<string, typeof results.findings>();
    const remediationsOf = new Map<string, string[]>();
    for (const finding of results.findings) {
        // A remediation is a result, not a failure: its test case passes and says what changed.
        const remediated = finding.level === "remediate";
        if (remediated) {
            remediationsOf.set(key(finding), [...(remediationsOf.get(key(finding)) ?? []), finding.message]);
        } else {
            findingsOf.set(key(finding), [...(findingsOf.get(key(finding)) ?? []), finding]);
        }
        // Findings without a matching check (e.g. stack policies reporting on a resource) still count.
        if (!known.has(key(finding))) {
            known.add(key(finding));
            checks.push({ urn: finding.urn, type: finding.type, name: finding.name, policy: finding.policy, pack: finding.pack, outcome: remediated ? "passed" : "failed" });
        }
    }
    const packs = [...new Set(checks.map((check) => check.pack))];
    const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
    let totalFailures = 0;
    const suites: string[] = [];
    for (const pack of packs) {
        const cases = checks.filter((check) => check.pack === pack);
        const failures = cases.filter((check) => check.outcome === "failed").length;
        const skipped = cases.filter((check) => check.outcome === "skipped").length;
        totalFailures += failures;
        suites.push(`  <testsuite name="${xmlEscape(pack)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}">`);
        for (const check of cases) {
            const open = `    <testcase classname="${xmlEscape(check.urn || pack)}" name="${xmlEscape(check.policy)}"`;
            if (check.outcome === "passed") {
                const remediations = remediationsOf.get(key(check));
                suites.push(remediations
                    ? `${open}>\n      <system-out>${xmlEscape(remediations.join("\n"))}</system-out>\n    </testcase>`
                    : `${open}/>`);
            } else if (check.outcome === "skipped") {
                suites.push(`${open}>`, `      <skipped message="${xmlEscape(check.reason ?? "not applicable")}"/>`, "    </testcase>");
            } else {
                const findings = findingsOf.get(key(check)) ?? [];
                const level = findings.some((finding) => finding.level === "mandatory") ? "mandatory" : findings[0]?.level ?? "mandatory";
                const summary = findings[0]?.message ?? "policy violation";
                suites.push(`${open}>`,
                    `      <failure message="${xmlEscape(summary)}" type="${xmlEscape(level)}">${xmlEscape(findings.map((finding) => `[${finding.level}] ${finding.message}`).join("\n"))}</failure>`,
                    "    </testcase>");
            }
        }
        suites.push("  </testsuite>");
    }
    lines.push(`<testsuites name="${xmlEscape(results.tool.name)}" tests="${checks.length}" failures="${totalFailures}">`, ...suites, "</testsuites>");
    return lines.join("\n") + "\n";
}
