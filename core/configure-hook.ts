// Our pack's own handling of Configure, before the policy SDK stores the config: former rule ids
// are merged onto their current ids (core/former-ids.ts), and config the engine let through but a
// rule refuses (a misspelt knob: the engine's schema does not forbid unknown keys) fails Configure,
// so `pulumi preview` stops before the program runs with one message naming rule and key.
import type { EnforcementLevel } from "@pulumi/policy";
import { ConfigError, parseRuleConfig, type KnobName } from "./config";
import { mergeFormerIdConfig, type PolicyConfigEntry } from "./former-ids";
import type { Rule } from "./rule";

// The wire enum of analyzer.proto.
const LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];

interface ProtoPolicyConfig {
    getEnforcementlevel(): number;
    setEnforcementlevel(level: number): void;
    getProperties(): { toJavaScript(): Record<string, unknown>; constructor: unknown } | undefined;
    setProperties(struct: unknown): void;
}

const installed = Symbol.for("snapshot-guard.configureHook");

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
 * SDK stores them (by wrapping the request decoder of the Analyzer service definition the SDK's
 * server registers, so call it before `new PolicyPack`). Notices go to stderr, never stdout. Returns false, changing
 * nothing, when the SDK's modules are not shaped as expected.
 */
export function interceptConfigure(rules: readonly Rule[], warn: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): boolean {
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
            if (entry === entries[name]) continue; // mergeFormerIdConfig replaces only what it changes
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
