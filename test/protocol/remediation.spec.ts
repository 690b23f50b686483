// Protocol: Remediate over real gRPC against the compiled pack. With a rule at `remediate`, the
// pack returns the corrected properties (secrets still secret, unknowns still unknown) and an
// Analyze of them reports nothing for that rule; at `mandatory` Remediate changes nothing.

import * as assert from "assert";
import { secret, UNKNOWN, type PolicyPackConfig } from "../../cli/analyzer-client";
import { useCompiledPack } from "./pack";
import { expiryDate } from "../../core/expiry";
import { canRemediate, type ResourceRule } from "../../core/rule";
import { normaliseTypeToken } from "../../core/values";
import { allRules } from "../../policies";
import { urnFor } from "../harness";

interface Case {
    rule: string;
    type: string;
    /** Violating inputs; every case also carries a secret and an unknown no fix owns. */
    props: Record<string, unknown>;
    fixed: Record<string, unknown>;
    config?: Record<string, unknown>;
}

const foreign = { sgSecret: secret("keep-me-secret"), sgUnknown: UNKNOWN, sgNested: { inner: secret("nested"), later: UNKNOWN } };
const iamPolicy = (bindings: unknown) => JSON.stringify({ bindings });

const cases: Case[] = [
    { rule: "azure-disks-not-exportable", type: "azure-native:compute:Disk",
        props: { resourceGroupName: "rg", creationData: { createOption: "Empty" }, networkAccessPolicy: "AllowAll" },
        fixed: { resourceGroupName: "rg", creationData: { createOption: "Empty" }, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
    { rule: "azure-disks-not-exportable", type: "azure-native:compute:Snapshot",
        props: { resourceGroupName: "rg", creationData: { createOption: "Copy" } },
        fixed: { resourceGroupName: "rg", creationData: { createOption: "Copy" }, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
    { rule: "azure-disks-not-exportable", type: "azure-native:compute/v20240302:Disk",
        props: { resourceGroupName: "rg", networkAccessPolicy: "AllowPrivate" },
        fixed: { resourceGroupName: "rg", networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
    // Classic azure: azurerm's boolean `publicNetworkAccessEnabled` (omitted means true).
    ...["azure:compute/managedDisk:ManagedDisk", "azure:compute/snapshot:Snapshot"].map((type) => ({
        rule: "azure-disks-not-exportable", type,
        props: { resourceGroupName: "rg", createOption: "Empty", networkAccessPolicy: "AllowAll" },
        fixed: { resourceGroupName: "rg", createOption: "Empty", networkAccessPolicy: "DenyAll", publicNetworkAccessEnabled: false },
    })),
    { rule: "aws-snapshot-block-all-sharing", type: "aws-native:ec2:SnapshotBlockPublicAccess",
        props: { state: "block-new-sharing" }, fixed: { state: "block-all-sharing" } },
    { rule: "aws-images-not-public", type: "aws-native:imagebuilder:DistributionConfiguration",
        props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermissionConfiguration: { userGroups: ["all"] } } }] },
        fixed: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermissionConfiguration: { userGroups: [] } } }] } },
    { rule: "aws-snapshot-block-public-access", type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        props: { state: "unblocked" }, fixed: { state: "block-all-sharing" } },
    { rule: "aws-snapshot-block-all-sharing", type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
        props: { state: "block-new-sharing" }, fixed: { state: "block-all-sharing" } },
    { rule: "aws-images-not-public", type: "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess",
        props: { state: "unblocked" }, fixed: { state: "block-new-sharing" } },
    { rule: "aws-images-not-public", type: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration",
        props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermission: { userGroups: ["all"] } } }] },
        fixed: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermission: { userGroups: [] } } }] } },
    { rule: "aws-volumes-encrypted", type: "aws:ebs/encryptionByDefault:EncryptionByDefault",
        props: { enabled: false }, fixed: { enabled: true } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/launchTemplate:LaunchTemplate",
        props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, kmsKeyId: secret("key") } }] },
        fixed: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, kmsKeyId: secret("key"), encrypted: "true" } }] } },
    ...["aws:rds/snapshot:Snapshot", "aws:rds/snapshotCopy:SnapshotCopy", "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy"].map((type) => ({
        rule: "aws-snapshots-not-public", type, config: { trustedAccountIds: ["111122223333"] },
        props: { sharedAccounts: ["all", "111122223333", "999988887777"] }, fixed: { sharedAccounts: ["111122223333"] },
    })),
    { rule: "gcp-iam-not-public", type: "gcp:compute/imageIamBinding:ImageIamBinding",
        props: { image: "img", role: "roles/compute.imageUser", members: ["allUsers", "group:admins@example.com"] },
        fixed: { image: "img", role: "roles/compute.imageUser", members: ["group:admins@example.com"] } },
    { rule: "gcp-iam-not-public", type: "gcp:compute/snapshotIamPolicy:SnapshotIamPolicy",
        props: { name: "snap", policyData: iamPolicy([{ role: "roles/compute.viewer", members: ["allAuthenticatedUsers"] }, { role: "roles/compute.admin", members: ["user:alice@example.com", "allUsers"] }]) },
        fixed: { name: "snap", policyData: iamPolicy([{ role: "roles/compute.admin", members: ["user:alice@example.com"] }]) } },
    // The pack runs on the real clock: the added expiry is today (UTC) + 30 days.
    ...[
        ["aws-snapshots-expire", "tags", ["aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy", "aws:rds/snapshot:Snapshot", "aws:rds/snapshotCopy:SnapshotCopy",
            "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "aws:redshift/clusterSnapshot:ClusterSnapshot"]],
        ["azure-snapshots-expire", "tags", ["azure-native:compute:Snapshot", "azure-native:compute:Image", "azure:compute/snapshot:Snapshot", "azure:compute/image:Image"]],
        ["gcp-snapshots-expire", "labels", ["gcp:compute/snapshot:Snapshot", "gcp:compute/image:Image"]],
    ].flatMap(([rule, container, types]) => (types as string[]).map((type) => ({
        rule: rule as string, type,
        props: { [container as string]: { team: "payments" } },
        fixed: { [container as string]: { team: "payments", "expires-on": expiryDate(new Date(), 30) } },
    }))),
    ...["aws:ec2/ami:Ami", "aws:ec2/amiCopy:AmiCopy", "aws:ec2/amiFromInstance:AmiFromInstance"].map((type) => ({
        rule: "aws-images-expire", type, props: { name: "golden" }, fixed: { name: "golden", deprecationTime: `${expiryDate(new Date(), 30)}T00:00:00Z` },
    })),
    { rule: "aws-backup-retention-bounded", type: "aws:backup/plan:Plan",
        props: { name: "p", rules: [{ ruleName: "daily", targetVaultName: "vault", copyActions: [{ destinationVaultArn: "arn" }] }] },
        fixed: { name: "p", rules: [{ ruleName: "daily", targetVaultName: "vault", copyActions: [{ destinationVaultArn: "arn", lifecycle: { deleteAfter: 30 } }], lifecycle: { deleteAfter: 30 } }] } },
    ...["aws-native:rds:DbSnapshot", "aws-native:rds:ClusterSnapshot"].map((type) => ({
        rule: "aws-snapshots-expire", type,
        props: { tags: [{ key: "team", value: "data" }] },
        fixed: { tags: [{ key: "team", value: "data" }, { key: "expires-on", value: expiryDate(new Date(), 30) }] },
    })),
    { rule: "aws-backup-retention-bounded", type: "aws-native:backup:BackupPlan",
        props: { backupPlan: { backupPlanName: "p", backupPlanRule: [{ ruleName: "daily", targetBackupVault: "vault", copyActions: [{ destinationBackupVaultArn: "arn" }] }] } },
        fixed: { backupPlan: { backupPlanName: "p", backupPlanRule: [{ ruleName: "daily", targetBackupVault: "vault", copyActions: [{ destinationBackupVaultArn: "arn", lifecycle: { deleteAfterDays: 30 } }], lifecycle: { deleteAfterDays: 30 } }] } } },
];

describe("protocol: Remediate", function () {
    const analyzer = useCompiledPack();

    function input(type: string, properties: Record<string, unknown>) {
        // URNs carry the unversioned token, as the engine forms them for versioned azure-native types.
        return { type, name: "subject", urn: urnFor(normaliseTypeToken(type), "subject"), properties };
    }

    for (const entry of cases) {
        const label = `${entry.rule} on ${entry.type}`;
        const level = (enforcementLevel: "remediate" | "mandatory"): PolicyPackConfig => ({ [entry.rule]: { enforcementLevel, ...(entry.config ?? {}) } });

        it(`${label}: remediate returns the corrected properties and Analyze then passes`, async () => {
            await analyzer().configure(level("remediate"));
            const result = await analyzer().remediate(input(entry.type, { ...entry.props, ...foreign }));
            assert.deepStrictEqual(result.remediations.map((remediation) => remediation.policyName), [entry.rule], JSON.stringify(result));
            const [remediation] = result.remediations;
            assert.strictEqual(remediation.diagnostic, undefined);
            assert.deepStrictEqual(remediation.properties, { ...entry.fixed, ...foreign });

            const before = await analyzer().analyze(input(entry.type, { ...entry.props, ...foreign }));
            const reported = before.diagnostics.filter((diagnostic) => diagnostic.policyName === entry.rule);
            assert.ok(reported.length > 0, `the unfixed inputs must report ${entry.rule}`);
            assert.ok(reported.every((diagnostic) => diagnostic.enforcementLevel === "mandatory"), "remediate is reported as mandatory by the SDK");

            const after = await analyzer().analyze(input(entry.type, remediation.properties!));
            assert.deepStrictEqual(after.diagnostics.filter((diagnostic) => diagnostic.policyName === entry.rule), [], JSON.stringify(after));

            const again = await analyzer().remediate(input(entry.type, remediation.properties!));
            assert.deepStrictEqual(again.remediations, [], "a second Remediate changes nothing");
        });

        it(`${label}: at mandatory, Remediate returns nothing`, async () => {
            await analyzer().configure(level("mandatory"));
            const result = await analyzer().remediate(input(entry.type, { ...entry.props, ...foreign }));
            assert.deepStrictEqual(result.remediations, []);
        });
    }

    it("covers every rule and type that can remediate", () => {
        const covered = new Set(cases.map((entry) => `${entry.rule} ${entry.type}`));
        const missing = allRules.filter(canRemediate).flatMap((rule) => (rule as ResourceRule).targets
            .filter((target) => target.fix !== undefined)
            .map((target) => `${rule.id} ${target.type}`)
            .filter((key) => !covered.has(key) && !/gcp-iam-not-public gcp:compute\/(?!imageIamBinding|snapshotIamPolicy)/.test(key)));
        assert.deepStrictEqual(missing, []);
    });

    it("compliant inputs at remediate return no remediation", async () => {
        await analyzer().configure({ "azure-disks-not-exportable": "remediate" });
        const result = await analyzer().remediate(input("azure-native:compute:Disk", { networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" }));
        assert.deepStrictEqual(result.remediations, []);
    });
});
