// Former rule ids: config written for a renamed rule's old id reaches the rule under its new id.
import * as assert from "assert";
import { formerIdPolicies, mergeFormerIdConfig, resolveRuleId, type PolicyConfigEntry } from "../../core/former-ids";
import { defineRule, on } from "../../core/rule";

const rule = defineRule<"minRetentionDays">({
    id: "aws-new-name", aliases: ["aws-old-name"], cloud: "aws", title: "t", category: "hardening", severity: "low",
    defaultLevel: "advisory", rationale: "r", remediation: "f", docsUrl: "https://example.com", config: ["minRetentionDays"],
    targets: [on("aws:ebs/volume:Volume", () => [])],
});
const defaults = (): PolicyConfigEntry => ({ enforcementLevel: "advisory", properties: { minRetentionDays: 7, exemptions: [] } });
const exemption = (resource: string) => ({ resource, reason: "legacy", expires: "2027-01-31" });

describe("core: former rule ids", () => {
    it("resolves a former id to its rule and says it was one", () => {
        assert.strictEqual(resolveRuleId([rule], "aws-old-name")?.rule, rule);
        assert.strictEqual(resolveRuleId([rule], "aws-old-name")?.formerId, "aws-old-name");
        assert.strictEqual(resolveRuleId([rule], "aws-new-name")?.formerId, undefined);
        assert.strictEqual(resolveRuleId([rule], "aws-other"), undefined);
    });

    it("declares a policy per former id with the rule's config schema", () => {
        const [policy] = formerIdPolicies([rule]);
        assert.strictEqual(policy.name, "aws-old-name");
        assert.match(policy.description, /aws-new-name/);
        assert.deepStrictEqual(Object.keys(policy.configSchema?.properties ?? {}).sort(), ["exemptions", "minRetentionDays"]);
    });

    it("moves the level, knobs and exemptions set under the former id to the current id, with a notice", () => {
        const { config, notices } = mergeFormerIdConfig([rule], {
            "aws-old-name": { enforcementLevel: "mandatory", properties: { minRetentionDays: 14, exemptions: [exemption("legacy-*")] } },
            "aws-new-name": defaults(),
        });
        assert.deepStrictEqual(config["aws-new-name"], { enforcementLevel: "mandatory", properties: { minRetentionDays: 14, exemptions: [exemption("legacy-*")] } });
        assert.strictEqual(config["aws-old-name"].enforcementLevel, "disabled");
        assert.deepStrictEqual(notices, ['"aws-old-name" is a former id of "aws-new-name"; its config applies to "aws-new-name" (rename the key)']);
    });

    it("keeps what the current id sets itself and joins the exemptions", () => {
        const { config } = mergeFormerIdConfig([rule], {
            "aws-old-name": { enforcementLevel: "disabled", properties: { minRetentionDays: 14, exemptions: [exemption("old")] } },
            "aws-new-name": { enforcementLevel: "mandatory", properties: { minRetentionDays: 30, exemptions: [exemption("new")] } },
        });
        assert.deepStrictEqual(config["aws-new-name"], { enforcementLevel: "mandatory", properties: { minRetentionDays: 30, exemptions: [exemption("new"), exemption("old")] } });
    });

    it("treats a former id left at its defaults as not configured: nothing moves, no notice", () => {
        const { config, notices } = mergeFormerIdConfig([rule], { "aws-old-name": defaults(), "aws-new-name": { enforcementLevel: "mandatory", properties: { minRetentionDays: 9, exemptions: [] } } });
        assert.deepStrictEqual(notices, []);
        assert.deepStrictEqual(config["aws-new-name"], { enforcementLevel: "mandatory", properties: { minRetentionDays: 9, exemptions: [] } });
        assert.strictEqual(config["aws-old-name"].enforcementLevel, "disabled");
    });

    it("disables the rule when its former id is disabled", () => {
        const { config } = mergeFormerIdConfig([rule], { "aws-old-name": { enforcementLevel: "disabled", properties: {} }, "aws-new-name": defaults() });
        assert.strictEqual(config["aws-new-name"].enforcementLevel, "disabled");
    });
});
