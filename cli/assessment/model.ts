// The assessment document `snapshot-guard assess` writes as assessment.json and renders as
// index.html: findings of every stack, counted per stack and in total, the exemptions of the policy
// config with the days they have left, and the change since a previous assessment.
import type { ResultLevel } from "../results";

/** Names the document's shape; `--previous` refuses other documents. */
export const ASSESSMENT_SCHEMA = "snapshot-guard/assessment/v1" as const;

export const LEVELS: readonly ResultLevel[] = ["mandatory", "advisory", "remediate"];
export const CATEGORIES = ["exposure", "encryption", "lifecycle", "hardening"] as const;
export const CLOUDS = ["aws", "azure", "gcp"] as const;

export interface Counts {
    findings: number;
    /** Every key of LEVELS, SEVERITIES, CATEGORIES and CLOUDS is present (0 when none). */
    byLevel: Record<string, number>;
    bySeverity: Record<string, number>;
    byCategory: Record<string, number>;
    byCloud: Record<string, number>;
    /** Only rules with findings. */
    byRule: Record<string, number>;
}

export interface StackAssessment {
    /** `<project>/<stack>`, from the resources' URNs (or the name the input gives when it has none). */
    stack: string;
    /** What was read: a file, "stdin", or `pulumi stack export --stack NAME`. */
    source: string;
    resources: number;
    counts: Counts;
    /** (resource, rule) checks an active exemption turned into "not applicable". */
    exemptedChecks: number;
    /** Why the stack could not be assessed; its counts are then all zero. */
    error?: string;
}

export interface AssessedFinding {
    stack: string;
    rule: string;
    level: ResultLevel;
    severity: string;
    cloud: string;
    category: string;
    urn: string;
    type: string;
    name: string;
    message: string;
    path?: string;
    fix?: string;
}

export interface RuleSummary {
    id: string;
    title: string;
    cloud: string;
    category: string;
    severity: string;
    findings: number;
    mandatory: number;
    /** Stacks with at least one finding of the rule. */
    stacks: number;
    remediation: string;
    docsUrl: string;
}

export interface ExemptionStatus {
    rule: string;
    /** The exemption's `resource`: a URN, a name, or a glob over either. */
    resource: string;
    reason: string;
    expires?: string;
    /** Days from the assessment's day (UTC) to `expires`: 0 = last day today, negative = expired. */
    daysLeft?: number;
    state: "active" | "expired";
    /** Resources of the rule's types in the assessed stacks that the exemption names. */
    appliesTo: Array<{ stack: string; urn: string }>;
}

export interface Totals extends Counts {
    stacks: number;
    stacksWithErrors: number;
    /** Stacks with at least one mandatory finding. */
    stacksAffected: number;
    stacksWithFindings: number;
    resources: number;
    exemptedChecks: number;
}

export interface HistoryPoint {
    generatedAt: string;
    stacks: number;
    resources: number;
    mandatory: number;
    advisory: number;
    stacksAffected: number;
}

export interface Change {
    before: number;
    now: number;
}

export interface Comparison {
    previousGeneratedAt: string;
    totals: { mandatory: Change; advisory: Change; stacksAffected: Change; resources: Change };
    /** Findings not in the previous assessment, on stacks assessed both times. */
    newFindings: AssessedFinding[];
    /** Findings of the previous assessment that are gone, on stacks assessed both times. */
    fixedFindings: AssessedFinding[];
    /** Assessed now, not (or not successfully) before: their findings are not counted as new. */
    newStacks: string[];
    /** Assessed before, not (or not successfully) now: their findings are not counted as fixed. */
    missingStacks: string[];
}

export interface Assessment {
    schema: typeof ASSESSMENT_SCHEMA;
    generatedAt: string;
    tool: { name: string; version: string };
    totals: Totals;
    stacks: StackAssessment[];
    /** Rules with findings, worst first (most mandatory findings, then severity, then most findings). */
    rules: RuleSummary[];
    findings: AssessedFinding[];
    exemptions: ExemptionStatus[];
    /** Earlier assessments (from --previous, oldest first) and this one, last. */
    history: HistoryPoint[];
    comparison?: Comparison;
}
