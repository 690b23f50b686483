// `--previous FILE.json`: reads the assessment.json of an earlier run, and compares this run with it
// (new and fixed findings, totals before and now, the history of runs for the trend).
import * as fs from "fs";
import { isRecord } from "../../core/wire";
import { CliError } from "../errors";
import { decodeInputText } from "../input-text";
import { ASSESSMENT_SCHEMA, type AssessedFinding, type Assessment, type Comparison, type HistoryPoint, type StackAssessment } from "./model";

/** How many runs the history keeps (two years of monthly assessments). */
export const HISTORY_LENGTH = 24;

/** The parts of an earlier assessment this run reads. */
export type PreviousAssessment = Pick<Assessment, "generatedAt" | "totals" | "stacks" | "findings" | "history">;

function invalid(file: string, why: string): CliError {
    return new CliError(`--previous ${file} is not an assessment.json written by snapshot-guard assess: ${why}`);
}

export function readPrevious(file: string): PreviousAssessment {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "ENOENT" ? `--previous ${file} does not exist` : `cannot read --previous ${file}: ${code ?? (error as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(decodeInputText(bytes, `--previous ${file}`, "an assessment.json"));
    } catch (error) {
        if (error instanceof CliError) throw error;
        throw invalid(file, "not JSON");
    }
    if (!isRecord(parsed)) throw invalid(file, "not a JSON object");
    if (parsed.schema !== ASSESSMENT_SCHEMA) throw invalid(file, `"schema" is not "${ASSESSMENT_SCHEMA}"`);
    if (typeof parsed.generatedAt !== "string" || Number.isNaN(Date.parse(parsed.generatedAt))) throw invalid(file, "no \"generatedAt\" date");
    const totals = parsed.totals;
    if (!isRecord(totals) || !isRecord(totals.byLevel)
        || !["resources", "stacksAffected"].every((key) => typeof totals[key] === "number")
        || !["mandatory", "advisory"].every((key) => typeof (totals.byLevel as Record<string, unknown>)[key] === "number")) {
        throw invalid(file, "\"totals\" lacks counts");
    }
    const stacks = parsed.stacks;
    if (!Array.isArray(stacks) || !stacks.every((stack) => isRecord(stack) && typeof stack.stack === "string")) {
        throw invalid(file, "\"stacks\" is not a list of stacks");
    }
    const findings = parsed.findings;
    if (!Array.isArray(findings) || !findings.every((finding) => isRecord(finding)
        && ["stack", "rule", "urn", "message", "level"].every((key) => typeof finding[key] === "string"))) {
        throw invalid(file, "\"findings\" is not a list of findings");
    }
    const history = parsed.history ?? [];
    if (!Array.isArray(history) || !history.every((point) => isRecord(point) && typeof point.generatedAt === "string"
        && ["stacks", "resources", "mandatory", "advisory", "stacksAffected"].every((key) => typeof point[key] === "number"))) {
        throw invalid(file, "\"history\" is not a list of runs");
    }
    return parsed as unknown as PreviousAssessment;
}

export function historyPoint(assessment: Pick<Assessment, "generatedAt" | "totals">): HistoryPoint {
    const { totals } = assessment;
    return {
        generatedAt: assessment.generatedAt, stacks: totals.stacks, resources: totals.resources,
        mandatory: totals.byLevel.mandatory, advisory: totals.byLevel.advisory, stacksAffected: totals.stacksAffected,
    };
}

/** The previous run's history and its own point, then this run's; at most HISTORY_LENGTH runs. */
export function historyWith(previous: PreviousAssessment | undefined, current: HistoryPoint): HistoryPoint[] {
    const earlier = previous ? [...previous.history.filter((point) => point.generatedAt !== previous.generatedAt), historyPoint(previous)] : [];
    return [...earlier, current].slice(-HISTORY_LENGTH);
}

/** Identity of a finding across runs: stack, rule, resource and property path (or message). */
function findingKey(finding: AssessedFinding): string {
    return [finding.stack, finding.rule, finding.urn, finding.path ?? finding.message].join("\u0000");
}

/** Findings of `a` not matched one-for-one in `b` (a multiset difference). */
function notIn(a: readonly AssessedFinding[], b: readonly AssessedFinding[]): AssessedFinding[] {
    const remaining = new Map<string, number>();
    for (const finding of b) remaining.set(findingKey(finding), (remaining.get(findingKey(finding)) ?? 0) + 1);
    return a.filter((finding) => {
        const left = remaining.get(findingKey(finding)) ?? 0;
        if (left === 0) return true;
        remaining.set(findingKey(finding), left - 1);
        return false;
    });
}

function assessedNames(stacks: readonly Pick<StackAssessment, "stack" | "error">[]): Set<string> {
    return new Set(stacks.filter((stack) => stack.error === undefined).map((stack) => stack.stack));
}

export function compare(previous: PreviousAssessment, current: Pick<Assessment, "totals" | "stacks" | "findings">): Comparison {
    const before = assessedNames(previous.stacks);
    const now = assessedNames(current.stacks);
    const both = (finding: AssessedFinding) => before.has(finding.stack) && now.has(finding.stack);
    const change = (a: number, b: number) => ({ before: a, now: b });
    return {
        previousGeneratedAt: previous.generatedAt,
        totals: {
            mandatory: change(previous.totals.byLevel.mandatory, current.totals.byLevel.mandatory),
            advisory: change(previous.totals.byLevel.advisory, current.totals.byLevel.advisory),
            stacksAffected: change(previous.totals.stacksAffected, current.totals.stacksAffected),
            resources: change(previous.totals.resources, current.totals.resources),
        },
        newFindings: notIn(current.findings.filter(both), previous.findings.filter(both)),
        fixedFindings: notIn(previous.findings.filter(both), current.findings.filter(both)),
        newStacks: [...now].filter((stack) => !before.has(stack)).sort(),
        missingStacks: [...before].filter((stack) => !now.has(stack)).sort(),
    };
}
