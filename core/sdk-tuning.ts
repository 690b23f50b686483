// Performance and robustness tuning of the policy SDK's analyzer server, applied once by index.ts.
//
// The SDK deserialises a resource's properties again for every policy it runs (see
// @pulumi/policy server.js), so the cost of a resource grows with the number of rules: with 60
// rules, 10,000 resources spent over half of their analysis time decoding the same protobuf
// Structs. Rules are pure and never write to props, so every policy can share one decoded copy
// per request. If the SDK's internals change shape, nothing is patched and the SDK works as before.
//
// The SDK's decoder also throws on values it does not know (a resource reference, an asset without
// content): Analyze and AnalyzeStack then fail the RPC with a stack trace, and Remediate, which
// decodes outside its error handling, never answers. When it throws, the properties are decoded
// again with those values rewritten (core/wire decodableByPolicySdk), so every RPC answers.

import { decodableByPolicySdk } from "./wire";

type Deserialize = (struct: unknown, proxySecrets: boolean) => Record<string, unknown>;

/** The SDK's decoding, or, when it throws, the same decoding of the values rewritten to decodable ones. */
function decodeRobustly(original: Deserialize, struct: unknown, proxySecrets: boolean): Record<string, unknown> {
    try {
        return original(struct, proxySecrets);
    } catch (error) {
        const toJavaScript = (struct as { toJavaScript?: () => unknown } | null)?.toJavaScript;
        if (typeof toJavaScript !== "function") throw error;
        const rewritten = decodableByPolicySdk(toJavaScript.call(struct));
        return original({ toJavaScript: () => rewritten }, proxySecrets);
    }
}

const patched = Symbol.for("snapshot-guard.sharedDeserialize");

export function shareDeserializedProperties(): boolean {
    let module: { deserializeProperties?: Deserialize & { [patched]?: true } };
    try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        module = require("@pulumi/policy/deserialize");
    } catch {
        return false;
    }
    const original = module.deserializeProperties;
    if (typeof original !== "function" || original.length !== 2) {
        return false;
    }
    if (original[patched]) {
        return true;
    }
    // One cache per secrets mode: Remediate decodes with secret proxies, Analyze without.
    const caches = [new WeakMap<object, Record<string, unknown>>(), new WeakMap<object, Record<string, unknown>>()];
    const shared: Deserialize & { [patched]?: true } = (struct, proxySecrets) => {
        if (typeof struct !== "object" || struct === null) {
            return original(struct, proxySecrets);
        }
        const cache = caches[proxySecrets ? 1 : 0];
        let props = cache.get(struct);
        if (props === undefined) {
            props = decodeRobustly(original, struct, proxySecrets);
            cache.set(struct, props);
        }
        return props;
    };
    shared[patched] = true;
    module.deserializeProperties = shared;
    return true;
}
