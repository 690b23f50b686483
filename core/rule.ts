// The rule model: a rule is data plus pure checks, one per resource type it applies to.

import type { KnobName, KnobValues } from "./config";

export type Cloud = "aws" | "azure" | "gcp";
export type Category = "exposure" | "encryption" | "lifecycle" | "hardening";
export type Severity = "critical" | "high" | "medium" | "low";
export type Level = "mandatory" | "advisory";

/**
 * A definite problem: `<problem> at <path>; <fix>`, or `<problem>; <fix>` when `path` is empty
 * because no property is at fault (a stack rule finding something missing from the stack).
 */
export interface Violation {
    kind: "violation";
    path: string;
    problem: string;
    fix: string;
    /** Stack rules report against the offending resource. */
    urn?: string;
}

/** The deciding value at `path` is unknown until deploy: the rule neither passes nor fails. */
export interface Deferral {
    kind: "deferred";
    path: string;
    urn?: string;
}

export type Finding = Violation | Deferral;

export function violation(path: string, problem: string, fix: string): Violation {
    return { kind: "violation", path, problem, fix };
}

/** A problem no property of the resource can be pointed at for: the problem says it in words. */
export function violationWithoutPath(problem: string, fix: string): Violation {
    return { kind: "violation", path: "", problem, fix };
}

export function deferred(path: string): Deferral {
    return { kind: "deferred", path };
}

export interface CheckContext<K extends KnobName> {
    /** The rule's knobs with defaults applied. */
    config: Pick<KnobValues, K>;
    type: string;
    name: string;
    urn: string;
    /** The evaluation clock (injectable, so expiry checks do not depend on today's date in tests). */
    now: Date;
}

export type Check<K extends KnobName> = (props: Record<string, unknown>, ctx: CheckContext<K>) => Finding[];

/**
 * A remediation: returns the COMPLETE corrected props, or `undefined` when there is nothing it can
 * change. Pure and idempotent; it changes only the properties it owns, through core/fix.ts (which
 * keeps unknowns unknown and secrets secret), decides with the core/values readers, and never
 * touches encryption settings of data-holding resources or deletes anything. The adapter runs it
 * only at the `remediate` enforcement level, only when the check reports a violation that is not
 * exempted.
 */
export type Fix<K extends KnobName> = (props: Record<string, unknown>, ctx: CheckContext<K>) => Record<string, unknown> | undefined;

export interface Target<K extends KnobName> {
    /** Unversioned type token, e.g. `aws:ebs/volume:Volume` or `azure-native:compute:Disk`. */
    type: string;
    check: Check<K>;
    /** Optional safe remediation for this type (see `Fix`). */
    fix?: Fix<K>;
}

/**
 * Binds a check to a type token. `Props` is normally the SDK's `…Args` type, imported with
 * `import type`, and documents which inputs the check reads; values still go through core/values.
 */
export function on<Props = Record<string, unknown>, K extends KnobName = never>(
    type: string,
    check: (props: Props & Record<string, unknown>, ctx: CheckContext<K>) => Finding[],
    fix?: (props: Props & Record<string, unknown>, ctx: CheckContext<K>) => Record<string, unknown> | undefined,
): Target<K> {
    return fix ? { type, check: check as Check<K>, fix: fix as Fix<K> } : { type, check: check as Check<K> };
}

/** True when at least one target of the rule can remediate. */
export function canRemediate(rule: Rule): boolean {
    return !isStackRule(rule) && rule.targets.some((target) => target.fix !== undefined);
}

/** One resource as a stack rule sees it (outputs after deploy, inputs during preview). */
export interface StackResource {
    type: string;
    name: string;
    urn: string;
    props: Record<string, unknown>;
    dependencies: readonly StackResource[];
    propertyDependencies: Readonly<Record<string, readonly StackResource[]>>;
    parent?: StackResource;
    /** The resource's provider (explicit or default), as the engine reports it. */
    provider?: { type: string; name: string; urn: string; props: Record<string, unknown> };
}

export type StackCheck<K extends KnobName> = (resources: readonly StackResource[], ctx: { config: Pick<KnobValues, K>; now: Date }) => Finding[];

interface RuleBase<K extends KnobName> {
    /** Pulumi policy name; `<cloud>-<requirement>`, never reused. */
    id: string;
    /**
     * Former ids of this rule. Config written against one keeps working (with a notice naming `id`);
     * an alias is never reused for another rule.
     */
    aliases?: readonly string[];
    cloud: Cloud;
    /** One sentence: the requirement. */
    title: string;
    category: Category;
    severity: Severity;
    defaultLevel: Level;
    rationale: string;
    remediation: string;
    docsUrl: string;
    /** Benchmark or scanner control ids, e.g. `{ "checkov": ["CKV_AWS_3"] }`. */
    controls?: Record<string, string[]>;
    config: readonly K[];
}

export interface ResourceRule<K extends KnobName = KnobName> extends RuleBase<K> {
    targets: readonly Target<K>[];
}

export interface StackRule<K extends KnobName = KnobName> extends RuleBase<K> {
    /** Types the stack check judges, for docs and listing. */
    stackTypes: readonly string[];
    /**
     * Other types whose properties it reads (what covers, encrypts or shares the judged ones). It may
     * follow references to, and count, resources of any type, but a resource outside these two lists
     * reaches it without properties, and only when a resource it reads names it as parent or
     * dependency (core/stack-scope.ts; the rule tables check that the lists are complete).
     */
    alsoReads?: readonly string[];
    checkStack: StackCheck<K>;
}

export type Rule = ResourceRule<any> | StackRule<any>;

export function isStackRule(rule: Rule): rule is StackRule<any> {
    return "checkStack" in rule;
}

export function defineRule<K extends KnobName = never>(rule: ResourceRule<K>): ResourceRule<K> {
    return rule;
}

export function defineStackRule<K extends KnobName = never>(rule: StackRule<K>): StackRule<K> {
    return rule;
}

/** Types a rule applies to, in declaration order. */
export function ruleTypes(rule: Rule): readonly string[] {
    return isStackRule(rule) ? rule.stackTypes : rule.targets.map((target) => target.type);
}
