// Markdown for a pull-request comment (GitHub Flavored Markdown): the summary first, then one table
// per severity. GitHub refuses a comment over 65,536 characters, so the output is capped: the
// findings that do not fit are left out and counted in a note that points at the full report.
import { SEVERITIES, summaryLine, type ResultFinding, type ResultLevel, type Results } from "../results";

/** A cap that leaves room below GitHub's 65,536 for whatever a pipeline wraps around the comment. */
export const DEFAULT_MARKDOWN_MAX_LENGTH = 60_000;
/** The summary alone must fit: a smaller cap is refused. */
export const MIN_MARKDOWN_MAX_LENGTH = 1_000;

/** Longest message (and name) a table cell shows, so that one finding cannot take the whole comment. */
const MAX_MESSAGE = 1_000;
const MAX_NAME = 200;

export interface MarkdownOptions {
    /** Characters the output may take at most (default DEFAULT_MARKDOWN_MAX_LENGTH). */
    maxLength?: number;
}

const LEVELS: readonly ResultLevel[] = ["mandatory", "advisory", "remediate"];

function shorten(text: string, max: number): string {
    const flat = text.replace(/\r?\n|\r/g, " ");
    if (flat.length <= max) return flat;
    const cut = /[\ud800-\udbff]/.test(flat[max - 2]) ? max - 2 : max - 1; // never split a surrogate pair
    return `${flat.slice(0, cut)}…`;
}

/**
 * `text` as one code span. CommonMark ends a code span at the next backtick run as long as the
 * opening one, so the fence is longer than any run inside; it strips one space on each side, so
 * text that starts or ends with a backtick (or with spaces on both sides) is padded.
 */
export function codeSpan(text: string): string {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = /^`|`$/.test(text) || (/^ .* $/s.test(text) && text.trim() !== "") ? " " : "";
    return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Prose that may hold code spans (our messages quote fixes in backticks): `<` outside code spans is
 * escaped, since GitHub would otherwise take `<name>` for an HTML tag and drop it.
 */
function prose(text: string): string {
    const runs = [...text.matchAll(/`+/g)].map((match) => ({ at: match.index!, length: match[0].length }));
    let out = "";
    let from = 0;
    for (let index = 0; index < runs.length; index++) {
        const close = runs.findIndex((run, other) => other > index && run.length === runs[index].length);
        if (close < 0) continue; // a backtick run without a partner is a literal backtick
        out += text.slice(from, runs[index].at).replace(/</g, "&lt;") + text.slice(runs[index].at, runs[close].at + runs[close].length);
        from = runs[close].at + runs[close].length;
        index = close;
    }
    return out + text.slice(from).replace(/</g, "&lt;");
}

/** A table cell: GFM splits rows at `|` before anything else, even inside code spans, unless escaped. */
function cell(markdown: string): string {
    return markdown.replace(/\|/g, "\\|");
}

function row(finding: ResultFinding, results: Results): string {
    const ref = results.policies.find((policy) => policy.name === finding.policy && policy.pack === finding.pack);
    const name = codeSpan(shorten(finding.policy, MAX_NAME));
    const policy = (ref?.helpUrl ? `[${name}](${ref.helpUrl})` : name) +
        (finding.pack === "snapshot-guard" ? "" : ` (${prose(shorten(finding.pack, MAX_NAME))})`);
    const where = finding.location ? ` at ${codeSpan(`${finding.location.file}:${finding.location.line}`)}` : "";
    const resource = finding.urn ? `${codeSpan(shorten(finding.name, MAX_NAME))} (${prose(shorten(finding.type, MAX_NAME))})${where}` : "stack";
    const level = finding.level === "mandatory" ? "**mandatory**" : finding.level;
    return `| ${level} | ${cell(policy)} | ${cell(resource)} | ${cell(prose(shorten(finding.message, MAX_MESSAGE)))} |`;
}

export function formatMarkdown(results: Results, options: MarkdownOptions = {}): string {
    const maxLength = options.maxLength ?? DEFAULT_MARKDOWN_MAX_LENGTH;
    const violations = results.findings.filter((finding) => finding.level !== "remediate").length;
    const head = [`### ${prose(shorten(results.tool.name, MAX_NAME))}: ${violations === 0 ? "no policy violations" : "policy violations"}`, "",
        `${summaryLine(results)} (source: ${codeSpan(shorten(results.source, MAX_NAME))}).`, ""];
    const severityOf = (finding: ResultFinding) => finding.severity ?? "unspecified";
    if (results.findings.length > 0) {
        const remediated = results.findings.some((finding) => finding.level === "remediate");
        const levels = remediated ? LEVELS : LEVELS.slice(0, 2);
        head.push(`| severity | ${levels.map((level) => (level === "remediate" ? "remediated" : level)).join(" | ")} |`, `|---|${levels.map(() => "---|").join("")}`);
        for (const severity of SEVERITIES) {
            const of = results.findings.filter((finding) => severityOf(finding) === severity);
            if (of.length > 0) head.push(`| ${severity} | ${levels.map((level) => of.filter((finding) => finding.level === level).length).join(" | ")} |`);
        }
        head.push("");
    }
    const sections = SEVERITIES.map((severity) => {
        const findings = results.findings.filter((finding) => severityOf(finding) === severity)
            .sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || a.policy.localeCompare(b.policy));
        return { title: `${severity[0].toUpperCase()}${severity.slice(1)}`, rows: findings.map((finding) => row(finding, results)) };
    }).filter((section) => section.rows.length > 0);
    const total = results.findings.length;

    /** The comment with the first `shown` findings, in section order. */
    const render = (shown: number): string => {
        const lines = [...head];
        if (shown < total) {
            lines.push(`> **${total - shown} of ${total} findings are not listed**: GitHub refuses comments over 65,536 characters ` +
                `and this one is capped at ${maxLength} (\`--max-length\`). The full list is in the JSON or SARIF report ` +
                "(`--format json` or `--format sarif`).", "");
        }
        let left = shown;
        for (const section of sections) {
            if (left === 0) break;
            const rows = section.rows.slice(0, left);
            left -= rows.length;
            const count = rows.length < section.rows.length ? `${section.rows.length}, ${rows.length} shown` : `${rows.length}`;
            lines.push(`#### ${section.title} (${count})`, "", "| level | policy | resource | finding |", "|---|---|---|---|", ...rows, "");
        }
        return lines.join("\n").trimEnd() + "\n";
    };

    const full = render(total);
    if (full.length <= maxLength) return full;
    // The largest number of findings that fits (the length grows with every finding shown).
    let fits = 0;
    let tooMany = total;
    while (tooMany - fits > 1) {
        const middle = Math.floor((fits + tooMany) / 2);
        if (render(middle).length <= maxLength) fits = middle;
        else tooMany = middle;
    }
    return render(fits);
}
