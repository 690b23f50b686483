// The assessment as one self-contained HTML page (inline style, script and SVG; a content security
// policy that allows no request), for a platform team to read at a glance and to print: totals
// first, the change since the previous assessment, findings by category and cloud, the stacks,
// exemptions running out, then every rule with its resources and fix.
import { SEVERITIES } from "../results";
import { CLOUD_SERIES, stackedBarChart, trendChart } from "./charts";
import { breakableToken, escapeHtml as esc, withInlineCode } from "./escape";
import { CATEGORIES, type AssessedFinding, type Assessment, type ExemptionStatus, type StackAssessment } from "./model";
import { SORT_SCRIPT, STYLE } from "./page-assets";

/** Exemptions that expire within this many days are listed up front. */
export const EXPIRING_WITHIN_DAYS = 30;
/** Rows per rule (and in the new/fixed lists) in the page; assessment.json has all of them. */
export const ROWS_PER_LIST = 200;
const WORST_RULES = 5;

const number = (value: number) => value.toLocaleString("en");
const plural = (count: number, noun: string) => `${number(count)} ${noun}${count === 1 ? "" : "s"}`;
const anchor = (rule: string) => `rule-${rule.replace(/[^A-Za-z0-9-]/g, "-")}`;

function resourceCell(finding: Pick<AssessedFinding, "urn" | "name" | "type">): string {
    return finding.urn ? `<code>${esc(finding.name)}</code><br><span class="meta">${breakableToken(finding.type)}</span>` : "stack";
}

function daysText(exemption: ExemptionStatus): string {
    const days = exemption.daysLeft;
    if (days === undefined) return "never expires";
    if (days < 0) return `expired ${plural(-days, "day")} ago`;
    if (days === 0) return "last day today";
    return `${plural(days, "day")} left`;
}

function totalsSection(assessment: Assessment): string {
    const { totals } = assessment;
    const tile = (key: string, label: string, value: string, alarm = false) =>
        `<div${alarm ? ' class="alarm"' : ""}><dt>${esc(label)}</dt><dd data-total="${key}">${value}</dd></div>`;
    const worst = assessment.rules.slice(0, WORST_RULES);
    return `<section aria-labelledby="totals-heading"><h2 id="totals-heading">Totals</h2>
<dl class="totals">
${tile("mandatory", "Mandatory findings", number(totals.byLevel.mandatory), totals.byLevel.mandatory > 0)}
${tile("stacks-affected", "Stacks with mandatory findings", `${number(totals.stacksAffected)} of ${number(totals.stacks)}`, totals.stacksAffected > 0)}
${tile("advisory", "Advisory findings", number(totals.byLevel.advisory))}
${tile("resources", "Resources scanned", number(totals.resources))}
${tile("exemptions-expiring", `Exemptions expiring within ${EXPIRING_WITHIN_DAYS} days`, number(expiringSoon(assessment.exemptions).length))}
${totals.stacksWithErrors > 0 ? tile("errors", "Stacks not assessed", number(totals.stacksWithErrors), true) : ""}
</dl>
<h3>Worst rules</h3>
${worst.length === 0 ? "<p>No findings.</p>" : `<ol class="worst-rules">${worst.map((rule) =>
        `<li><a href="#${anchor(rule.id)}"><code>${esc(rule.id)}</code></a>: ${esc(rule.title)}. ` +
        `<span${rule.mandatory > 0 ? ' class="mandatory"' : ""}>${plural(rule.mandatory, "mandatory finding")}</span>` +
        `${rule.findings > rule.mandatory ? `, ${number(rule.findings - rule.mandatory)} other` : ""} in ${plural(rule.stacks, "stack")} (${esc(rule.severity)})</li>`).join("\n")}</ol>`}
</section>`;
}

function findingsTable(caption: string, findings: readonly AssessedFinding[], withRule: boolean): string {
    const shown = findings.slice(0, ROWS_PER_LIST);
    const rows = shown.map((finding) => `<tr><td>${esc(finding.stack)}</td>${withRule ? `<td><code>${esc(finding.rule)}</code></td>` : ""}` +
        `<td>${resourceCell(finding)}</td><td${finding.level === "mandatory" ? ' class="mandatory"' : ""}>${esc(finding.level)}</td>` +
        `<td>${finding.path !== undefined ? `<code>${esc(finding.path)}</code>` : ""}</td>` +
        `<td>${withInlineCode(finding.fix ?? finding.message)}</td></tr>`).join("\n");
    const more = findings.length > shown.length
        ? `<p class="note">${plural(findings.length - shown.length, "more finding")} in assessment.json.</p>` : "";
    return `<table><caption>${esc(caption)}</caption><thead><tr><th scope="col">Stack</th>${withRule ? '<th scope="col">Rule</th>' : ""}` +
        `<th scope="col">Resource</th><th scope="col">Level</th><th scope="col">Property</th><th scope="col">Fix</th></tr></thead>` +
        `<tbody>\n${rows}\n</tbody></table>${more}`;
}

