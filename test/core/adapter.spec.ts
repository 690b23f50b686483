import * as assert from "assert";
import type { StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { toPolicy } from "../../core/adapter";
import { defineRule, defineStackRule, deferred, on, violation, violationWithoutPath, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";
import { evaluate, FIXED_NOW, UNKNOWN, urnFor } from "../harness";

const diskToken = "azure-native:compute:Disk";

const fixtureRule = defineRule({
    id: "azure-fixture-rule",
    cloud: "azure",
    title: "Fixture disks are locked",
    category: "exposure",
    severity: "high",
    defaultLevel: "mandatory",
    rationale: "r",
    remediation: "set locked",
    docsUrl: "https://example.com/docs",
    controls: { "cis-azure-3.0": ["8.5"], checkov: ["CKV_X"] },
    config: ["minRetentionDays"],
    targets: [
        on(diskToken, (props) => {
            const locked = asBool(prop(props, "locked"));
            if (isUnknown(locked)) return [deferred("locked")];
            return locked ? [] : [violation("locked", "the disk is not locked", "set `locked: true`")];
        }),
        on("azure-native:compute:Snapshot", (props) => {
            // Reads straight through the proxy, as a careless rule might.
            return (props as any).crash.missing.deeper ? [] : [];
        }),
        on("azure-native:compute:Image", (props) => {
            return (props as any).direct === true ? [] : [violation("direct", "direct is not true", "set it")];
        }),
    ],
});

describe("adapter", () => {
    describe("policy metadata", () => {
        const policy = toPolicy(fixtureRule);
        it("carries the SDK's own metadata fields", () => {
            assert.strictEqual(policy.name, "azure-fixture-rule");
            assert.strictEqual(policy.description, "Fixture disks are locked");
            assert.strictEqual(policy.enforcementLevel, "mandatory");
            assert.strictEqual(policy.severity, "high");
            assert.strictEqual(policy.remediationSteps, "set locked");
            assert.strictEqual(policy.url, "https://example.com/docs");
            assert.deepStrictEqual(policy.tags, ["azure", "exposure"]);
            assert.deepStrictEqual(policy.framework, { name: "cis-azure", version: "3.0", reference: "8.5", specification: "" });
        });
        it("declares the rule's knobs and exemptions in the config schema", () => {
            assert.deepStrictEqual(Object.keys(policy.configSchema!.properties), ["minRetentionDays", "exemptions"]);
        });
    });

    describe("resource rules", () => {
        it("reports `<what> at <path>; <fix>`", () => {
            const outcome = evaluate(fixtureRule, { type: diskToken, props: {} });
            assert.deepStrictEqual(outcome.violations, ["the disk is not locked at locked; set `locked: true`"]);
        });
        it("matches versioned azure-native tokens", () => {
            const outcome = evaluate(fixtureRule, { type: "azure-native:compute/v20240302:Disk", props: { locked: false } });
            assert.strictEqual(outcome.violations.length, 1);
        });
        it("marks other resource types not applicable", () => {
            const outcome = evaluate(fixtureRule, { type: "aws:ebs/volume:Volume", props: {} });
            assert.deepStrictEqual(outcome.violations, []);
            assert.strictEqual(outcome.notApplicable, "resource type not checked by this rule");
        });
        it("defers when the deciding value is unknown, with the path in the reason", () => {
            const outcome = evaluate(fixtureRule, { type: diskToken, props: { locked: UNKNOWN } });
            assert.deepStrictEqual(outcome, { violations: [], notApplicable: "deferred until deploy: locked is unknown during preview" });
        });
        it("defers instead of crashing when a check reads an unknown value directly", () => {
            const outcome = evaluate(fixtureRule, { type: "azure-native:compute:Image", props: { direct: UNKNOWN } });
            assert.deepStrictEqual(outcome, { violations: [], notApplicable: "deferred until deploy: direct is unknown during preview" });
        });
        it("fails closed with a readable message when a check throws", () => {
            const outcome = evaluate(fixtureRule, { type: "azure-native:compute:Snapshot", props: { crash: "SECRET-VALUE" } });
            assert.strictEqual(outcome.violations.length, 1);
            assert.match(outcome.violations[0], /^could not evaluate azure-fixture-rule on this resource: TypeError: /);
            assert.doesNotMatch(outcome.violations[0], /SECRET-VALUE/);
        });
        it("reports invalid config as a violation naming the key", () => {
            const outcome = evaluate(fixtureRule, { type: diskToken, props: { locked: true }, config: { minRetentionDays: "7" } });
            assert.strictEqual(outcome.violations.length, 1);
            assert.match(outcome.violations[0], /^invalid policy config: "azure-fixture-rule\.minRetentionDays" must be a whole number/);
        });
        it("suppresses a violation under an active exemption and says why", () => {
            const config = { exemptions: [{ resource: "legacy-*", reason: "migrating in Q3", expires: "2026-09-30" }] };
            const outcome = evaluate(fixtureRule, { type: diskToken, props: {}, config, name: "legacy-disk" });
            assert.deepStrictEqual(outcome, { violations: [], notApplicable: "exempted by policy config until 2026-09-30: migrating in Q3" });
        });
        it("reports again once the exemption has expired, saying so", () => {
            const config = { exemptions: [{ resource: "legacy-*", reason: "migrating in Q3", expires: "2026-06-14" }] };
            const outcome = evaluate(fixtureRule, { type: diskToken, props: {}, config, name: "legacy-disk" });
            assert.deepStrictEqual(outcome.violations, [
                "the disk is not locked at locked; set `locked: true` (the exemption for \"legacy-*\" expired on 2026-06-14: migrating in Q3)",
            ]);
        });
        it("exempts by URN as well as by name", () => {
            const urn = urnFor(diskToken, "d1");
            const outcome = evaluate(fixtureRule, { type: diskToken, props: {}, name: "d1", urn, config: { exemptions: [{ resource: urn, reason: "r" }] } });
            assert.match(outcome.notApplicable ?? "", /^exempted/);
        });
        it("does not mention exemptions for compliant resources", () => {
            const config = { exemptions: [{ resource: "*", reason: "r" }] };
            assert.deepStrictEqual(evaluate(fixtureRule, { type: diskToken, props: { locked: true }, config }), { violations: [] });
        });
    });

    describe("stack rules", () => {
        const stackRule = defineStackRule({
            id: "aws-fixture-stack-rule",
            cloud: "aws",
            title: "Every volume has a sibling",
            category: "lifecycle",
            severity: "medium",
            defaultLevel: "advisory",
            rationale: "r",
            remediation: "m",
            docsUrl: "https://example.com",
            config: [],
            stackTypes: ["aws:ebs/volume:Volume"],
            checkStack: (resources) => resources.flatMap((resource): Finding[] => {
                const sibling = prop(resource.props, "sibling");
                if (isUnknown(sibling)) return [{ ...deferred("sibling"), urn: resource.urn }];
                if (prop(resource.props, "orphan")) return [{ ...violationWithoutPath("nothing in the stack backs this volume up", "add a backup"), urn: resource.urn }];
                return sibling ? [] : [{ ...violation("sibling", "no sibling", "add one"), urn: resource.urn }];
            }),
        });

        function runStack(resources: Array<{ name: string; props: Record<string, unknown> }>, config: Record<string, unknown> = {}) {
            const policy = toPolicy(stackRule, { now: () => FIXED_NOW }) as StackValidationPolicy;
            const reported: Array<{ message: string; urn?: string }> = [];
            let notApplicable: string | undefined;
            const args = {
                resources: resources.map((r) => ({
                    type: "aws:ebs/volume:Volume", name: r.name, urn: urnFor("aws:ebs/volume:Volume", r.name), props: r.props,
                    dependencies: [], propertyDependencies: {},
                })),
                getConfig: () => config,
                stackTags: new Map(),
                notApplicable: (reason?: string): never => { notApplicable = reason; throw new Error("not applicable"); },
            } as unknown as StackValidationArgs;
            try {
                policy.validateStack(args, (message: string, urn?: string) => reported.push({ message, urn }));
            } catch (error) {
                if (notApplicable === undefined) throw error;
            }
            return { reported, notApplicable };
        }

        it("reports each finding against the offending resource's URN", () => {
            const { reported } = runStack([{ name: "a", props: { sibling: true } }, { name: "b", props: {} }]);
            assert.deepStrictEqual(reported, [{ message: "no sibling at sibling; add one", urn: urnFor("aws:ebs/volume:Volume", "b") }]);
        });
        it("writes a finding with no property at fault as `<problem>; <fix>`, without ` at `", () => {
            const { reported } = runStack([{ name: "o", props: { sibling: true, orphan: true } }]);
            assert.deepStrictEqual(reported, [{ message: "nothing in the stack backs this volume up; add a backup", urn: urnFor("aws:ebs/volume:Volume", "o") }]);
        });
        it("applies exemptions per offending resource", () => {
            const config = { exemptions: [{ resource: "b", reason: "scratch disk" }] };
            const { reported, notApplicable } = runStack([{ name: "b", props: {} }], config);
            assert.deepStrictEqual(reported, []);
            assert.match(notApplicable!, /b: exempted by policy config: scratch disk/);
        });
        it("defers unknown references without reporting", () => {
            const { reported, notApplicable } = runStack([{ name: "c", props: { sibling: UNKNOWN } }]);
            assert.deepStrictEqual(reported, []);
            assert.match(notApplicable!, /deferred until deploy: c\.sibling is unknown during preview/);
        });
    });
});
