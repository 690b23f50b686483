// Protocol tests: the compiled pack (bin/) is started the way the Pulumi CLI starts it and spoken
// to over real gRPC, so these cover what the rule tables cannot: the SDK server, metadata on the
// wire, Configure, the proxy on unknowns, secret unwrapping, AnalyzeStack and Remediate.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot, urnFor } from "../harness";
import { of, reasonOf, resource, show } from "./pack";
import {
    AnalyzerClient, secret, UNKNOWN, type AnalyzeResult, type AnalyzerInfo, type PolicyPackConfig,
    type StackResourceInput,
} from "../../cli/analyzer-client";
import { isStackRule, ruleTypes, type Rule } from "../../core/rule";
import { UNKNOWN_SENTINELS } from "../../core/wire";
import { allRules } from "../../policies";

const packDir = repoRoot;
const RULE = "aws-volumes-encrypted";
const VOLUME = "aws:ebs/volume:Volume";
const INSTANCE = "aws:ec2/instance:Instance";
const LAUNCH_TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";


/** No policy may fall back to the SDK's "can't run … during preview" advisory. */
function assertNoPreviewFallback(result: AnalyzeResult) {
    const fallbacks = result.diagnostics.filter((diagnostic) => /can't run|during preview|UnknownValueError/.test(diagnostic.message));
    assert.deepStrictEqual(fallbacks, [], `a policy read an unknown value: ${show(fallbacks)}`);
}

describe("protocol: the compiled pack over gRPC", function () {
    let client: AnalyzerClient | undefined;
    let info: AnalyzerInfo;

    before(async function () {
        this.timeout(60_000);
        assert.ok(fs.existsSync(path.join(packDir, "bin", "index.js")), "bin/index.js is missing: run `npx tsc -p tsconfig.json` first");
        client = await AnalyzerClient.start({ packDir, startTimeoutMs: 45_000 });
        info = await client.getAnalyzerInfo();
    });

    after(async function () {
        this.timeout(15_000);
        await client?.close();
    });

    function analyzer(): AnalyzerClient {
        assert.ok(client, "the pack did not start");
        return client;
    }

    async function analyzeWith(config: PolicyPackConfig, input: { type: string; name: string; urn: string; properties: Record<string, unknown> }) {
        await analyzer().configure(config);
        return analyzer().analyze(input);
    }

    describe("GetAnalyzerInfo", () => {
        it("names the pack and its version from package.json", () => {
            const pkg = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
            assert.strictEqual(info.name, "snapshot-guard");
            assert.strictEqual(info.version, pkg.version);
            assert.strictEqual(info.supportsConfig, true);
        });

        it("lists exactly the rules in allRules, and their former ids", () => {
            const former = allRules.flatMap((rule) => rule.aliases ?? []);
            assert.deepStrictEqual(info.policies.map((policy) => policy.name).sort(), [...allRules.map((rule) => rule.id), ...former].sort());
        });

        for (const rule of allRules) {
            it(`carries the metadata of ${rule.id}`, () => {
                const policy = info.policies.find((candidate) => candidate.name === rule.id);
                assert.ok(policy, `${rule.id} is not served`);
                assert.strictEqual(policy.description, rule.title);
                assert.strictEqual(policy.enforcementLevel, rule.defaultLevel);
                assert.strictEqual(policy.severity, rule.severity);
                assert.strictEqual(policy.remediationSteps, rule.remediation);
                assert.strictEqual(policy.url, rule.docsUrl);
                assert.ok(policy.remediationSteps.length > 0 && /^https:\/\//.test(policy.url), `${rule.id} needs remediation and an https URL`);
                assert.strictEqual(policy.policyType, isStackRule(rule) ? "stack" : "resource");
                assert.ok(policy.tags.includes(rule.cloud) && policy.tags.includes(rule.category), `tags: ${policy.tags}`);
                assert.ok(policy.configSchema, `${rule.id} has no config schema`);
                const exemptions = policy.configSchema.properties.exemptions as { type?: string; default?: unknown };
                assert.strictEqual(exemptions?.type, "array", `exemptions schema: ${show(policy.configSchema)}`);
                assert.deepStrictEqual(exemptions.default, []);
                for (const knob of rule.config) {
                    assert.ok(knob in policy.configSchema.properties, `${rule.id} schema lacks ${knob}`);
                }
            });
        }
    });

    describe("Configure", () => {
        it("fills schema defaults and default levels like the Pulumi CLI", async () => {
            const { config, ignored } = await analyzer().configure({ "not-a-policy": "advisory" });
            assert.deepStrictEqual(ignored, ["not-a-policy"]);
            for (const rule of allRules) {
                assert.strictEqual(config[rule.id].enforcementLevel, rule.defaultLevel);
                assert.deepStrictEqual(config[rule.id].properties.exemptions, []);
            }
        });
    });

    describe("Analyze", () => {
        it("reports an unencrypted EBS volume as mandatory, naming the path", async () => {
            const result = await analyzeWith({}, resource(VOLUME, "data", { availabilityZone: "eu-west-1a", size: 8, encrypted: false }));
            const diagnostics = of(result, RULE);
            assert.strictEqual(diagnostics.length, 1, show(result));
            const [diagnostic] = diagnostics;
            assert.strictEqual(diagnostic.enforcementLevel, "mandatory");
            assert.strictEqual(diagnostic.severity, "high");
            assert.strictEqual(diagnostic.policyPackName, "snapshot-guard");
            assert.match(diagnostic.message, / at encrypted;/);
            assert.strictEqual(reasonOf(result, RULE), undefined);
        });

        it("passes an encrypted EBS volume", async () => {
            const result = await analyzeWith({}, resource(VOLUME, "data", { encrypted: true }));
            assert.deepStrictEqual(of(result, RULE), []);
        });

        it("says which types a rule applies to for other types", async () => {
            const result = await analyzeWith({}, resource("aws:s3/bucket:Bucket", "logs", { bucket: "logs" }));
            assert.deepStrictEqual(of(result, RULE), []);
            assert.match(reasonOf(result, RULE) ?? "", /resource type not checked by this rule/);
        });

        it("reports each unencrypted device of an instance", async () => {
            const result = await analyzeWith({}, resource(INSTANCE, "web", {
                ami: "ami-1", instanceType: "t3.micro",
                rootBlockDevice: { encrypted: true },
                ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", encrypted: false }],
            }));
            const messages = of(result, RULE).map((diagnostic) => diagnostic.message);
            assert.strictEqual(messages.length, 1, show(result));
            assert.match(messages[0], / at ebsBlockDevices\[1\]\.encrypted;/);
        });
    });

    describe("a public AMI launch permission", () => {
        const AMI_RULE = "aws-images-not-public";
        const permission = resource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "golden-image-public", { imageId: "ami-12345678", group: "all" });

        it("is reported as mandatory, naming group", async () => {
            const diagnostics = of(await analyzeWith({}, permission), AMI_RULE);
            assert.deepStrictEqual(diagnostics.map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"]);
            assert.match(diagnostics[0].message, / at group; /);
        });

        it("is not reported under an exemption in the config", async () => {
            const result = await analyzeWith({
                [AMI_RULE]: { exemptions: [{ resource: "golden-image-*", reason: "public marketplace image, approved SEC-7", expires: "2999-12-31" }] },
            }, permission);
            assert.deepStrictEqual(of(result, AMI_RULE), [], show(result));
            assert.match(reasonOf(result, AMI_RULE) ?? "", /exempted by policy config until 2999-12-31: public marketplace image/);
        });

        it("is reported again once the exemption expired, and the message says so", async () => {
            const result = await analyzeWith({
                [AMI_RULE]: { exemptions: [{ resource: permission.urn, reason: "public marketplace image, approved SEC-7", expires: "2020-01-01" }] },
            }, permission);
            const diagnostics = of(result, AMI_RULE);
            assert.deepStrictEqual(diagnostics.map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"], show(result));
            assert.match(diagnostics[0].message, /expired on 2020-01-01/);
        });
    });

    describe("an unknown kmsKeyId", () => {
        it("produces neither a violation nor a preview advisory", async () => {
            const result = await analyzeWith({}, resource(VOLUME, "data", { encrypted: true, kmsKeyId: UNKNOWN, finalSnapshot: true }));
            assert.deepStrictEqual(result.diagnostics, [], show(result));
            assert.strictEqual(reasonOf(result, RULE), undefined);
        });
    });

    describe("exemptions through config", () => {
        const volume = resource(VOLUME, "legacy-data", { encrypted: false });

        it("an active exemption (name glob) suppresses the violation with the reason", async () => {
            const result = await analyzeWith({
                [RULE]: { exemptions: [{ resource: "legacy-*", reason: "migrating in TICKET-42", expires: "2999-12-31" }] },
            }, volume);
            assert.deepStrictEqual(of(result, RULE), [], show(result));
            assert.match(reasonOf(result, RULE) ?? "", /exempted/);
            assert.match(reasonOf(result, RULE) ?? "", /TICKET-42/);
        });

        it("an exemption by URN works too", async () => {
            const result = await analyzeWith({
                [RULE]: { exemptions: [{ resource: volume.urn, reason: "vendor appliance" }] },
            }, volume);
            assert.deepStrictEqual(of(result, RULE), [], show(result));
            assert.match(reasonOf(result, RULE) ?? "", /exempted/);
        });

        it("an exemption for another resource does not apply", async () => {
            const result = await analyzeWith({
                [RULE]: { exemptions: [{ resource: "other-*", reason: "not this one" }] },
            }, volume);
            assert.strictEqual(of(result, RULE).length, 1, show(result));
        });

        it("an expired exemption reports again and says it expired", async () => {
            const result = await analyzeWith({
                [RULE]: { exemptions: [{ resource: "legacy-*", reason: "migrating in TICKET-42", expires: "2020-01-01" }] },
            }, volume);
            const diagnostics = of(result, RULE);
            assert.strictEqual(diagnostics.length, 1, show(result));
            assert.strictEqual(diagnostics[0].enforcementLevel, "mandatory");
            assert.match(diagnostics[0].message, /expired/);
            assert.match(diagnostics[0].message, /2020-01-01/);
            assert.strictEqual(reasonOf(result, RULE), undefined);
        });
    });

    describe("enforcement levels through config", () => {
        const volume = resource(VOLUME, "data", { encrypted: false });

        it("\"advisory\" makes the violation advisory", async () => {
            const result = await analyzeWith({ [RULE]: "advisory" }, volume);
            assert.deepStrictEqual(of(result, RULE).map((diagnostic) => diagnostic.enforcementLevel), ["advisory"]);
        });

        it("an object with enforcementLevel and properties works the same", async () => {
            const result = await analyzeWith({ [RULE]: { enforcementLevel: "advisory", exemptions: [] } }, volume);
            assert.deepStrictEqual(of(result, RULE).map((diagnostic) => diagnostic.enforcementLevel), ["advisory"]);
        });

        it("\"all\" sets every policy's level", async () => {
            const result = await analyzeWith({ all: "advisory" }, volume);
            assert.deepStrictEqual(of(result, RULE).map((diagnostic) => diagnostic.enforcementLevel), ["advisory"]);
        });

        it("\"disabled\" silences the rule", async () => {
            const result = await analyzeWith({ [RULE]: "disabled" }, volume);
            assert.deepStrictEqual(of(result, RULE), []);
            assert.strictEqual(reasonOf(result, RULE), undefined);
        });

        it("configuring again restores the default level", async () => {
            const result = await analyzeWith({}, volume);
            assert.deepStrictEqual(of(result, RULE).map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"]);
        });
    });

    describe("unknown values during preview", () => {
        it("an unknown `encrypted` defers: no violation, no preview warning, a not-applicable reason", async () => {
            const result = await analyzeWith({}, resource(VOLUME, "data", { encrypted: UNKNOWN, size: 8 }));
            assert.deepStrictEqual(of(result, RULE), [], show(result));
            assertNoPreviewFallback(result);
            const reason = reasonOf(result, RULE) ?? "";
            assert.match(reason, /deferred/);
            assert.match(reason, /encrypted/);
            assert.match(reason, /unknown during preview/);
        });

        // Every sentinel, in every field every rule might read, on every type any rule targets.
        const types = [...new Set(allRules.flatMap((rule) => ruleTypes(rule)))];
        for (const type of types) {
            it(`no policy falls back to "can't run during preview" on ${type}`, async () => {
                await analyzer().configure({});
                for (const sentinel of UNKNOWN_SENTINELS) {
                    const result = await analyzer().analyze(resource(type, "pending", {
                        encrypted: sentinel, kmsKeyId: sentinel, rootBlockDevice: sentinel, ebsBlockDevices: sentinel,
                        blockDeviceMappings: sentinel, tags: sentinel, name: sentinel,
                    }));
                    assertNoPreviewFallback(result);
                    const nested = await analyzer().analyze(resource(type, "pending", {
                        rootBlockDevice: { encrypted: sentinel }, ebsBlockDevices: [sentinel, { encrypted: sentinel }],
                        blockDeviceMappings: [{ ebs: sentinel }, { ebs: { encrypted: sentinel } }],
                    }));
                    assertNoPreviewFallback(nested);
                }
            });
        }
    });

    describe("secrets", () => {
        const marker = "SECRET-MARKER-7f3a";

        function secretsEverywhere(extra: Record<string, unknown>): Record<string, unknown> {
            return {
                kmsKeyId: secret(`${marker}-kms`),
                tags: { Name: secret(`${marker}-tag`), team: "storage" },
                name: secret(`${marker}-name`),
                description: secret(`${marker}-description`),
                ...extra,
            };
        }

        it("never appear in messages or reasons, even in fields the rule reads", async () => {
            await analyzer().configure({
                [RULE]: { exemptions: [{ resource: "exempt-*", reason: "reason text is not secret" }] },
            });
            const inputs = [
                resource(VOLUME, "vol", secretsEverywhere({ encrypted: secret(false) })),
                resource(VOLUME, "vol-omitted", secretsEverywhere({ size: secret(8) })),
                resource(VOLUME, "exempt-vol", secretsEverywhere({ encrypted: secret(false) })),
                resource(INSTANCE, "web", secretsEverywhere({
                    rootBlockDevice: secret({ encrypted: false, kmsKeyId: `${marker}-root-kms` }),
                    ebsBlockDevices: [{ deviceName: secret(`${marker}-dev`), encrypted: secret(false), kmsKeyId: secret(`${marker}-dev-kms`) }],
                })),
                resource(LAUNCH_TEMPLATE, "lt", secretsEverywhere({
                    blockDeviceMappings: [{ deviceName: secret(`${marker}-lt-dev`), ebs: { encrypted: secret("false"), kmsKeyId: secret(`${marker}-lt-kms`) } }],
                })),
                // Every other targeted type, with secrets in common fields.
                ...[...new Set(allRules.flatMap((rule) => ruleTypes(rule)))].map((type) =>
                    resource(type, "any", secretsEverywhere({ encrypted: secret(false) }))),
            ];
            let violations = 0;
            for (const input of inputs) {
                const result = await analyzer().analyze(input);
                violations += of(result, RULE).length;
                const text = [
                    ...result.diagnostics.flatMap((diagnostic) => [diagnostic.message, diagnostic.description]),
                    ...result.notApplicable.map((entry) => entry.reason),
                ].join("\n");
                assert.ok(!text.includes(marker), `secret leaked for ${input.type} ${input.name}: ${text}`);
            }
            // The rule did see the unwrapped values: the secret `false`s are violations.
            assert.ok(violations >= 5, `expected the secret-wrapped values to be judged, got ${violations} violations`);
        });
    });

    describe("invalid config", () => {
        // The engine validates types against each rule's schema but cannot refuse unknown keys; the
        // pack refuses every invalid config in Configure, so the engine stops before the program runs.
        const refused: [string, Record<string, unknown>, RegExp][] = [
            ["an unknown key", { minRetentionDays: 14 }, /"aws-volumes-encrypted\.minRetentionDays" is not a setting of this rule/],
            ["an exemption without a reason", { exemptions: [{ resource: "data" }] }, /exemptions\[0\]\.reason/],
            ["an exemption with a malformed date", { exemptions: [{ resource: "data", reason: "r", expires: "31/12/2999" }] }, /exemptions\[0\]\.expires/],
        ];
        for (const [situation, settings, names] of refused) {
            it(`${situation} fails Configure with one message naming the key`, async () => {
                await assert.rejects(analyzer().configure({ [RULE]: settings }),
                    (error: Error) => /invalid policy config: /.test(error.message) && names.test(error.message));
            });
        }

        it("the pack still judges with its last valid config after a refused one", async () => {
            const result = await analyzeWith({}, resource(VOLUME, "data", { encrypted: false }));
            assert.strictEqual(of(result, RULE).length, 1, show(result));
        });

        it("an invalid level is refused by the client before Configure", async () => {
            await assert.rejects(analyzer().configure({ [RULE]: "strict" as never }), /invalid enforcement level "strict"/);
        });
    });

    describe("AnalyzeStack", () => {
        const stackRules = allRules.filter((rule: Rule) => isStackRule(rule));
        const vpcUrn = urnFor("aws:ec2/vpc:Vpc", "main");
        const stack: StackResourceInput[] = [
            { ...resource("pulumi:pulumi:Stack", "demo-dev", {}) },
            { ...resource("aws:ec2/vpc:Vpc", "main", { cidrBlock: "10.0.0.0/16" }), parent: urnFor("pulumi:pulumi:Stack", "demo-dev") },
            {
                ...resource(VOLUME, "data", { encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k", size: 8, tags: { "retention-days": "30" } }),
                dependencies: [vpcUrn],
                propertyDependencies: { availabilityZone: [vpcUrn] },
            },
            {
                ...resource(INSTANCE, "web", { ami: "ami-1", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [] }),
                dependencies: [urnFor(VOLUME, "data"), vpcUrn],
            },
        ];

        it("answers over gRPC without error", async () => {
            await analyzer().configure({});
            const result = await analyzer().analyzeStack(stack);
            assert.ok(Array.isArray(result.diagnostics) && Array.isArray(result.notApplicable));
            assertNoPreviewFallback(result);
            // Resource policies do not run in AnalyzeStack.
            assert.deepStrictEqual(of(result, RULE), []);
            if (stackRules.length === 0) {
                assert.deepStrictEqual(result.diagnostics, [], show(result));
            }
        });

        it("answers with unknown outputs without a preview fallback", async () => {
            await analyzer().configure({});
            const pending = stack.map((entry) => ({
                ...entry,
                properties: Object.fromEntries(Object.keys(entry.properties ?? {}).map((key) => [key, UNKNOWN])),
            }));
            const result = await analyzer().analyzeStack(pending);
            assertNoPreviewFallback(result);
        });

        it("answers for an empty stack", async () => {
            const result = await analyzer().analyzeStack([]);
            assert.deepStrictEqual(result.diagnostics, []);
        });
    });

    describe("Remediate", () => {
        it("returns no remediations and no error for a normal resource", async () => {
            await analyzer().configure({});
            const result = await analyzer().remediate(resource(VOLUME, "data", { encrypted: false, size: 8 }));
            assert.deepStrictEqual(result.remediations, []);
        });
    });

    describe("versioned azure-native tokens", () => {
        const azureTargets = allRules
            .filter((rule) => rule.cloud === "azure" && !isStackRule(rule))
            .flatMap((rule) => ruleTypes(rule).filter((type) => /^azure-native:[^:/]+:/.test(type)).map((type) => ({ rule, type })));

        it("are judged like the default token", async function () {
            if (azureTargets.length === 0) {
                this.skip();
            }
            await analyzer().configure({});
            for (const { rule, type } of azureTargets) {
                const versioned = type.replace(/^(azure-native:[^:]+):/, "$1/v20240302:");
                const plain = await analyzer().analyze(resource(type, "disk", {}));
                const pinned = await analyzer().analyze({ ...resource(versioned, "disk", {}), urn: urnFor(type, "disk") });
                assert.doesNotMatch(reasonOf(pinned, rule.id) ?? "", /resource type not checked/, `${versioned} is not recognised`);
                assert.deepStrictEqual(
                    of(pinned, rule.id).map((diagnostic) => [diagnostic.message, diagnostic.enforcementLevel]),
                    of(plain, rule.id).map((diagnostic) => [diagnostic.message, diagnostic.enforcementLevel]),
                    `${versioned} is judged differently from ${type}`);
                assert.strictEqual(reasonOf(pinned, rule.id), reasonOf(plain, rule.id));
            }
        });
    });
});
