// JUnit XML: one test suite per policy pack, one test case per (resource, policy) that ran. Only a
// mandatory violation fails its test case: advisory findings and remediations are results of a
// passing case, written to its <system-out> (which Jenkins shows and junitparser reads), so a run
// that would pass `pulumi preview` also passes as a test report.
import type { Check, ResultFinding, Results } from "../results";

export function xmlEscape(text: string): string {
    return text
        // characters XML 1.0 cannot carry at all
        .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export interface JunitOptions {
    /** The start time when the results carry none. */
    now?: () => Date;
}

/** The JUnit schema's timestamp: ISO 8601 without fractions or zone (written in UTC). */
export function junitTimestamp(date: Date): string {
    return date.toISOString().slice(0, 19);
}

type Verdict =
    | { outcome: "failed"; findings: ResultFinding[] }
    | { outcome: "passed"; notes: ResultFinding[] }
    | { outcome: "skipped"; reason: string };

function caseKey(entry: { urn: string; policy: string; pack: string }): string {
    return `${entry.urn}\u0000${entry.pack}\u0000${entry.policy}`;
}

/** Every (resource, policy) pair with its findings, including findings no check names (e.g. stack policies on a resource). */
function testCases(results: Results): { check: Check; verdict: Verdict }[] {
    const findingsOf = new Map<string, ResultFinding[]>();
    const checks: Check[] = [...results.checks];
    const known = new Set(checks.map(caseKey));
    for (const finding of results.findings) {
        const key = caseKey(finding);
        findingsOf.set(key, [...(findingsOf.get(key) ?? []), finding]);
        if (!known.has(key)) {
            known.add(key);
            checks.push({ urn: finding.urn, type: finding.type, name: finding.name, policy: finding.policy, pack: finding.pack, outcome: "failed" });
        }
    }
    return checks.map((check) => {
        const findings = findingsOf.get(caseKey(check)) ?? [];
        if (findings.some((finding) => finding.level === "mandatory")) return { check, verdict: { outcome: "failed", findings } };
        if (findings.length > 0) return { check, verdict: { outcome: "passed", notes: findings } };
        if (check.outcome === "skipped") return { check, verdict: { outcome: "skipped", reason: check.reason ?? "not applicable" } };
        // A check the engine counted as failed without a readable finding (e.g. a malformed event) stays failed.
        if (check.outcome === "failed") return { check, verdict: { outcome: "failed", findings: [] } };
        return { check, verdict: { outcome: "passed", notes: [] } };
    });
}

function testCaseXml(check: Check, verdict: Verdict, pack: string): string[] {
    const open = `    <testcase classname="${xmlEscape(check.urn || pack)}" name="${xmlEscape(check.policy)}"`;
    const details = (findings: ResultFinding[]) => xmlEscape(findings.map((finding) => `[${finding.level}] ${finding.message}`).join("\n"));
    switch (verdict.outcome) {
        case "failed": {
            const summary = verdict.findings[0]?.message ?? "policy violation";
            return [`${open}>`,
                `      <failure message="${xmlEscape(summary)}" type="mandatory">${details(verdict.findings)}</failure>`,
                "    </testcase>"];
        }
        case "skipped":
            return [`${open}>`, `      <skipped message="${xmlEscape(verdict.reason)}"/>`, "    </testcase>"];
        case "passed":
            return verdict.notes.length === 0
                ? [`${open}/>`]
                : [`${open}>`, `      <system-out>${details(verdict.notes)}</system-out>`, "    </testcase>"];
    }
}

export function formatJunit(results: Results, options: JunitOptions = {}): string {
    const started = results.startedAt !== undefined && !Number.isNaN(Date.parse(results.startedAt))
        ? new Date(results.startedAt) : (options.now ?? (() => new Date()))();
    const seconds = results.durationSeconds !== undefined && Number.isFinite(results.durationSeconds) && results.durationSeconds >= 0 ? results.durationSeconds : 0;
    const timing = `time="${seconds.toFixed(3)}" timestamp="${junitTimestamp(started)}"`;
    const cases = testCases(results);
    const count = (of: typeof cases, outcome: Verdict["outcome"]) => of.filter((entry) => entry.verdict.outcome === outcome).length;
    const suites: string[] = [];
    for (const pack of [...new Set(cases.map((entry) => entry.check.pack))]) {
        const of = cases.filter((entry) => entry.check.pack === pack);
        suites.push(`  <testsuite name="${xmlEscape(pack)}" tests="${of.length}" failures="${count(of, "failed")}" errors="0" skipped="${count(of, "skipped")}" ${timing}>`);
        for (const { check, verdict } of of) suites.push(...testCaseXml(check, verdict, pack));
        suites.push("  </testsuite>");
    }
    return ['<?xml version="1.0" encoding="UTF-8"?>',
        `<testsuites name="${xmlEscape(results.tool.name)}" tests="${cases.length}" failures="${count(cases, "failed")}" errors="0" skipped="${count(cases, "skipped")}" ${timing}>`,
        ...suites,
        "</testsuites>"].join("\n") + "\n";
}
