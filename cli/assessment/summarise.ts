// Boils one stack's scan results down to what the assessment keeps (its findings with the rule's
// cloud and category, and counts), and adds up stacks and rules.
import { EXEMPTED } from "../../core/messages";
import { ourRule, SEVERITIES, severityRank, type Results } from "../results";
import { CATEGORIES, CLOUDS, LEVELS, type AssessedFinding, type Counts, type RuleSummary, type StackAssessment, type Totals } from "./model";

function zeros(keys: readonly string[]): Record<string, number> {
    return Object.fromEntries(keys.map((key) => [key, 0]));
}

export function countFindings(findings: readonly AssessedFinding[]): Counts {
    const counts: Counts = {
        findings: findings.length, byLevel: zeros(LEVELS), bySeverity: zeros(SEVERITIES),
        byCategory: zeros(CATEGORIES), byCloud: zeros(CLOUDS), byRule: {},
    };
    for (const finding of findings) {
        counts.byLevel[finding.level] = (counts.byLevel[finding.level] ?? 0) + 1;
        counts.bySeverity[finding.severity] = (counts.bySeverity[finding.severity] ?? 0) + 1;
        counts.byCategory[finding.category] = (counts.byCategory[finding.category] ?? 0) + 1;
        counts.byCloud[finding.cloud] = (counts.byCloud[finding.cloud] ?? 0) + 1;
        counts.byRule[finding.rule] = (counts.byRule[finding.rule] ?? 0) + 1;
    }
    return counts;
}

/**
 * One copy of each text: an estate's findings repeat the same messages, fixes and types thousands of
 * times, and every stack's scan makes new copies of them.
 */
const texts = new Map<string, string>();
function shared(text: string): string {
    const known = texts.get(text);
    if (known !== undefined) return known;
    texts.set(text, text);
    return text;
}

export function assessedFindings(results: Results, stack: string): AssessedFinding[] {
    return results.findings.map((finding) => {
        const rule = ourRule(finding.policy, finding.pack);
        return {
            stack, rule: shared(finding.policy), level: finding.level,
            severity: shared(finding.severity ?? rule?.severity ?? "unspecified"),
            cloud: rule?.cloud ?? "other", category: rule?.category ?? "other",
            urn: finding.urn, type: shared(finding.type), name: finding.name, message: shared(finding.message),
            ...(finding.path !== undefined ? { path: shared(finding.path) } : {}),
            ...(finding.fix !== undefined ? { fix: shared(finding.fix) } : {}),
        };
    });
}

export function assessStack(results: Results, stack: string, source: string): { stack: StackAssessment; findings: AssessedFinding[] } {
    const findings = assessedFindings(results, stack);
    const exemptedChecks = results.checks.filter((check) => check.outcome === "skipped" && check.reason?.includes(EXEMPTED)).length;
    return { stack: { stack, source, resources: results.resources.length, counts: countFindings(findings), exemptedChecks }, findings };
}

export function failedStack(stack: string, source: string, error: string): StackAssessment {
    return { stack, source, resources: 0, counts: countFindings([]), exemptedChecks: 0, error };
}

export function totalsOf(stacks: readonly StackAssessment[], findings: readonly AssessedFinding[]): Totals {
    return {
        stacks: stacks.length,
        stacksWithErrors: stacks.filter((stack) => stack.error !== undefined).length,
        stacksAffected: stacks.filter((stack) => stack.counts.byLevel.mandatory > 0).length,
        stacksWithFindings: stacks.filter((stack) => stack.counts.findings > 0).length,
        resources: stacks.reduce((sum, stack) => sum + stack.resources, 0),
        exemptedChecks: stacks.reduce((sum, stack) => sum + stack.exemptedChecks, 0),
        ...countFindings(findings),
    };
}

/** Rules with findings, worst first: most mandatory findings, then severity, then most findings. */
export function ruleSummaries(findings: readonly AssessedFinding[]): RuleSummary[] {
    const byRule = new Map<string, AssessedFinding[]>();
    for (const finding of findings) {
        const list = byRule.get(finding.rule) ?? [];
        list.push(finding);
        byRule.set(finding.rule, list);
    }
    return [...byRule].map(([id, of]) => {
        const rule = ourRule(id, "snapshot-guard");
        return {
            id, title: rule?.title ?? id, cloud: of[0].cloud, category: of[0].category, severity: of[0].severity,
            findings: of.length, mandatory: of.filter((finding) => finding.level === "mandatory").length,
            stacks: new Set(of.map((finding) => finding.stack)).size,
            remediation: rule?.remediation ?? "", docsUrl: rule?.docsUrl ?? "",
        };
    }).sort((a, b) => b.mandatory - a.mandatory || severityRank(a.severity) - severityRank(b.severity)
        || b.findings - a.findings || a.id.localeCompare(b.id));
}
