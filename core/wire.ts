// How the Pulumi engine encodes values a policy cannot see directly (see @pulumi/pulumi runtime/rpc
// and @pulumi/policy proxy.js). Shared by the value readers, the gRPC client and the tests.

/** What the engine sends over gRPC for any value it cannot know during preview. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** Every sentinel the policy SDK treats as unknown (boolean, number, string, array, asset, archive, object). */
export const UNKNOWN_SENTINELS: ReadonlySet<unknown> = new Set<unknown>([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    UNKNOWN_SENTINEL,
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

export const SECRET_SIGNATURE_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIGNATURE = "1b47061264138c4ac30d75fd1eb44270";

/** A value wrapped the way the engine sends secrets. */
export function secret(value: unknown): Record<string, unknown> {
    return { [SECRET_SIGNATURE_KEY]: SECRET_SIGNATURE, value };
}

export const RESOURCE_REFERENCE_SIGNATURE = "5cf8f73096256a8f31e491e813e4eb8e";
const ASSET_SIGNATURE = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIGNATURE = "0def7320c3a5731c473e5ecbe6d01bc7";

/** A plain object (not null, not an array): the shape of a property bag or a JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A resource reference (`{ <sig>: <resource sig>, urn, id? }`) as the engine hands it to analyzers.
 * The engine (sdk/go/common/resource/plugin/analyzer_plugin.go, v3.277.0) marshals Analyze,
 * AnalyzeStack and Remediate properties without `KeepResources`, and rpc.go then sends a reference
 * as its ID when it has one, otherwise as its URN: analyzers never see the reference object. A
 * stack export still holds them, and a client that sends them must not break the pack.
 */
export function referenceAsEngineSends(value: Record<string, unknown>): unknown {
    if (typeof value.id === "string" && value.id !== "") return value.id;
    return typeof value.urn === "string" ? value.urn : UNKNOWN_SENTINEL;
}

/**
 * Rewrites the special values the policy SDK's decoder rejects (it throws on a resource
 * reference, an unknown signature, an asset or archive without content, or a secret without a
 * value): references as the engine sends them, the rest as unknown, so rules defer instead of the
 * RPC failing. Secrets stay secret. Used only after the SDK's own decoding failed.
 */
export function decodableByPolicySdk(value: unknown, depth = 0): unknown {
    if (depth > 10_000) return UNKNOWN_SENTINEL;
    if (Array.isArray(value)) return value.map((item) => decodableByPolicySdk(item, depth + 1));
    if (!isRecord(value)) return value;
    const sig = value[SECRET_SIGNATURE_KEY];
    if (sig === undefined) {
        const out: Record<string, unknown> = {};
        for (const key of Object.keys(value)) out[key] = decodableByPolicySdk(value[key], depth + 1);
        return out;
    }
    if (sig === SECRET_SIGNATURE) return secret(value.value === undefined ? UNKNOWN_SENTINEL : decodableByPolicySdk(value.value, depth + 1));
    if (sig === RESOURCE_REFERENCE_SIGNATURE) return referenceAsEngineSends(value);
    const plainAsset = sig === ASSET_SIGNATURE && [value.path, value.text, value.uri].some((entry) => typeof entry === "string" && entry !== "");
    const plainArchive = sig === ARCHIVE_SIGNATURE && [value.path, value.uri].some((entry) => typeof entry === "string" && entry !== "");
    return plainAsset || plainArchive ? value : UNKNOWN_SENTINEL;
}
