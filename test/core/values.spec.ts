import * as assert from "assert";
import {
    asBool, asList, asNumber, asString, dig, enumIn, isSet, isUnknown, normaliseTypeToken, parseJson, prop, UNKNOWN,
} from "../../core/values";
import { UNKNOWN as UNKNOWN_SENTINEL } from "../harness";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { unknownCheckingProxy } = require("@pulumi/policy/proxy");

describe("values", () => {
    const proxied = unknownCheckingProxy({
        known: "x",
        nested: { flag: "true", unknownLeaf: UNKNOWN_SENTINEL },
        unknownObject: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
        list: ["a", UNKNOWN_SENTINEL],
        nothing: null,
    });

    describe("prop and dig", () => {
        it("reads known values through the SDK proxy", () => {
            assert.strictEqual(prop(proxied, "known"), "x");
            assert.strictEqual(asBool(dig(proxied, "nested", "flag")), true);
        });
        it("turns an unknown read into UNKNOWN instead of throwing", () => {
            assert.strictEqual(dig(proxied, "nested", "unknownLeaf"), UNKNOWN);
            assert.strictEqual(prop(proxied, "unknownObject"), UNKNOWN);
        });
        it("propagates UNKNOWN through deeper reads", () => {
            assert.strictEqual(dig(proxied, "unknownObject", "a", "b"), UNKNOWN);
        });
        it("treats null, absent keys and non-object containers as omitted", () => {
            assert.strictEqual(prop(proxied, "nothing"), undefined);
            assert.strictEqual(prop(proxied, "absent"), undefined);
            assert.strictEqual(dig(proxied, "known", "length"), undefined);
            assert.strictEqual(prop(undefined, "a"), undefined);
        });
        it("recognises raw sentinel strings without a proxy", () => {
            assert.strictEqual(prop({ a: UNKNOWN_SENTINEL }, "a"), UNKNOWN);
        });
        it("rethrows errors that are not unknown-value errors", () => {
            const hostile = new Proxy({}, { get: () => { throw new TypeError("boom"); } });
            assert.throws(() => prop(hostile, "a"), /boom/);
        });
    });

    describe("isSet (presence without reading)", () => {
        it("counts an unknown value as set without triggering the proxy", () => {
            assert.strictEqual(isSet(proxied, "unknownObject"), true);
            assert.strictEqual(isSet(prop(proxied, "nested"), "unknownLeaf"), true);
        });
        it("counts null and absent as not set", () => {
            assert.strictEqual(isSet(proxied, "nothing"), false);
            assert.strictEqual(isSet(proxied, "absent"), false);
            assert.strictEqual(isSet("text", "length"), false);
        });
        it("counts everything under an unknown container as set", () => {
            assert.strictEqual(isSet(UNKNOWN, "anything"), true);
        });
    });

    describe("asBool", () => {
        it("accepts booleans and string booleans in any case", () => {
            assert.strictEqual(asBool(true), true);
            assert.strictEqual(asBool("TRUE"), true);
            assert.strictEqual(asBool(" false "), false);
        });
        it("gives undefined for other values and keeps UNKNOWN", () => {
            assert.strictEqual(asBool("yes"), undefined);
            assert.strictEqual(asBool(1), undefined);
            assert.strictEqual(asBool(UNKNOWN), UNKNOWN);
        });
    });

    describe("asNumber and asString", () => {
        it("accepts numbers and numeric strings", () => {
            assert.strictEqual(asNumber(7), 7);
            assert.strictEqual(asNumber("14"), 14);
            assert.strictEqual(asNumber(""), undefined);
            assert.strictEqual(asNumber("seven"), undefined);
            assert.strictEqual(asNumber(Number.NaN), undefined);
        });
        it("keeps strings only", () => {
            assert.strictEqual(asString("a"), "a");
            assert.strictEqual(asString(3), undefined);
            assert.strictEqual(asString(UNKNOWN), UNKNOWN);
        });
    });

    describe("asList (one-or-many)", () => {
        it("wraps a single value and reads array items unknown-safely", () => {
            assert.deepStrictEqual(asList("one"), ["one"]);
            assert.deepStrictEqual(asList(undefined), []);
            assert.deepStrictEqual(asList(prop(proxied, "list")), ["a", UNKNOWN]);
        });
        it("keeps an unknown list unknown", () => {
            assert.strictEqual(asList(UNKNOWN), UNKNOWN);
        });
    });

    describe("enumIn", () => {
        it("compares case-insensitively", () => {
            assert.strictEqual(enumIn("allowall", "AllowAll"), true);
            assert.strictEqual(enumIn("DenyAll", "AllowAll", "AllowPrivate"), false);
        });
        it("gives undefined when omitted and UNKNOWN when unknown", () => {
            assert.strictEqual(enumIn(undefined, "A"), undefined);
            assert.strictEqual(enumIn(UNKNOWN, "A"), UNKNOWN);
        });
    });

    describe("parseJson", () => {
        it("parses strings and passes objects through", () => {
            assert.deepStrictEqual(parseJson('{"a":1}'), { ok: true, value: { a: 1 } });
            assert.deepStrictEqual(parseJson({ a: 1 }), { ok: true, value: { a: 1 } });
        });
        it("reports failure without the input text", () => {
            assert.deepStrictEqual(parseJson("{not json SECRET"), { ok: false });
            assert.strictEqual(isUnknown(parseJson(UNKNOWN)), true);
        });
    });

    describe("normaliseTypeToken", () => {
        it("maps versioned azure-native tokens to the default token", () => {
            assert.strictEqual(normaliseTypeToken("azure-native:compute/v20240302:Disk"), "azure-native:compute:Disk");
            assert.strictEqual(normaliseTypeToken("azure-native:compute/v20230102preview:Snapshot"), "azure-native:compute:Snapshot");
        });
        it("leaves other tokens alone", () => {
            assert.strictEqual(normaliseTypeToken("azure-native:compute:Disk"), "azure-native:compute:Disk");
            assert.strictEqual(normaliseTypeToken("aws:ebs/volume:Volume"), "aws:ebs/volume:Volume");
        });
    });
});
