// The library entry, `snapshot-guard/rules`: snapshot-guard's rules as @pulumi/policy policies, to
// spread into an organisation's own PolicyPack. index.ts builds our pack from the same function.
// Importing this module has no side effects: it starts no pack and patches nothing.
import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { toPolicies } from "./core/adapter";
import { ConfigError, knobs, type KnobDefaults, type KnobName } from "./core/config";
import { resolveRuleId } from "./core/former-ids";
import { canRemediate, type Category, type Cloud, type Level, type Rule, type Severity } from "./core/rule";
import { allRules } from "./policies";

export type { Category, Cloud, EnforcementLevel, KnobDefaults, KnobName, Level, Severity };

/** What an embedding pack needs to know about a rule. */
export interface RuleInfo {
    /** The policy name, always `<cloud>-…` (aws-, azure-, gcp-). */
    id: string;
    /** Former ids, still accepted by `ids` here and, in snapshot-guard's own pack, in policy config. */
    aliases: readonly string[];
    cloud: Cloud;
    title: string;
    category: Category;
    severity: Severity;
    defaultLevel: Level;
    /** The knobs this rule reads from its config. */
    knobs: readonly KnobName[];
    /** True when the rule can be set to `remediate`. */
    remediates: boolean;
    docsUrl: string;
}

/** Which rules to take; each given criterion must match (an omitted one matches every rule). */
export interface RuleSelection {
    /** Rule ids (former ids are accepted). An id that names no rule is an error. */
    ids?: readonly string[];
    clouds?: readonly Cloud[];
    categories?: readonly Category[];
    severities?: readonly Severity[];
}

export interface PolicyOptions extends RuleSelection {
    /** Default enforcement level of every selected rule (the policy config can still change it). */
    enforcementLevel?: EnforcementLevel;
    /** Default enforcement level per rule id, over `enforcementLevel`. */
    levels?: Readonly<Record<string, EnforcementLevel>>;
    /** Knob defaults for every selected rule that reads the knob, e.g. `{ trustedAccountIds: [...] }`. */
    knobs?: KnobDefaults;
}

export type SnapshotGuardPolicy = ResourceValidationPolicy | StackValidationPolicy;

const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

function info(rule: Rule): RuleInfo {
    return {
        id: rule.id, aliases: rule.aliases ?? [], cloud: rule.cloud, title: rule.title, category: rule.category,
        severity: rule.severity, defaultLevel: rule.defaultLevel, knobs: rule.config, remediates: canRemediate(rule),
        docsUrl: rule.docsUrl,
    };
}

function ruleFor(id: string, where: string): Rule {
    const resolved = resolveRuleId(allRules, id);
    if (!resolved) throw new Error(`snapshot-guard: ${where} "${id}" is not a snapshot-guard rule id`);
    return resolved.rule;
}

function selected(selection: RuleSelection): Rule[] {
    const ids = selection.ids && new Set(selection.ids.map((id) => ruleFor(id, "ids:").id));
    return allRules.filter((rule) => (!ids || ids.has(rule.id))
        && (!selection.clouds || selection.clouds.includes(rule.cloud))
        && (!selection.categories || selection.categories.includes(rule.category))
        && (!selection.severities || selection.severities.includes(rule.severity)));
}

/** The rules a selection takes (every rule when called without one), in catalogue order. */
export function selectRules(selection: RuleSelection = {}): RuleInfo[] {
    return selected(selection).map(info);
}

function checkLevel(level: EnforcementLevel, rule: Rule | undefined, where: string): void {
    if (!LEVELS.includes(level)) throw new Error(`snapshot-guard: ${where} must be one of ${LEVELS.join(", ")}`);
    if (level === "remediate" && rule && !canRemediate(rule)) {
        throw new Error(`snapshot-guard: ${where} is remediate, but ${rule.id} has no safe fix`);
    }
}

function checkKnobs(given: KnobDefaults): KnobDefaults {
    const result: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(given)) {
        const knob = knobs[name as KnobName];
        if (!knob) throw new Error(`snapshot-guard: knobs.${name} is not a knob (known: ${Object.keys(knobs).join(", ")})`);
        try {
            result[name] = knob.parse(value, `knobs.${name}`);
        } catch (error) {
            if (error instanceof ConfigError) throw new Error(`snapshot-guard: ${error.message}`);
            throw error;
        }
    }
    return result as KnobDefaults;
}

/**
 * The selected rules as policies, each named by its rule id. Invalid options throw an Error that
 * names the option, when the pack starts rather than during a preview.
 */
export function snapshotGuardPolicies(options: PolicyOptions = {}): SnapshotGuardPolicy[] {
    const rules = selected(options);
    const levels = new Map<string, EnforcementLevel>();
    for (const [id, level] of Object.entries(options.levels ?? {})) {
        const rule = ruleFor(id, "levels:");
        checkLevel(level, rule, `levels["${id}"]`);
        levels.set(rule.id, level);
    }
    const packLevel = options.enforcementLevel;
    const policies = toPolicies(rules, { knobDefaults: checkKnobs(options.knobs ?? {}) });
    return policies.map((policy, index) => {
        const level = levels.get(rules[index].id) ?? (packLevel === "remediate" && !canRemediate(rules[index]) ? "mandatory" : packLevel);
        if (packLevel) checkLevel(packLevel, undefined, "enforcementLevel");
        return level ? { ...policy, enforcementLevel: level } : policy;
    });
}