function changeText(before: number, now: number): string {
    const delta = now - before;
    return delta === 0 ? "no change" : delta < 0 ? `${number(-delta)} fewer` : `${number(delta)} more`;
}

function comparisonSection(assessment: Assessment): string {
    const comparison = assessment.comparison;
    if (!comparison) return "";
    const { totals } = comparison;
    const line = (key: string, label: string, change: { before: number; now: number }) =>
        `<tr><th scope="row">${esc(label)}</th><td class="num">${number(change.before)}</td><td class="num">${number(change.now)}</td>` +
        `<td data-change="${key}">${changeText(change.before, change.now)}</td></tr>`;
    const history = assessment.history;
    const stacks = [
        comparison.newStacks.length > 0 ? `<p>Assessed for the first time (their findings are not counted as new): ${comparison.newStacks.map((stack) => `<code>${esc(stack)}</code>`).join(", ")}.</p>` : "",
        comparison.missingStacks.length > 0 ? `<p>Not assessed this time (their findings are not counted as fixed): ${comparison.missingStacks.map((stack) => `<code>${esc(stack)}</code>`).join(", ")}.</p>` : "",
    ].join("");
    return `<section aria-labelledby="trend-heading"><h2 id="trend-heading">Since the previous assessment (${esc(comparison.previousGeneratedAt.slice(0, 10))})</h2>
<table class="change"><caption>Totals then and now</caption><thead><tr><th scope="col">Figure</th><th scope="col" class="num">Previous</th><th scope="col" class="num">Now</th><th scope="col">Change</th></tr></thead><tbody>
${line("mandatory", "Mandatory findings", totals.mandatory)}
${line("advisory", "Advisory findings", totals.advisory)}
${line("stacks-affected", "Stacks with mandatory findings", totals.stacksAffected)}
${line("resources", "Resources scanned", totals.resources)}
</tbody></table>
<p><strong data-count="new">${plural(comparison.newFindings.length, "new finding")}</strong>, <strong class="fixed" data-count="fixed">${plural(comparison.fixedFindings.length, "fixed finding")}</strong> on stacks assessed both times.</p>
${stacks}
${history.length >= 2 ? `<figure>${trendChart(history)}<figcaption>Trend over the last ${plural(history.length, "assessment")}.</figcaption></figure>
<table><caption>Findings per assessment</caption><thead><tr><th scope="col">Date</th><th scope="col" class="num">Mandatory</th><th scope="col" class="num">Advisory</th><th scope="col" class="num">Stacks with mandatory findings</th><th scope="col" class="num">Stacks</th><th scope="col" class="num">Resources</th></tr></thead><tbody>
${history.map((point) => `<tr><th scope="row">${esc(point.generatedAt.slice(0, 10))}</th><td class="num">${number(point.mandatory)}</td><td class="num">${number(point.advisory)}</td><td class="num">${number(point.stacksAffected)}</td><td class="num">${number(point.stacks)}</td><td class="num">${number(point.resources)}</td></tr>`).join("\n")}
</tbody></table>` : ""}
<h3 id="new-findings">New findings</h3>
${comparison.newFindings.length === 0 ? "<p>None.</p>" : findingsTable("Findings not in the previous assessment", comparison.newFindings, true)}
<h3 id="fixed-findings">Fixed findings</h3>
${comparison.fixedFindings.length === 0 ? "<p>None.</p>" : findingsTable("Findings of the previous assessment that are gone", comparison.fixedFindings, true)}
</section>`;
}

const CATEGORY_LABELS: Record<string, string> = {
    exposure: "Exposure", encryption: "Encryption", lifecycle: "Lifecycle", hardening: "Hardening",
};

