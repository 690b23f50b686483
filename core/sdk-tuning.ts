// Performance tuning of the policy SDK's analyzer server, applied once by index.ts.
//
// The SDK deserialises a resource's properties again for every policy it runs (see
// @pulumi/policy server.js), so the cost of a resource grows with the number of rules: with 60
// rules, 10,000 resources spent over half of their analysis time decoding the same protobuf
// Structs. Rules are pure and never write to props, so every policy can share one decoded copy
// per request. If the SDK's internals change shape, nothing is patched and the SDK works as before.

type Deserialize = (struct: unknown, proxySecrets: boolean) => Record<string, unknown>;

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
            props = original(struct, proxySecrets);
            cache.set(struct, props);
        }
        return props;
    };
    shared[patched] = true;
    module.deserializeProperties = shared;
    return true;
}
