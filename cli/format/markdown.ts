// Markdown for a pull-request comment: counts, then one table per severity.
import { SEVERITIES, summaryLine, type Results } from "../results";

function cell(text: string): string {
    return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

export function formatMarkdown(results: Results): string {
    const lines = [`### ${results.tool.name}: ${results.findings.length === 0 ? "no policy violations" : "policy violations"}`, ""];
    lines.push(`${summaryLine(results)} (source: \`${cell(results.source)}\`).`, "");
    if (results.findings.length > 0) {
        lines.push("| severity | mandatory | advisory |", "|---|---|---|");
        for (const severity of SEVERITIES) {
            const of = results.findings.filter((finding) => (finding.severity ?? "unspecified") === severity);
            if (of.length === 0) continue;
            lines.push(`| ${severity} | ${of.filter((f) => f.level === "mandatory").length} | ${of.filter((f) => f.level !== "mandatory").length} |`);
        }
        lines.push("");
    }
    for (const severity of SEVERITIES) {
        const of = results.findings.filter((finding) => (finding.severity ?? "unspecified") === severity)
            .sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1) || a.policy.localeCompare(b.policy));
        if (of.length === 0) continue;
        lines.push(`#### ${severity[0].toUpperCase()}${severity.slice(1)} (${of.length})`, "",
            "| level | policy | resource | finding |", "|---|---|---|---|");
        for (const finding of of) {
            const ref = results.policies.find((policy) => policy.name === finding.policy && policy.pack === finding.pack);
            const policy = ref?.helpUrl ? `[\`${finding.policy}\`](${ref.helpUrl})` : `\`${cell(finding.policy)}\``;
            const pack = finding.pack === "snapshot-guard" ? "" : ` (${cell(finding.pack)})`;
            const resource = finding.urn ? `\`${cell(finding.name)}\` (${cell(finding.type)})` : "stack";
            lines.push(`| ${finding.level === "mandatory" ? "**mandatory**" : finding.level} | ${policy}${pack} | ${resource} | ${cell(finding.message)} |`);
        }
        lines.push("");
    }
    return lines.join("\n").trimEnd() + "\n";
}
