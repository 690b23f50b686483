// A renamed rule's former id keeps working through the protocol, as the Pulumi CLI sends config:
// the pack declares the former id as a policy (so the engine validates and forwards its config)
// and judges under the current id with that config.
import * as assert from "assert";
import { of, resource, show, useCompiledPack } from "./pack";

const FORMER = "aws-backup-vault-locked";
const CURRENT = "aws-backup-recovery-points-protected";
const VAULT = "aws:backup/vault:Vault";

describe("protocol: former rule ids in policy config", function () {
    const client = useCompiledPack();

    it("declares the former id as a policy that names the current id", async () => {
        const info = await client().getAnalyzerInfo();
        const former = info.policies.find((policy) => policy.name === FORMER);
        assert.ok(former, "the former id is not declared");
        assert.match(former.description, new RegExp(CURRENT));
        assert.deepStrictEqual(Object.keys(former.configSchema?.properties ?? {}).sort(), Object.keys(info.policies.find((policy) => policy.name === CURRENT)!.configSchema!.properties).sort());
    });

    it("applies the level and exemptions written under the former id to the current id", async () => {
        await client().configure({
            [FORMER]: { enforcementLevel: "mandatory", exemptions: [{ resource: "legacy-vault", reason: "replaced in OPS-1", expires: "2999-12-31" }] },
        });
        const flagged = await client().analyze(resource(VAULT, "new-vault", { forceDestroy: true }));
        assert.deepStrictEqual(of(flagged, CURRENT).map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"], show(flagged));
        assert.deepStrictEqual(of(flagged, FORMER), [], "the former id must not judge by itself");
        const exempted = await client().analyze(resource(VAULT, "legacy-vault", { forceDestroy: true }));
        assert.deepStrictEqual(of(exempted, CURRENT), [], show(exempted));
    });

    it("refuses a misspelt knob in Configure, naming rule and key (the engine's schema lets it through)", async () => {
        await assert.rejects(client().configure({ "aws-db-backups-retained": { minRetentionDay: 14 } as Record<string, unknown> }),
            (error: Error) => /invalid policy config: "aws-db-backups-retained\.minRetentionDay" is not a setting of this rule/.test(error.message));
        await assert.rejects(client().configure({ [FORMER]: { forceDestroyAllowed: true } as Record<string, unknown> }),
            (error: Error) => new RegExp(`"${CURRENT}\\.forceDestroyAllowed" is not a setting`).test(error.message));
        await client().configure({ "aws-db-backups-retained": { minRetentionDays: 14 } });
    });

    it("changes nothing when only the current id is configured", async () => {
        await client().configure({ [CURRENT]: "disabled" });
        const result = await client().analyze(resource(VAULT, "new-vault", { forceDestroy: true }));
        assert.deepStrictEqual(of(result, CURRENT), [], show(result));
    });
});
