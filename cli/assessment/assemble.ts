// Puts the assessment document together from the assessed stacks, the exemptions and, when given,
// the previous assessment.
import type { AssessedStacks } from "./assess-stacks";
import type { ExemptionTracker } from "./exemptions";
import { ASSESSMENT_SCHEMA, type Assessment } from "./model";
import { compare, historyPoint, historyWith, type PreviousAssessment } from "./previous";
import { ruleSummaries, totalsOf } from "./summarise";

export function assemble(options: {
    generatedAt: Date;
    tool: { name: string; version: string };
    assessed: AssessedStacks;
    exemptions: ExemptionTracker;
    previous?: PreviousAssessment;
}): Assessment {
    const { assessed, previous } = options;
    const current = {
        schema: ASSESSMENT_SCHEMA, generatedAt: options.generatedAt.toISOString(), tool: options.tool,
        totals: totalsOf(assessed.stacks, assessed.findings), stacks: assessed.stacks, rules: ruleSummaries(assessed.findings),
        findings: assessed.findings, exemptions: options.exemptions.statuses(),
    };
    return {
        ...current,
        history: historyWith(previous, historyPoint(current)),
        ...(previous ? { comparison: compare(previous, current) } : {}),
    };
}
