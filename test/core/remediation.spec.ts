// The adapter's remediation guard: fixes run only on a reported, non-exempted violation with valid
// config, a throwing fix changes nothing and says so without values, and stack rules never remediate.

import * as assert from "assert";
import { toPolicy } from "../../core/adapter";
import { applyEdits, assign, at } from "../../core/fix";
import { canRemediate, defineRule, defineStackRule, on, violation } from "../../core/rule";
import { asBool, prop } from "../../core/values";
import { remediate, secret, UNKNOWN } from "../harness";

const TYPE = "azure-native:compute:Disk";
const SECRET_MARKER = "marker-secret-7731";

const lockRule = defineRule({
    id: "azure-fixture-lock",
    cloud: "azure",
    title: "Fixture disks are locked",
    category: "exposure",
    severity: "high",
    defaultLevel: "mandatory",
    rationale: "r",
    remediation: "set locked",
    docsUrl: "https://example.com/docs",
    config: ["defaultRetentionDays"],
    targets: [
        on(TYPE, (props) => (asBool(prop(props, "locked")) === true ? [] : [violation("locked", "the disk is not locked", "set `locked: true`")]),
            (props) => applyEdits(props, at(["locked"], assign(true)))),
        on("azure-native:compute:Snapshot", (props) => (asBool(prop(props, "locked")) === true ? [] : [violation("locked", "not locked", "lock it")]),
            (props) => {
                // A careless fix: reads a secret and throws with it in the message.
                throw new Error(`cannot handle "${String(prop(props, "token"))}"`);
            }),
        on("azure-native:compute:Image", (props) => (asBool(prop(props, "locked")) === true ? [] : [violation("locked", "not locked", "lock it")])),
    ],
});

describe("adapter: remediation", () => {
    it("fixes a violation and returns the complete props, secrets and unknowns as sent", async () => {
        const outcome = await remediate(lockRule, { type: TYPE, props: { locked: false, token: secret(SECRET_MARKER), size: UNKNOWN } });
        assert.deepStrictEqual(outcome, { properties: { locked: true, token: secret(SECRET_MARKER), size: UNKNOWN } });
    });

    it("works on versioned azure tokens", async () => {
        const outcome = await remediate(lockRule, { type: "azure-native:compute/v20240302:Disk", props: { locked: false } });
        assert.deepStrictEqual(outcome, { properties: { locked: true } });
    });

    it("changes nothing when the rule passes, the resource is exempted or the config is invalid", async () => {
        assert.deepStrictEqual(await remediate(lockRule, { type: TYPE, props: { locked: true } }), {});
        assert.deepStrictEqual(await remediate(lockRule, {
            type: TYPE, props: { locked: false }, config: { exemptions: [{ resource: "subject", reason: "migration" }] },
        }), {});
        assert.deepStrictEqual(await remediate(lockRule, { type: TYPE, props: { locked: false }, config: { defaultRetentionDays: 0 } }), {});
    });

    it("a fix that throws changes nothing and explains without values", async () => {
        const outcome = await remediate(lockRule, { type: "azure-native:compute:Snapshot", props: { locked: false, token: secret(SECRET_MARKER) } });
        assert.strictEqual(outcome.properties, undefined);
        assert.match(outcome.notApplicable ?? "", /^could not remediate azure-fixture-lock on this resource: Error: .*nothing was changed/);
        assert.doesNotMatch(outcome.notApplicable ?? "", new RegExp(SECRET_MARKER));
    });

    it("types without a fix are not remediated", async () => {
        assert.deepStrictEqual(await remediate(lockRule, { type: "azure-native:compute:Image", props: { locked: false } }), {});
    });

    it("only rules with a fix implement remediateResource; stack rules never do", () => {
        assert.strictEqual(typeof (toPolicy(lockRule) as { remediateResource?: unknown }).remediateResource, "function");
        const checkOnly = defineRule({ ...lockRule, id: "azure-fixture-check-only", targets: [on(TYPE, () => [])] });
        assert.strictEqual((toPolicy(checkOnly) as { remediateResource?: unknown }).remediateResource, undefined);
        const stack = defineStackRule({ ...lockRule, id: "azure-fixture-stack", stackTypes: [TYPE], checkStack: () => [] });
        assert.strictEqual((toPolicy(stack) as { remediateResource?: unknown }).remediateResource, undefined);
        assert.strictEqual(canRemediate(stack), false);
        assert.strictEqual(canRemediate(lockRule), true);
    });

    it("defaultRetentionDays defaults to 30 and must be from 1 to 36,500", async () => {
        const { parseRuleConfig } = await import("../../core/config");
        assert.strictEqual(parseRuleConfig("r", ["defaultRetentionDays"], {}).knobs.defaultRetentionDays, 30);
        assert.throws(() => parseRuleConfig("r", ["defaultRetentionDays"], { defaultRetentionDays: 0 }), /from 1 to 36500/);
    });
});
