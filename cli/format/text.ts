// Human-readable findings, grouped by resource; colour only when asked (the caller checks for a TTY).
import { EXEMPTED } from "../../core/messages";
import { severityRank, summaryLine, type ResultFinding, type Results } from "../results";

export interface TextOptions {
    colour?: boolean;
}

export function formatText(results: Results, options: TextOptions = {}): string {
    const paint = (code: string, text: string) => (options.colour ? `\u001b[${code}m${text}\u001b[0m` : text);
    const byResource = new Map<string, ResultFinding[]>();
    for (const finding of results.findings) {
        const list = byResource.get(finding.urn) ?? [];
        list.push(finding);
        byResource.set(finding.urn, list);
    }
    const lines: string[] = [];
    for (const [urn, findings] of byResource) {
        const first = findings[0];
        lines.push(paint("1", urn ? `${first.type} ${first.name}` : "stack"), paint("2", `  ${urn || "(no resource)"}`));
        findings.sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1)
            || severityRank(a.severity) - severityRank(b.severity) || a.policy.localeCompare(b.policy));
        for (const finding of findings) {
            const level = finding.level === "mandatory" ? paint("31", "mandatory") : paint("33", finding.level);
            const pack = finding.pack === "snapshot-guard" ? "" : ` (${finding.pack})`;
            lines.push(`  ${level} ${finding.policy}${pack} [${finding.severity ?? "unspecified"}]`);
            if (finding.path !== undefined && finding.fix !== undefined) {
                const problem = finding.message.slice(0, finding.message.indexOf(` at ${finding.path}; `));
                lines.push(`    ${problem}`, `    at:  ${finding.path}`, `    fix: ${finding.fix}`);
            } else {
                lines.push(`    ${finding.message}`);
            }
        }
        lines.push("");
    }
    if (results.findings.length === 0) {
        lines.push(paint("32", `no violations in ${results.source}`));
    }
    const skipped = results.checks.filter((check) => check.outcome === "skipped");
    const exempted = skipped.filter((check) => check.reason?.includes(EXEMPTED));
    if (exempted.length > 0) {
        lines.push(paint("2", `${exempted.length} finding${exempted.length === 1 ? "" : "s"} exempted by policy config (not blocking until the exemption expires): see --format json`));
    }
    if (skipped.length > exempted.length) {
        const count = skipped.length - exempted.length;
        lines.push(paint("2", `${count} check${count === 1 ? "" : "s"} not decided (value unknown until deploy): see --format json`));
    }
    lines.push(summaryLine(results));
    return lines.join("\n") + "\n";
}
