import * as assert from "assert";
import { shareDeserializedProperties } from "../../core/sdk-tuning";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");

describe("sdk tuning: shared deserialisation", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const sdk = require("@pulumi/policy/deserialize");
    const original = sdk.deserializeProperties;
    after(() => {
        sdk.deserializeProperties = original;
    });

    it("patches the SDK's deserializer once and decodes each request once per secrets mode", () => {
        assert.strictEqual(shareDeserializedProperties(), true);
        assert.strictEqual(shareDeserializedProperties(), true);
        const patched = sdk.deserializeProperties;
        assert.notStrictEqual(patched, original);
        const struct = Struct.fromJavaScript({ encrypted: false, tags: { team: "a" } });
        const first = patched(struct, false);
        assert.strictEqual(patched(struct, false), first, "policies of one request share one decoded copy");
        assert.deepStrictEqual(first, original(struct, false));
        assert.notStrictEqual(patched(struct, true), first, "the secret-preserving decode is kept apart");
        assert.notStrictEqual(patched(Struct.fromJavaScript({ encrypted: false }), false), first, "other requests decode anew");
    });
});
