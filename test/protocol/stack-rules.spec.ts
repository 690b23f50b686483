// Protocol tests for the cross-resource rules: whole stacks go through AnalyzeStack on the compiled
// pack, spawned the way the Pulumi CLI starts it, and each rule's verdicts are checked by URN and
// enforcement level. One row per rule and situation: a violating stack, a compliant stack, and a
// preview-time stack whose deciding reference is unknown.

import * as assert from "assert";
import { urnFor } from "../harness";
import { AnalyzerClient, UNKNOWN, type AnalyzeResult, type ProviderResource, type StackResourceInput } from "../../cli/analyzer-client";
import { startCompiledPack } from "./pack";
import { isStackRule } from "../../core/rule";
import { allRules } from "../../policies";

const euProvider: ProviderResource = { type: "pulumi:providers:aws", name: "eu", urn: urnFor("pulumi:providers:aws", "eu"), properties: { region: "eu-west-1" } };

function res(type: string, name: string, properties: Record<string, unknown>, extra: Partial<StackResourceInput> = {}): StackResourceInput {
    return { type, name, urn: urnFor(type, name), properties, ...extra };
}

/** A reference during preview: the value is unknown, the dependency names the source. */
function dependsOn(key: string, ...sources: StackResourceInput[]): Partial<StackResourceInput> {
    return { dependencies: sources.map((source) => source.urn), propertyDependencies: { [key]: sources.map((source) => source.urn) } };
}

const VOLUME = "aws:ebs/volume:Volume";
const plainVolume = res(VOLUME, "plain", { availabilityZone: "eu-west-1a", size: 8, encrypted: false, id: "vol-0plain", tags: { backup: "daily" } });
const sealedVolume = res(VOLUME, "sealed", { availabilityZone: "eu-west-1a", size: 8, encrypted: true, id: "vol-0sealed", tags: { backup: "daily" } });
const dlm = res("aws:dlm/lifecyclePolicy:LifecyclePolicy", "daily", { description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm", policyDetails: { resourceTypes: ["VOLUME", "INSTANCE"], targetTags: { backup: "daily" } } });
const cmekDisk = res("gcp:compute/disk:Disk", "data", { name: "data", zone: "europe-west1-b", diskEncryptionKey: { kmsKeySelfLink: "projects/p/locations/l/keyRings/r/cryptoKeys/k" } });
const azureDiskId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/data";
const azureDisk = res("azure-native:compute:Disk", "data", { id: azureDiskId, resourceGroupName: "rg", creationData: { createOption: "Empty" }, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: "/subscriptions/x/des" } });

const KEY = "aws:kms/key:Key";
const keyPolicy = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "kms:Decrypt", Resource: "*" }] });
/** An Image Builder image in a RAM share that one principal association hands to `principal`. */
function ramShare(allowExternalPrincipals: boolean, principal: unknown): StackResourceInput[] {
    const share = res("aws:ram/resourceShare:ResourceShare", "images", { name: "images", allowExternalPrincipals });
    const image = res("aws:imagebuilder/image:Image", "golden", { imageRecipeArn: "arn:aws:imagebuilder:eu-west-1:111122223333:image-recipe/golden/1.0.0" });
    return [
        share, image,
        res("aws:ram/resourceAssociation:ResourceAssociation", "golden-in-share", { resourceArn: UNKNOWN, resourceShareArn: UNKNOWN },
            { dependencies: [share.urn, image.urn], propertyDependencies: { resourceArn: [image.urn], resourceShareArn: [share.urn] } }),
        res("aws:ram/principalAssociation:PrincipalAssociation", "partner", { principal, resourceShareArn: UNKNOWN }, dependsOn("resourceShareArn", share)),
    ];
}

const nativeEuProvider: ProviderResource = { type: "pulumi:providers:aws-native", name: "neu", urn: urnFor("pulumi:providers:aws-native", "neu"), properties: { region: "eu-west-1" } };
const NVOLUME = "aws-native:ec2:Volume";
const classicDiskId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/classic";
const classicDisk = res("azure:compute/managedDisk:ManagedDisk", "classic", { id: classicDiskId, resourceGroupName: "rg", createOption: "Empty", storageAccountType: "Premium_LRS", diskEncryptionSetId: "/subscriptions/x/des" });