function categorySection(assessment: Assessment): string {
    const matrix = CATEGORIES.map((category) => ({
        label: CATEGORY_LABELS[category],
        values: Object.fromEntries(CLOUD_SERIES.map((cloud) => [cloud.key,
            assessment.findings.filter((finding) => finding.category === category && finding.cloud === cloud.key).length])),
        mandatory: assessment.findings.filter((finding) => finding.category === category && finding.level === "mandatory").length,
    }));
    const description = matrix.map((row) => `${row.label}: ${CLOUD_SERIES.map((cloud) => `${cloud.label} ${row.values[cloud.key]}`).join(", ")}`).join("; ");
    const chart = stackedBarChart({ title: "Findings by category and cloud", description, rows: matrix, series: CLOUD_SERIES });
    return `<section aria-labelledby="categories-heading"><h2 id="categories-heading">Findings by category and cloud</h2>
<p class="note">Exposure: shared publicly or with untrusted accounts. Encryption: unencrypted or not on the required keys. Lifecycle: copies nothing expires or backs up. Hardening: account guardrails and safer defaults.</p>
<figure>${chart}<figcaption>All findings (mandatory and advisory), by the rule's category and cloud; the numbers are in the table below.</figcaption></figure>
<table id="category-table"><caption>Findings by category and cloud</caption><thead><tr><th scope="col">Category</th>${CLOUD_SERIES.map((cloud) => `<th scope="col" class="num">${esc(cloud.label)}</th>`).join("")}<th scope="col" class="num">Total</th><th scope="col" class="num">Mandatory</th></tr></thead><tbody>
${matrix.map((row) => `<tr><th scope="row">${esc(row.label)}</th>${CLOUD_SERIES.map((cloud) => `<td class="num">${number(row.values[cloud.key])}</td>`).join("")}` +
        `<td class="num">${number(Object.values(row.values).reduce((a, b) => a + b, 0))}</td><td class="num">${number(row.mandatory)}</td></tr>`).join("\n")}
</tbody></table>
</section>`;
}

function worstSeverity(stack: StackAssessment): string {
    return SEVERITIES.find((severity) => (stack.counts.bySeverity[severity] ?? 0) > 0) ?? "";
}

function stacksSection(assessment: Assessment): string {
    const stacks = [...assessment.stacks].sort((a, b) => b.counts.byLevel.mandatory - a.counts.byLevel.mandatory
        || b.counts.findings - a.counts.findings || a.stack.localeCompare(b.stack));
    const head = (label: string, type: "text" | "number", sorted?: "descending") =>
        `<th scope="col"${type === "number" ? ' class="num" data-type="number"' : ""}${sorted ? ` aria-sort="${sorted}"` : ""}><button type="button">${label}</button></th>`;
    const rows = stacks.map((stack) => {
        const severity = worstSeverity(stack);
        return `<tr><th scope="row"><code>${esc(stack.stack)}</code></th>` +
            `<td class="num${stack.counts.byLevel.mandatory > 0 ? " mandatory" : ""}">${stack.counts.byLevel.mandatory}</td>` +
            `<td class="num">${stack.counts.byLevel.advisory}</td>` +
            `<td class="num">${stack.resources}</td>` +
            `<td data-value="${severity ? SEVERITIES.indexOf(severity) : SEVERITIES.length}">${severity}</td>` +
            `<td>${stack.error !== undefined ? `<span class="error">not assessed: ${esc(stack.error)}</span>` : ""}` +
            `${stack.exemptedChecks > 0 ? `${plural(stack.exemptedChecks, "exempted check")}` : ""}</td></tr>`;
    }).join("\n");
    return `<section aria-labelledby="stacks-heading"><h2 id="stacks-heading">Stacks</h2>
<table id="stack-table" data-sortable><caption>${plural(stacks.length, "stack")}, most mandatory findings first; the column buttons sort the table.</caption>
<thead><tr>${head("Stack", "text")}${head("Mandatory", "number", "descending")}${head("Advisory", "number")}${head("Resources", "number")}${head("Worst severity", "text")}<th scope="col">Notes</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</section>`;
}

function expiringSoon(exemptions: readonly ExemptionStatus[]): ExemptionStatus[] {
    return exemptions.filter((exemption) => exemption.daysLeft !== undefined && exemption.daysLeft >= 0 && exemption.daysLeft <= EXPIRING_WITHIN_DAYS);
}

