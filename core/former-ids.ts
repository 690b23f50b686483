// Former rule ids (a rule's `aliases`) keep working in policy config, also under the real engine.
//
// The Pulumi CLI reconciles a --policy-pack-config file (or a policy group's config) against the
// policies the pack declares and sends the result through Configure; config under a name that is
// no policy never reaches the pack as a policy's own config. So the pack declares each former id as
// a policy of its own (same config schema, so the engine validates it the same way), and before the
// SDK stores the Configure request, `interceptConfigure` moves what a former id was configured with
// onto the rule's current id and disables the former-id policy. A former-id policy never judges
// anything itself.

import type { EnforcementLevel, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { ConfigError, configSchemaFor, knobs, parseRuleConfig, type KnobName } from "./config";
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

// The wire enum of analyzer.proto.
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

interface ProtoPolicyConfig {
    getEnforcementlevel(): number;
    setEnforcementlevel(level: number): void;
    getProperties(): { toJavaScript(): Record<string, unknown>; constructor: unknown } | undefined;
    setProperties(struct: unknown): void;
}

const installed = Symbol.for("snapshot-guard.formerIds");

/**
 * What the engine cannot catch: its schema for a policy's config is rebuilt without
 * `additionalProperties` (see configSchemaFor), so a misspelt knob arrives here. One message per
 * rule whose config the rule's own parser refuses, naming the rule and the key.
 */
export function invalidConfig(rules: readonly Rule[], config: Readonly<Record<string, PolicyConfigEntry>>): string[] {
    const problems: string[] = [];
    for (const rule of rules) {
        const entry = config[rule.id];
        if (!entry || entry.enforcementLevel === "disabled") continue;
        try {
            parseRuleConfig(rule.id, rule.config as KnobName[], entry.properties);
        } catch (error) {
            if (!(error instanceof ConfigError)) throw error;
            problems.push(error.message);
        }
    }
    return problems;
}

/**
 * Makes Configure requests go through `mergeFormerIdConfig` and `invalidConfig` before the policy
 * SDK stores them (by
 * wrapping the request decoder of the Analyzer service definition the SDK's server registers, so
 * call it before `new PolicyPack`). Notices go to stderr, never stdout. Returns false, changing
 * nothing, when the SDK's modules are not shaped as expected.
 */
export function interceptConfigure(rules: readonly Rule[], warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): boolean {
    if (formerIds(rules).length === 0) return true;
    let method: { requestDeserialize?: ((buffer: Buffer) => unknown) & { [installed]?: true } } | undefined;
    try {
        const policyDir = require("path").dirname(require.resolve("@pulumi/policy/server"));
        const grpcStubs = require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb", { paths: [policyDir] });
        method = require(grpcStubs).AnalyzerService?.configure;
    } catch {
        return false;
    }
    const original = method?.requestDeserialize;
    if (!method || typeof original !== "function") return false;
    if (original[installed]) return true;
    const decode = ((buffer: Buffer) => {
        const request = original(buffer) as { getPolicyconfigMap?(): { entries(): Iterable<[string, ProtoPolicyConfig]>; get(key: string): ProtoPolicyConfig | undefined } };
        const map = request.getPolicyconfigMap?.();
        if (!map) return request;
        const entries: Record<string, PolicyConfigEntry> = {};
        let Struct: { fromJavaScript(value: unknown): unknown } | undefined;
        for (const [name, value] of [...map.entries()]) {
            const properties = value.getProperties();
            Struct ??= properties?.constructor as typeof Struct;
            entries[name] = { enforcementLevel: LEVELS[value.getEnforcementlevel()] ?? "advisory", properties: properties?.toJavaScript() ?? {} };
        }
        const { config, notices } = mergeFormerIdConfig(rules, entries);
        const problems = invalidConfig(rules, config);
        if (problems.length > 0) {
            // The SDK's configure handler reads the map inside its try block and answers the
            // engine with this error, which stops `pulumi preview` before the program runs.
            const error = new ConfigError(`invalid policy config: ${problems.join("; ")}`);
            (request as { getPolicyconfigMap(): never }).getPolicyconfigMap = () => {
                throw error;
            };
            return request;
        }
        for (const [name, entry] of Object.entries(config)) {
            if (same(entry, entries[name])) continue;
            const message = map.get(name);
            if (!message || !Struct) continue;
            message.setEnforcementlevel(LEVELS.indexOf(entry.enforcementLevel));
            message.setProperties(Struct.fromJavaScript(entry.properties));
        }
        notices.forEach((notice) => warn(`snapshot-guard: ${notice}`));
        return request;
    }) as typeof original;
    decode[installed] = true;
    method.requestDeserialize = decode;
    return true;
}
