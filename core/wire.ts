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
