// Human-readable findings, grouped by resource; colour only when asked (the caller checks for a TTY).
import * as path from "path";
import { EXEMPTED } from "../../core/messages";
import { severityRank, summaryLine, type ResultFinding, type Results } from "../results";

export interface TextOptions {
    colour?: boolean;
    /** Directory that declaring files are shown relative to (default: the working directory), so `file:line` opens from the terminal. */
    cwd?: string;
}

/** Where a finding's resource is declared, as `file:line[:column]`, or "" when the scan does not know. */
function declaredAt(finding: ResultFinding, results: Results, cwd: string): string {
    const location = finding.location;
    if (!location) return "";
    const file = results.sourceRoot ? path.relative(cwd, path.resolve(results.sourceRoot, location.file)) : location.file;
    return `${file}:${location.line}${location.column ? `:${location.column}` : ""}`;
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
        const where = declaredAt(first, results, options.cwd ?? process.cwd());
        lines.push(paint("1", urn ? `${first.type} ${first.name}` : "stack") + (where ? `  ${where}` : ""), paint("2", `  ${urn || "(no resource)"}`));
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
