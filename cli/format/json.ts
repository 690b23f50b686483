// Machine-readable results: the result model as JSON, with counts.
import { countBy, type Results } from "../results";

export function formatJson(results: Results): string {
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
        checks: results.checks,
    }, null, 2) + "\n";
}
