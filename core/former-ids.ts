// Former rule ids (a rule's `aliases`) keep working in policy config, also under the real engine.
//
// The Pulumi CLI reconciles a --policy-pack-config file (or a policy group's config) against the
// policies the pack declares and sends the result through Configure; config under a name that is
// no policy never reaches the pack as a policy's own config. So the pack declares each former id as
// a policy of its own (same config schema, so the engine validates it the same way), and before the
// SDK stores the Configure request, `mergeFormerIdConfig` (run by core/configure-hook.ts) moves what
// a former id was configured with onto the rule's current id and disables the former-id policy. A
// former-id policy never judges anything itself.

import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { configSchemaFor, knobs, type KnobName } from "./config";
import { isStackRule, type Rule } from "./rule";

/** One policy's reconciled config, as Configure carries it. */
export interface PolicyConfigEntry {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export interface FormerId {
    formerId: string;
    rule: Rule;
}

export function formerIds(rules: readonly Rule[]): FormerId[] {
    return rules.flatMap((rule) => (rule.aliases ?? []).map((formerId) => ({ formerId, rule })));
}

/** The rule a current or former id names, and the former id when one was used. */
export function resolveRuleId(rules: readonly Rule[], id: string): { rule: Rule; formerId?: string } | undefined {
    const current = rules.find((rule) => rule.id === id);
    if (current) return { rule: current };
    const former = formerIds(rules).find((entry) => entry.formerId === id);
    return former && { rule: former.rule, formerId: id };
}

export function formerIdNotice(formerId: string, currentId: string): string {
    return `"${formerId}" is a former id of "${currentId}"; its config applies to "${currentId}" (rename the key)`;
}

export function formerIdPolicies(rules: readonly Rule[]): Array<ResourceValidationPolicy | StackValidationPolicy> {
    return formerIds(rules).map(({ formerId, rule }) => {
        const reason = `former id of ${rule.id}, which judges in its place`;
        const common = {
            name: formerId,
            description: `Former id of ${rule.id}: config written under this name applies to ${rule.id}`,
            enforcementLevel: rule.defaultLevel,
            severity: rule.severity,
            tags: [rule.cloud, "former-id"],
            configSchema: configSchemaFor(rule.config),
        };
        return isStackRule(rule)
            ? { ...common, validateStack: (args) => args.notApplicable(reason) }
            : { ...common, validateResource: (args) => args.notApplicable(reason) };
    });
}

function defaultsOf(rule: Rule): Record<string, unknown> {
    const defaults: Record<string, unknown> = { exemptions: [] };
    for (const name of rule.config as KnobName[]) defaults[name] = knobs[name].defaultValue;
    return defaults;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves what each former id was configured with (anything but its defaults) onto the rule's current
 * id, where the current id keeps its own settings, exemptions are joined, and disables the
 * former-id policy. Returns the new config and one notice per former id that was configured.
 */
export function mergeFormerIdConfig(
    rules: readonly Rule[], config: Readonly<Record<string, PolicyConfigEntry>>,
): { config: Record<string, PolicyConfigEntry>; notices: string[] } {
    const result: Record<string, PolicyConfigEntry> = { ...config };
    const notices: string[] = [];
    for (const { formerId, rule } of formerIds(rules)) {
        const former = config[formerId];
        if (!former) continue;
        const defaults = defaultsOf(rule);
        result[formerId] = { enforcementLevel: "disabled", properties: former.properties };
        const setKeys = Object.keys(former.properties).filter((key) => !(key in defaults) || !same(former.properties[key], defaults[key]));
        const setLevel = former.enforcementLevel !== rule.defaultLevel;
        if (setKeys.length === 0 && !setLevel) continue;
        notices.push(formerIdNotice(formerId, rule.id));
        const current = result[rule.id] ?? { enforcementLevel: rule.defaultLevel, properties: { ...defaults } };
        const properties = { ...current.properties };
        for (const key of setKeys) {
            if (key === "exemptions") {
                properties.exemptions = [...asList(properties.exemptions), ...asList(former.properties.exemptions)];
            } else if (!(key in properties) || same(properties[key], defaults[key])) {
                properties[key] = former.properties[key];
            }
        }
        const level = setLevel && current.enforcementLevel === rule.defaultLevel ? former.enforcementLevel : current.enforcementLevel;
        result[rule.id] = { enforcementLevel: level, properties };
    }
    return { config: result, notices };
}

function asList(value: unknown): unknown[] {
    return Array.isArray(value) ? value : [];
}