function exemptionTable(id: string, caption: string, exemptions: readonly ExemptionStatus[]): string {
    return `<table id="${id}"><caption>${esc(caption)}</caption><thead><tr><th scope="col">Rule</th><th scope="col">Resource</th><th scope="col">Expires</th><th scope="col">Reason</th><th scope="col" class="num">Resources it names</th></tr></thead><tbody>
${exemptions.map((exemption) => `<tr><td><code>${esc(exemption.rule)}</code></td><td><code>${esc(exemption.resource)}</code></td>` +
        `<td>${esc(exemption.expires ?? "")} (${daysText(exemption)})</td><td>${esc(exemption.reason)}</td><td class="num">${exemption.appliesTo.length}</td></tr>`).join("\n")}
</tbody></table>`;
}

function exemptionsSection(assessment: Assessment): string {
    const soon = expiringSoon(assessment.exemptions);
    const expired = assessment.exemptions.filter((exemption) => exemption.state === "expired");
    return `<section aria-labelledby="exemptions-heading"><h2 id="exemptions-heading">Exemptions expiring within ${EXPIRING_WITHIN_DAYS} days</h2>
${soon.length === 0 ? `<p>${assessment.exemptions.length === 0 ? "The policy config has no exemptions."
        : `None of the ${plural(assessment.exemptions.length, "exemption")} in the policy config expires within ${EXPIRING_WITHIN_DAYS} days.`}</p>`
        : exemptionTable("expiring-exemptions", "When these expire, the resources they name are judged again and block if they still violate the rule.", soon)}
${expired.length === 0 ? "" : `<h3>Expired exemptions</h3>${exemptionTable("expired-exemptions", "These no longer apply: the findings they covered block again.", expired)}`}
</section>`;
}

function rulesSection(assessment: Assessment): string {
    const byRule = new Map<string, AssessedFinding[]>();
    for (const finding of assessment.findings) {
        const list = byRule.get(finding.rule) ?? [];
        list.push(finding);
        byRule.set(finding.rule, list);
    }
    const sections = assessment.rules.map((rule) => {
        const findings = (byRule.get(rule.id) ?? []).slice().sort((a, b) => (a.level === b.level ? 0 : a.level === "mandatory" ? -1 : 1)
            || a.stack.localeCompare(b.stack) || a.urn.localeCompare(b.urn));
        return `<section class="rule" aria-labelledby="${anchor(rule.id)}"><h3 id="${anchor(rule.id)}"><code>${esc(rule.id)}</code>: ${esc(rule.title)}</h3>
<p class="meta">${esc(rule.cloud)} · ${esc(rule.category)} · severity ${esc(rule.severity)} · ${plural(rule.findings, "finding")} (${number(rule.mandatory)} mandatory) in ${plural(rule.stacks, "stack")}</p>
${rule.remediation ? `<p><strong>How to fix:</strong> ${withInlineCode(rule.remediation)}${rule.docsUrl ? ` <a href="${esc(rule.docsUrl)}">Provider documentation</a>` : ""}</p>` : ""}
${findingsTable(`Resources that break ${rule.id}`, findings, false)}
</section>`;
    }).join("\n");
    return `<section aria-labelledby="rules-heading"><h2 id="rules-heading">Findings by rule</h2>
${assessment.rules.length === 0 ? "<p>No findings in any stack.</p>" : sections}
</section>`;
}

function errorsSection(assessment: Assessment): string {
    const failed = assessment.stacks.filter((stack) => stack.error !== undefined);
    if (failed.length === 0) return "";
    return `<section aria-labelledby="errors-heading"><h2 id="errors-heading" class="error">Stacks not assessed</h2>
<p>These stacks could not be read; their resources are not in any figure above.</p>
<ul>${failed.map((stack) => `<li><code>${esc(stack.stack)}</code> (${esc(stack.source)}): ${esc(stack.error!)}</li>`).join("\n")}</ul>
</section>`;
}

export function renderHtml(assessment: Assessment): string {
    const date = assessment.generatedAt.slice(0, 10);
    const { totals } = assessment;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>Snapshot, disk and image assessment, ${esc(date)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Snapshot, disk and image assessment</h1>
<p class="meta">${esc(assessment.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC"))} · ${plural(totals.stacks, "stack")} · ${plural(totals.resources, "resource")} · ${esc(assessment.tool.name)} ${esc(assessment.tool.version)}</p>
</header>
<main>
${totalsSection(assessment)}
${comparisonSection(assessment)}
${categorySection(assessment)}
${stacksSection(assessment)}
${exemptionsSection(assessment)}
${rulesSection(assessment)}
${errorsSection(assessment)}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}
