import * as assert from "assert";
import { configSchemaFor, ConfigError, parseRuleConfig } from "../../core/config";

describe("config", () => {
    describe("parseRuleConfig", () => {
        it("applies defaults for omitted knobs", () => {
            const parsed = parseRuleConfig("r", ["trustedAccountIds", "minRetentionDays", "maxRetentionDays", "retentionTagKeys"], {});
            assert.deepStrictEqual(parsed.knobs, {
                trustedAccountIds: [], minRetentionDays: 7, maxRetentionDays: undefined, retentionTagKeys: ["expires-on", "retention-days"],
            });
            assert.deepStrictEqual(parsed.exemptions, []);
        });
        it("keeps configured values", () => {
            const parsed = parseRuleConfig("r", ["trustedAccountIds", "minRetentionDays"], { trustedAccountIds: ["111122223333"], minRetentionDays: 30 });
            assert.deepStrictEqual(parsed.knobs, { trustedAccountIds: ["111122223333"], minRetentionDays: 30 });
        });
        const invalid: Array<[string, string[], Record<string, unknown>, RegExp]> = [
            ["an account id that is not 12 digits", ["trustedAccountIds"], { trustedAccountIds: ["12345"] }, /^"r\.trustedAccountIds\[0\]" must be a 12-digit AWS account id$/],
            ["a list given as a string", ["trustedAccountIds"], { trustedAccountIds: "111122223333" }, /"r\.trustedAccountIds" must be a list, each entry a 12-digit AWS account id/],
            ["a negative retention", ["minRetentionDays"], { minRetentionDays: -1 }, /"r\.minRetentionDays"/],
            ["a fractional retention", ["minRetentionDays"], { minRetentionDays: 1.5 }, /whole number/],
            ["a retention beyond 100 years", ["minRetentionDays"], { minRetentionDays: 36_501 }, /"r\.minRetentionDays" must be a whole number of days from 0 to 36500/],
            ["a default retention beyond the date range", ["defaultRetentionDays"], { defaultRetentionDays: 1e20 }, /"r\.defaultRetentionDays" must be a whole number of days from 1 to 36500/],
            ["max below min", ["minRetentionDays", "maxRetentionDays"], { minRetentionDays: 30, maxRetentionDays: 10 }, /maxRetentionDays" must not be below/],
            ["a key the rule does not have", ["minRetentionDays"], { trustedAccountIds: [] }, /"r\.trustedAccountIds" is not a setting of this rule/],
            ["an exemption without a reason", [], { exemptions: [{ resource: "a" }] }, /"r\.exemptions\[0\]\.reason" is required/],
            ["an exemption with a blank reason", [], { exemptions: [{ resource: "a", reason: "  " }] }, /reason" is required/],
            ["an exemption without a resource", [], { exemptions: [{ reason: "x" }] }, /exemptions\[0\]\.resource"/],
            ["an exemption with a malformed date", [], { exemptions: [{ resource: "a", reason: "x", expires: "31/12/2026" }] }, /expires" must be a date/],
            ["an exemption with an impossible date", [], { exemptions: [{ resource: "a", reason: "x", expires: "2026-02-30" }] }, /expires" must be a date/],
            ["an exemption with an unknown field", [], { exemptions: [{ resource: "a", reason: "x", until: "2026-01-01" }] }, /exemptions\[0\]\.until" is not a known/],
            ["exemptions that are not a list", [], { exemptions: { resource: "a" } }, /"r\.exemptions" must be a list/],
        ];
        for (const [situation, knobNames, raw, message] of invalid) {
            it(`rejects ${situation}, naming the key`, () => {
                assert.throws(() => parseRuleConfig("r", knobNames as any, raw), (error: unknown) =>
                    error instanceof ConfigError && message.test(error.message));
            });
        }
    });

    describe("configSchemaFor", () => {
        it("gives every rule the same schema for the same knob, plus exemptions", () => {
            const a = configSchemaFor(["trustedAccountIds", "minRetentionDays"]);
            const b = configSchemaFor(["trustedAccountIds"]);
            assert.deepStrictEqual(a.properties.trustedAccountIds, b.properties.trustedAccountIds);
            assert.deepStrictEqual(Object.keys(a.properties), ["trustedAccountIds", "minRetentionDays", "exemptions"]);
            assert.strictEqual(a.properties.minRetentionDays.default, 7);
        });
        it("bounds every day count and closes every object, in the schema the engine validates", () => {
            const { properties } = configSchemaFor(["minRetentionDays", "maxRetentionDays", "defaultRetentionDays"]);
            for (const knob of ["minRetentionDays", "maxRetentionDays", "defaultRetentionDays"]) {
                assert.strictEqual(properties[knob].maximum, 36_500, knob);
                assert.strictEqual(typeof properties[knob].minimum, "number", knob);
            }
            const closed = (schema: unknown): void => {
                if (typeof schema !== "object" || schema === null) return;
                const record = schema as Record<string, unknown>;
                if (record.type === "object") assert.strictEqual(record.additionalProperties, false, JSON.stringify(record));
                for (const value of Object.values(record)) closed(value);
            };
            closed(properties);
        });
        it("requires a reason on every exemption", () => {
            const items = configSchemaFor([]).properties.exemptions.items as { required: string[] };
            assert.deepStrictEqual(items.required, ["resource", "reason"]);
        });
    });
});
