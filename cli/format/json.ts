// Machine-readable results: the result model as JSON, with counts.
import { countBy, type Results } from "../results";

/**
 * `checks` adds the per-(resource, policy) outcomes: one entry per targeted pair, which for a large
 * stack is most of the output, so it is asked for (`--checks`) rather than always written.
 */
export function formatJson(results: Results, options: { checks?: boolean } = {}): string {
    return JSON.stringify({
        source: results.source,
        tool: results.tool,
        summary: {
            resources: results.resources.length,
            findings: results.findings.length,
            byLevel: countBy(results.findings, (finding) => finding.level),
            bySeverity: countBy(results.findings, (finding) => finding.severity ?? "unspecified"),
        },
        findings: results.findings,
        ...(options.checks ? { checks: results.checks } : {}),
    }, null, 2) + "\n";
}