interface Row {
    rule: string;
    name: string;
    stack: StackResourceInput[];
    /** URNs the rule reports (in order); [] for a compliant stack. */
    reported?: string[];
    /** The rule defers (no diagnostic; not-applicable reason about unknown values). */
    defers?: boolean;
    /** The findings are about something the stack lacks: `<problem>; <fix>`, no property path. */
    noPath?: boolean;
}

const rows: Row[] = [
    // aws-snapshots-from-encrypted-sources (mandatory)
    { rule: "aws-snapshots-from-encrypted-sources", name: "EBS snapshot of an unencrypted volume, by id", stack: [plainVolume, res("aws:ebs/snapshot:Snapshot", "snap", { volumeId: "vol-0plain" })], reported: [urnFor("aws:ebs/snapshot:Snapshot", "snap")] },
    { rule: "aws-snapshots-from-encrypted-sources", name: "cluster snapshot of an unencrypted Aurora cluster, by dependency", stack: [
        res("aws:rds/cluster:Cluster", "aurora", { engine: "aurora-postgresql" }),
        res("aws:rds/clusterSnapshot:ClusterSnapshot", "csnap", { dbClusterIdentifier: UNKNOWN }, dependsOn("dbClusterIdentifier", res("aws:rds/cluster:Cluster", "aurora", {}))),
    ], reported: [urnFor("aws:rds/clusterSnapshot:ClusterSnapshot", "csnap")] },
    { rule: "aws-snapshots-from-encrypted-sources", name: "AMI from an instance with an unencrypted root", stack: [
        res("aws:ec2/instance:Instance", "web", { id: "i-1", ami: "ami-1", rootBlockDevice: { encrypted: false } }),
        res("aws:ec2/amiFromInstance:AmiFromInstance", "img", { sourceInstanceId: "i-1" }),
    ], reported: [urnFor("aws:ec2/amiFromInstance:AmiFromInstance", "img")] },
    { rule: "aws-snapshots-from-encrypted-sources", name: "snapshot of an encrypted volume", stack: [sealedVolume, res("aws:ebs/snapshot:Snapshot", "snap", { volumeId: "vol-0sealed" })], reported: [] },
    { rule: "aws-snapshots-from-encrypted-sources", name: "volume id unknown during preview", stack: [plainVolume, res("aws:ebs/snapshot:Snapshot", "snap", { volumeId: UNKNOWN })], defers: true },

    // gcp-project-iam-not-public (mandatory)
    { rule: "gcp-project-iam-not-public", name: "allAuthenticatedUsers granted roles/compute.imageUser on the project", stack: [res("gcp:projects/iAMMember:IAMMember", "public-images", { project: "p", role: "roles/compute.imageUser", member: "allAuthenticatedUsers" })], reported: [urnFor("gcp:projects/iAMMember:IAMMember", "public-images")] },
    { rule: "gcp-project-iam-not-public", name: "named group granted roles/compute.imageUser", stack: [res("gcp:projects/iAMBinding:IAMBinding", "builders", { project: "p", role: "roles/compute.imageUser", members: ["group:builders@example.com"] })], reported: [] },
    { rule: "gcp-project-iam-not-public", name: "custom role permissions unknown during preview", stack: [
        res("gcp:projects/iAMCustomRole:IAMCustomRole", "reader", { roleId: "reader", title: "r", permissions: UNKNOWN }),
        res("gcp:projects/iAMMember:IAMMember", "public", { project: "p", role: UNKNOWN, member: "allUsers" }, dependsOn("role", res("gcp:projects/iAMCustomRole:IAMCustomRole", "reader", {}))),
    ], defers: true },

    // aws-data-keys-not-shared (mandatory)
    { rule: "aws-data-keys-not-shared", name: "key of an encrypted volume open to every account", stack: [
        res(KEY, "disk-key", { policy: keyPolicy("*") }),
        res(VOLUME, "data", { encrypted: true, kmsKeyId: UNKNOWN }, dependsOn("kmsKeyId", res(KEY, "disk-key", {}))),
    ], reported: [urnFor(KEY, "disk-key")] },
    { rule: "aws-data-keys-not-shared", name: "key of an encrypted volume with the default key policy", stack: [
        res(KEY, "disk-key", { description: "d" }),
        res(VOLUME, "data", { encrypted: true, kmsKeyId: UNKNOWN }, dependsOn("kmsKeyId", res(KEY, "disk-key", {}))),
    ], reported: [] },
    { rule: "aws-data-keys-not-shared", name: "key policy unknown during preview", stack: [
        res(KEY, "disk-key", { policy: UNKNOWN }),
        res(VOLUME, "data", { encrypted: true, kmsKeyId: UNKNOWN }, dependsOn("kmsKeyId", res(KEY, "disk-key", {}))),
    ], defers: true },

    // aws-ram-image-shares-trusted (mandatory)
    { rule: "aws-ram-image-shares-trusted", name: "Image Builder image shared with an outside account", stack: ramShare(true, "999988887777"), reported: [urnFor("aws:ram/principalAssociation:PrincipalAssociation", "partner")] },
    { rule: "aws-ram-image-shares-trusted", name: "share kept inside the organization", stack: ramShare(false, "999988887777"), reported: [] },
    { rule: "aws-ram-image-shares-trusted", name: "principal unknown during preview", stack: ramShare(true, UNKNOWN), defers: true },

    // gcp-copies-keep-customer-keys (advisory)
    { rule: "gcp-copies-keep-customer-keys", name: "snapshot of a CMEK disk without a key", stack: [cmekDisk, res("gcp:compute/snapshot:Snapshot", "snap", { sourceDisk: UNKNOWN }, dependsOn("sourceDisk", cmekDisk))], reported: [urnFor("gcp:compute/snapshot:Snapshot", "snap")] },
    { rule: "gcp-copies-keep-customer-keys", name: "image of a CMEK disk with its own key", stack: [cmekDisk, res("gcp:compute/image:Image", "img", { sourceDisk: "data", imageEncryptionKey: { kmsKeySelfLink: "k" } })], reported: [] },
    { rule: "gcp-copies-keep-customer-keys", name: "machine image source unknown during preview", stack: [res("gcp:compute/machineImage:MachineImage", "mi", { sourceInstance: UNKNOWN })], defers: true },

    // azure-snapshots-keep-customer-keys (advisory)
    { rule: "azure-snapshots-keep-customer-keys", name: "snapshot of a CMK disk without a key (versioned token)", stack: [azureDisk, res("azure-native:compute/v20240302:Snapshot", "snap", { resourceGroupName: "rg", creationData: { createOption: "Copy", sourceResourceId: azureDiskId } })], reported: [urnFor("azure-native:compute/v20240302:Snapshot", "snap")] },
    { rule: "azure-snapshots-keep-customer-keys", name: "snapshot with its own disk encryption set", stack: [azureDisk, res("azure-native:compute:Snapshot", "snap", { creationData: { sourceResourceId: azureDiskId }, encryption: { diskEncryptionSetId: "/subscriptions/x/des" } })], reported: [] },
    { rule: "azure-snapshots-keep-customer-keys", name: "source unknown during preview", stack: [azureDisk, res("azure-native:compute:Snapshot", "snap", { creationData: { sourceResourceId: UNKNOWN } })], defers: true },

    // aws-storage-backed-up (advisory)
    { rule: "aws-storage-backed-up", name: "volume no policy selects, next to one a DLM tag selects", stack: [sealedVolume, res(VOLUME, "loose", { encrypted: true, tags: { backup: "never" } }), dlm], reported: [urnFor(VOLUME, "loose")] },
    { rule: "aws-storage-backed-up", name: "RDS instance in an AWS Backup selection by reference", stack: [
        res("aws:rds/instance:Instance", "db", { engine: "postgres", arn: UNKNOWN }),
        res("aws:backup/selection:Selection", "sel", { iamRoleArn: "arn:aws:iam::1:role/b", planId: "p", name: "sel", resources: [UNKNOWN] }, dependsOn("resources", res("aws:rds/instance:Instance", "db", {}))),
    ], reported: [] },
    { rule: "aws-storage-backed-up", name: "volume tags unknown during preview", stack: [res(VOLUME, "v", { encrypted: true, tags: UNKNOWN }), dlm], defers: true },

    // aws-backup-vaults-locked (advisory)
    { rule: "aws-backup-vaults-locked", name: "vault no lock names, next to a vault locked by name", stack: [
        res("aws:backup/vault:Vault", "locked", { name: "locked" }), res("aws:backup/vault:Vault", "open", { name: "open" }),
        res("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "lock", { backupVaultName: "locked", minRetentionDays: 7, changeableForDays: 3 }),
    ], reported: [urnFor("aws:backup/vault:Vault", "open")] },
    { rule: "aws-backup-vaults-locked", name: "vault locked by reference during preview", stack: [
        res("aws:backup/vault:Vault", "backups", { name: UNKNOWN }),
        res("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "lock", { backupVaultName: UNKNOWN, minRetentionDays: 7, changeableForDays: 3 }, dependsOn("backupVaultName", res("aws:backup/vault:Vault", "backups", {}))),
    ], reported: [] },
    { rule: "aws-backup-vaults-locked", name: "lock target unknown during preview", stack: [
        res("aws:backup/vault:Vault", "backups", { name: "backups" }),
        res("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "lock", { backupVaultName: UNKNOWN, minRetentionDays: 7 }),
    ], defers: true },

    // gcp-disks-snapshot-scheduled (advisory)
    { rule: "gcp-disks-snapshot-scheduled", name: "disk without a schedule", stack: [cmekDisk], reported: [cmekDisk.urn] },
    { rule: "gcp-disks-snapshot-scheduled", name: "disk with a schedule attachment", stack: [cmekDisk, res("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", "att", { name: "daily", disk: "data" })], reported: [] },
    { rule: "gcp-disks-snapshot-scheduled", name: "attachment target unknown during preview", stack: [cmekDisk, res("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", "att", { name: "daily", disk: UNKNOWN })], defers: true },

    // azure-disks-backed-up (advisory)
    { rule: "azure-disks-backed-up", name: "disk without a backup instance", stack: [azureDisk], reported: [azureDisk.urn], noPath: true },
    { rule: "azure-disks-backed-up", name: "disk with a backup instance", stack: [azureDisk, res("azure-native:dataprotection:BackupInstance", "bi", { vaultName: "v", resourceGroupName: "rg", properties: { objectType: "BackupInstance", dataSourceInfo: { resourceID: azureDiskId } } })], reported: [] },
    { rule: "azure-disks-backed-up", name: "backup instance target unknown during preview", stack: [azureDisk, res("azure-native:dataprotection:BackupInstance", "bi", { properties: UNKNOWN })], defers: true },

    // aws-kms-keys-not-shared (advisory)
    { rule: "aws-kms-keys-not-shared", name: "spare key open to every account", stack: [res(KEY, "spare", { policy: keyPolicy({ AWS: "*" }) })], reported: [urnFor(KEY, "spare")] },
    { rule: "aws-kms-keys-not-shared", name: "spare key with the default key policy", stack: [res(KEY, "spare", {})], reported: [] },
    { rule: "aws-kms-keys-not-shared", name: "grantee unknown during preview", stack: [res("aws:kms/grant:Grant", "g", { keyId: "k", granteePrincipal: UNKNOWN, operations: ["Decrypt"] })], defers: true },

    // aws-account-guardrails (advisory), reported against the provider
    { rule: "aws-account-guardrails", name: "volumes without guardrails", stack: [
        res("pulumi:providers:aws", "eu", { region: "eu-west-1" }),
        res(VOLUME, "v", { encrypted: true }, { provider: euProvider }),
    ], reported: [euProvider.urn, euProvider.urn], noPath: true },
    { rule: "aws-account-guardrails", name: "volumes with guardrails", stack: [
        res(VOLUME, "v", { encrypted: true }, { provider: euProvider }),
        res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebd", { enabled: true }, { provider: euProvider }),
        res("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "sbpa", { state: "block-all-sharing" }, { provider: euProvider }),
    ], reported: [] },
    { rule: "aws-account-guardrails", name: "guardrail region unknown during preview", stack: [
        res(VOLUME, "v", { encrypted: true }, { provider: euProvider }),
        res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebd", { region: UNKNOWN }, { provider: euProvider }),
        res("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "sbpa", { state: "block-all-sharing" }, { provider: euProvider }),
    ], defers: true },

    // aws-native and classic azure resources in the same stack rules
    { rule: "aws-snapshots-from-encrypted-sources", name: "aws-native DB snapshot of an unencrypted aws-native instance, by identifier", stack: [
        res("aws-native:rds:DbInstance", "orders", { engine: "postgres", dbInstanceIdentifier: "orders" }),
        res("aws-native:rds:DbSnapshot", "snap", { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "snap" }),
    ], reported: [urnFor("aws-native:rds:DbSnapshot", "snap")] },
    { rule: "aws-storage-backed-up", name: "aws-native volume next to one an aws-native DLM policy selects by tag entry", stack: [
        res(NVOLUME, "tagged", { encrypted: true, tags: [{ key: "backup", value: "daily" }] }), res(NVOLUME, "loose", { encrypted: true }),
        res("aws-native:dlm:LifecyclePolicy", "daily", { description: "daily", policyDetails: { resourceTypes: ["VOLUME"], targetTags: [{ key: "backup", value: "daily" }] } }),
    ], reported: [urnFor(NVOLUME, "loose")] },
    { rule: "aws-backup-vaults-locked", name: "aws-native vault without lockConfiguration next to a locked one", stack: [
        res("aws-native:backup:BackupVault", "open", { backupVaultName: "open" }),
        res("aws-native:backup:BackupVault", "locked", { backupVaultName: "locked", lockConfiguration: { minRetentionDays: 7, changeableForDays: 3 } }),
    ], reported: [urnFor("aws-native:backup:BackupVault", "open")] },
    { rule: "aws-account-guardrails", name: "aws-native volume with the aws-native snapshot guardrail and an aws encryption default in its region", stack: [
        res(NVOLUME, "v", { encrypted: true }, { provider: nativeEuProvider }),
        res("aws-native:ec2:SnapshotBlockPublicAccess", "sbpa", { state: "block-all-sharing" }, { provider: nativeEuProvider }),
        res("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebd", { enabled: true }, { provider: euProvider }),
    ], reported: [] },
    { rule: "aws-account-guardrails", name: "aws-native volume without guardrails, reported against the aws-native provider", stack: [
        res(NVOLUME, "v", { encrypted: true }, { provider: nativeEuProvider }),
    ], reported: [nativeEuProvider.urn, nativeEuProvider.urn], noPath: true },
    { rule: "aws-data-keys-not-shared", name: "aws-native key of an aws-native volume open to every account", stack: [
        res("aws-native:kms:Key", "nkey", { keyPolicy: JSON.parse(keyPolicy("*")) }),
        res(NVOLUME, "data", { encrypted: true, kmsKeyId: UNKNOWN }, dependsOn("kmsKeyId", res("aws-native:kms:Key", "nkey", {}))),
    ], reported: [urnFor("aws-native:kms:Key", "nkey")] },
    { rule: "aws-kms-keys-not-shared", name: "spare aws-native replica key open to every account", stack: [res("aws-native:kms:ReplicaKey", "replica", { primaryKeyArn: "arn", keyPolicy: keyPolicy({ AWS: "*" }) })], reported: [urnFor("aws-native:kms:ReplicaKey", "replica")] },
    { rule: "aws-ram-image-shares-trusted", name: "aws-native share of an image recipe with an untrusted account (external principals by default)", stack: [
        res("aws-native:ram:ResourceShare", "images", { name: "images", principals: ["999988887777"], resourceArns: ["arn:aws:imagebuilder:eu-west-1:111122223333:image-recipe/golden/1.0.0"] }),
    ], reported: [urnFor("aws-native:ram:ResourceShare", "images")] },
    { rule: "azure-disks-backed-up", name: "classic disk without a backup instance", stack: [classicDisk], reported: [classicDisk.urn], noPath: true },
    { rule: "azure-disks-backed-up", name: "classic disk with an azurerm BackupInstanceDisk", stack: [classicDisk, res("azure:dataprotection/backupInstanceDisk:BackupInstanceDisk", "bid", { vaultId: "v", backupPolicyId: "p", snapshotResourceGroupName: "rg", diskId: classicDiskId })], reported: [] },
    { rule: "azure-snapshots-keep-customer-keys", name: "classic snapshot of a classic disk under a customer key", stack: [
        classicDisk, res("azure:compute/snapshot:Snapshot", "csnap", { resourceGroupName: "rg", createOption: "Copy", sourceUri: classicDiskId }),
    ], reported: [urnFor("azure:compute/snapshot:Snapshot", "csnap")] },
];

describe("protocol: stack rules over AnalyzeStack", function () {
    let client: AnalyzerClient | undefined;

    before(async function () {
        this.timeout(60_000);
        client = await startCompiledPack();
        await client.getAnalyzerInfo();
    });

    after(async function () {
        this.timeout(15_000);
        await client?.close();
    });

    async function analyzeStack(stack: StackResourceInput[], config: Record<string, unknown> = {}): Promise<AnalyzeResult> {
        assert.ok(client, "the pack did not start");
        await client.configure(config as never);
        return client.analyzeStack(stack);
    }

    it("covers every stack rule with a violating, a compliant and a deferred row", () => {
        for (const rule of allRules.filter(isStackRule)) {
            const mine = rows.filter((row) => row.rule === rule.id);
            assert.ok(mine.some((row) => (row.reported ?? []).length > 0), `${rule.id}: no violating row`);
            assert.ok(mine.some((row) => row.reported?.length === 0), `${rule.id}: no compliant row`);
            assert.ok(mine.some((row) => row.defers), `${rule.id}: no preview row`);
        }
    });

    for (const row of rows) {
        it(`${row.rule}: ${row.name}`, async () => {
            const rule = allRules.find((candidate) => candidate.id === row.rule);
            assert.ok(rule && isStackRule(rule), `${row.rule} is not a stack rule`);
            const result = await analyzeStack(row.stack);
            const shown = JSON.stringify(result, null, 1);
            const fallbacks = result.diagnostics.filter((diagnostic) => /can't run|UnknownValueError/.test(diagnostic.message));
            assert.deepStrictEqual(fallbacks, [], `a policy read an unknown value: ${shown}`);
            const mine = result.diagnostics.filter((diagnostic) => diagnostic.policyName === row.rule);
            const reason = result.notApplicable.find((entry) => entry.policyName === row.rule)?.reason;
            if (row.defers) {
                assert.deepStrictEqual(mine, [], shown);
                assert.match(reason ?? "", /unknown during preview/, shown);
                return;
            }
            assert.deepStrictEqual(mine.map((diagnostic) => diagnostic.urn), row.reported, shown);
            for (const diagnostic of mine) {
                assert.strictEqual(diagnostic.enforcementLevel, rule.defaultLevel, shown);
                if (row.noPath) {
                    assert.match(diagnostic.message, /\n[^;\n]+; \S[^\n]*$/, shown);
                    assert.doesNotMatch(diagnostic.message, / at \S+; /, shown);
                } else {
                    assert.match(diagnostic.message, / at \S+; /, shown);
                }
            }
        });
    }

    it("raises an advisory stack rule to mandatory through config", async () => {
        const result = await analyzeStack([cmekDisk, res("gcp:compute/snapshot:Snapshot", "snap", { sourceDisk: "data" })],
            { "gcp-copies-keep-customer-keys": "mandatory" });
        const mine = result.diagnostics.filter((diagnostic) => diagnostic.policyName === "gcp-copies-keep-customer-keys");
        assert.deepStrictEqual(mine.map((diagnostic) => [diagnostic.urn, diagnostic.enforcementLevel]),
            [[urnFor("gcp:compute/snapshot:Snapshot", "snap"), "mandatory"]], JSON.stringify(result));
    });

    it("applies an exemption to the reported resource only", async () => {
        const stack = [plainVolume, res("aws:ebs/snapshot:Snapshot", "a", { volumeId: "vol-0plain" }), res("aws:ebs/snapshot:Snapshot", "b", { volumeId: "vol-0plain" })];
        const result = await analyzeStack(stack, { "aws-snapshots-from-encrypted-sources": { exemptions: [{ resource: "a", reason: "forensics copy" }] } });
        const mine = result.diagnostics.filter((diagnostic) => diagnostic.policyName === "aws-snapshots-from-encrypted-sources");
        assert.deepStrictEqual(mine.map((diagnostic) => diagnostic.urn), [urnFor("aws:ebs/snapshot:Snapshot", "b")]);
    });
});
