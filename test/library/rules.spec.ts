// The library entry (snapshot-guard/rules): selection, overrides, errors, and no side effects.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { allRules } from "../../policies";
import { selectRules, snapshotGuardPolicies } from "../../rules";
import { repoRoot } from "../harness";

describe("library: snapshot-guard/rules", () => {
    it("returns every rule as a policy named by its id when called without options", () => {
        assert.deepStrictEqual(snapshotGuardPolicies().map((policy) => policy.name), allRules.map((rule) => rule.id));
    });

    it("selects by id (former ids too), cloud, category and severity together", () => {
        assert.deepStrictEqual(snapshotGuardPolicies({ ids: ["aws-volumes-encrypted", "aws-backup-vault-locked"] }).map((policy) => policy.name),
            ["aws-volumes-encrypted", "aws-backup-recovery-points-protected"]);
        const picked = selectRules({ clouds: ["gcp"], categories: ["exposure"], severities: ["critical", "high"] });
        assert.ok(picked.length > 0);
        assert.deepStrictEqual(picked.map((rule) => rule.id),
            allRules.filter((rule) => rule.cloud === "gcp" && rule.category === "exposure" && ["critical", "high"].includes(rule.severity)).map((rule) => rule.id));
    });

    it("overrides levels for all and per rule; remediate stays with rules that can fix", () => {
        const policies = snapshotGuardPolicies({ clouds: ["azure"], enforcementLevel: "remediate", levels: { "azure-encryption-at-host": "disabled" } });
        const level = (name: string) => policies.find((policy) => policy.name === name)?.enforcementLevel;
        assert.strictEqual(level("azure-disks-not-exportable"), "remediate");
        assert.strictEqual(level("azure-galleries-not-public"), "mandatory");
        assert.strictEqual(level("azure-encryption-at-host"), "disabled");
    });

    it("uses knob overrides as defaults in the schema and in evaluation", () => {
        const [policy] = snapshotGuardPolicies({ ids: ["aws-images-not-public"], knobs: { trustedAccountIds: ["111122223333"] } });
        assert.deepStrictEqual((policy.configSchema?.properties?.trustedAccountIds as { default: unknown }).default, ["111122223333"]);
    });

    it("rejects unknown ids, levels and knobs with an error naming them", () => {
        assert.throws(() => snapshotGuardPolicies({ ids: ["aws-nope"] }), /"aws-nope" is not a snapshot-guard rule id/);
        assert.throws(() => snapshotGuardPolicies({ levels: { "aws-databases-encrypted": "remediate" } }), /has no safe fix/);
        assert.throws(() => snapshotGuardPolicies({ knobs: { trustedAccountIds: ["12"] } }), /knobs\.trustedAccountIds\[0\]/);
        assert.throws(() => snapshotGuardPolicies({ knobs: { bogus: 1 } as never }), /knobs\.bogus is not a knob/);
    });

    it("has no side effects on import: no output, no server, nothing patched", () => {
        // A pack that is served keeps the process alive (the timeout would fail this test).
        const script = `require(${JSON.stringify(path.join(repoRoot, "bin", "rules.js"))});` +
            "const patched = require('@pulumi/policy/deserialize').deserializeProperties[Symbol.for('snapshot-guard.sharedDeserialize')]" +
            " || require('@pulumi/pulumi/proto/analyzer_grpc_pb').AnalyzerService.configure.requestDeserialize[Symbol.for('snapshot-guard.formerIds')];" +
            "process.stderr.write(String(Boolean(patched)));";
        const run = spawnSync(process.execPath, ["-e", script], { cwd: repoRoot, encoding: "utf8", timeout: 30_000 });
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(run.stdout, "");
        assert.strictEqual(run.stderr, "false");
    });
});
