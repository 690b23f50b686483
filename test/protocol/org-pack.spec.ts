// examples/org-pack: an organisation's own pack that embeds a selection of our rules through the
// library entry. It is type-checked against the published declarations (bin/rules.d.ts, resolved
// through package.json the way an installed package is), compiled, started the way the Pulumi CLI
// starts a pack and spoken to over the Analyzer protocol.
import * as assert from "assert";
import * as fs from "fs";
import { AnalyzerClient, type AnalyzerInfo } from "../../cli/analyzer-client";
import { allRules } from "../../policies";
import { of, resource, show } from "./pack";
import { installOrgPack as installExample } from "./org-pack-install";

describe("protocol: an organisation pack embedding our rules (examples/org-pack)", function () {
    let dir: string;
    let client: AnalyzerClient | undefined;
    let info: AnalyzerInfo;

    before(async function () {
        this.timeout(120_000);
        dir = installExample();
        client = await AnalyzerClient.start({ packDir: dir, startTimeoutMs: 45_000 });
        info = await client.getAnalyzerInfo();
    });

    after(async function () {
        this.timeout(15_000);
        await client?.close();
        if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it("is the organisation's pack, with its own policy and exactly the selected rules", () => {
        assert.strictEqual(info.name, "acme-policies");
        const selected = allRules.filter((rule) => rule.cloud === "aws" && ["exposure", "encryption"].includes(rule.category)).map((rule) => rule.id);
        assert.ok(selected.length > 3);
        assert.deepStrictEqual(info.policies.map((policy) => policy.name).sort(), ["acme-volumes-have-owner", ...selected].sort());
    });

    it("carries the levels and knob defaults the organisation chose", () => {
        assert.strictEqual(info.policies.find((policy) => policy.name === "aws-customer-managed-keys")?.enforcementLevel, "disabled");
        const schema = info.policies.find((policy) => policy.name === "aws-images-not-public")?.configSchema?.properties.trustedAccountIds as { default: unknown };
        assert.deepStrictEqual(schema.default, ["111122223333"]);
    });

    it("judges a resource with its own policy and ours side by side", async () => {
        await client!.configure({});
        const result = await client!.analyze(resource("aws:ebs/volume:Volume", "data", { size: 10 }));
        assert.strictEqual(of(result, "acme-volumes-have-owner").length, 1, show(result));
        assert.deepStrictEqual(of(result, "aws-volumes-encrypted").map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"], show(result));
        assert.deepStrictEqual(of(result, "aws-customer-managed-keys"), []);
    });

    it("applies the knob default: the trusted account passes, another does not", async () => {
        await client!.configure({});
        const permission = (accountId: string) => resource("aws:ec2/amiLaunchPermission:AmiLaunchPermission", `share-${accountId}`, { imageId: "ami-1", accountId });
        assert.deepStrictEqual(of(await client!.analyze(permission("111122223333")), "aws-images-not-public"), []);
        assert.strictEqual(of(await client!.analyze(permission("999999999999")), "aws-images-not-public").length, 1);
    });

    it("takes policy config keyed by our rule ids, exemptions included", async () => {
        await client!.configure({
            "aws-volumes-encrypted": { enforcementLevel: "advisory", exemptions: [{ resource: "scratch", reason: "throw-away volume" }] },
        });
        assert.deepStrictEqual(of(await client!.analyze(resource("aws:ebs/volume:Volume", "scratch", { tags: { owner: "a" } })), "aws-volumes-encrypted"), []);
        const other = await client!.analyze(resource("aws:ebs/volume:Volume", "data", { tags: { owner: "a" } }));
        assert.deepStrictEqual(of(other, "aws-volumes-encrypted").map((diagnostic) => diagnostic.enforcementLevel), ["advisory"]);
    });
});
