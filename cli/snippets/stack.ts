// Violating and compliant snippets for the cross-resource (stack) rules: each shows the resource
// that is reported and the resources that decide it.
import { ext, json, out, resource, type RuleExamples } from "./model";

const volume = { availabilityZone: "eu-west-1a", size: 100 };
const rg = ext("rg.name", "rg");
const desId = ext("diskEncryptionSet.id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des");
const azureDisk = { resourceGroupName: rg, diskSizeGB: 64, creationData: { createOption: "Empty" } };
const keyId = ext("key.id", "projects/sec/locations/us/keyRings/disks/cryptoKeys/disk-key");
const gcpDisk = { zone: "us-central1-a", size: 100 };
const dlmRole = ext("dlmRole.arn", "arn:aws:iam::111122223333:role/dlm");
const backupKey = ext("backupKey.arn", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab");
const dailyRule = { interval: 24, intervalUnit: "HOURS", times: "03:00" };

export const stackSnippets: Record<string, RuleExamples> = {
    "aws-snapshots-from-encrypted-sources": {
        violating: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume }),
            resource("aws:ebs/snapshot:Snapshot", "data-backup", { volumeId: out("data", "id") }),
        ] },
        compliant: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true }),
            resource("aws:ebs/snapshot:Snapshot", "data-backup", { volumeId: out("data", "id") }),
        ] },
    },
    "gcp-copies-keep-customer-keys": {
        violating: { resources: [
            resource("gcp:compute/disk:Disk", "data", { ...gcpDisk, diskEncryptionKey: { kmsKeySelfLink: keyId } }),
            resource("gcp:compute/snapshot:Snapshot", "data-backup", { sourceDisk: out("data", "id"), zone: "us-central1-a" }),
        ] },
        compliant: { resources: [
            resource("gcp:compute/disk:Disk", "data", { ...gcpDisk, diskEncryptionKey: { kmsKeySelfLink: keyId } }),
            resource("gcp:compute/snapshot:Snapshot", "data-backup", { sourceDisk: out("data", "id"), zone: "us-central1-a", snapshotEncryptionKey: { kmsKeySelfLink: keyId } }),
        ] },
    },
    "azure-snapshots-keep-customer-keys": {
        violating: { resources: [
            resource("azure-native:compute:Disk", "data", { ...azureDisk, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: desId } }),
            resource("azure-native:compute:Snapshot", "data-backup", { resourceGroupName: rg, creationData: { createOption: "Copy", sourceResourceId: out("data", "id") } }),
        ] },
        compliant: { resources: [
            resource("azure-native:compute:Disk", "data", { ...azureDisk, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: desId } }),
            resource("azure-native:compute:Snapshot", "data-backup", {
                resourceGroupName: rg, creationData: { createOption: "Copy", sourceResourceId: out("data", "id") },
                encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: desId },
            }),
        ] },
    },
    "aws-storage-backed-up": {
        violating: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true, tags: { backup: "daily" } }),
        ] },
        compliant: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true, tags: { backup: "daily" } }),
            resource("aws:dlm/lifecyclePolicy:LifecyclePolicy", "daily", {
                description: "daily EBS snapshots", executionRoleArn: dlmRole,
                policyDetails: { resourceTypes: ["VOLUME"], targetTags: { backup: "daily" }, schedules: [{ name: "daily", createRule: dailyRule, retainRule: { count: 14 } }] },
            }),
        ] },
    },
    "aws-backup-vaults-locked": {
        violating: { resources: [
            resource("aws:backup/vault:Vault", "backups", { kmsKeyArn: backupKey }),
        ] },
        compliant: { resources: [
            resource("aws:backup/vault:Vault", "backups", { kmsKeyArn: backupKey }),
            resource("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "backups-lock", {
                backupVaultName: out("backups", "name"), minRetentionDays: 7, maxRetentionDays: 365, changeableForDays: 3,
            }),
        ] },
    },
    "gcp-disks-snapshot-scheduled": {
        violating: { resources: [
            resource("gcp:compute/disk:Disk", "data", { ...gcpDisk }),
        ] },
        compliant: { resources: [
            resource("gcp:compute/resourcePolicy:ResourcePolicy", "daily", {
                region: "us-central1",
                snapshotSchedulePolicy: { schedule: { dailySchedule: { daysInCycle: 1, startTime: "04:00" } }, retentionPolicy: { maxRetentionDays: 14 } },
            }),
            resource("gcp:compute/disk:Disk", "data", { ...gcpDisk, resourcePolicies: [out("daily", "id")] }),
        ] },
    },
    "azure-disks-backed-up": {
        violating: { resources: [
            resource("azure-native:compute:Disk", "data", { ...azureDisk }),
        ] },
        compliant: { resources: [
            resource("azure-native:compute:Disk", "data", { ...azureDisk }),
            resource("azure-native:dataprotection:BackupInstance", "data-backup", {
                resourceGroupName: rg, vaultName: ext("vault.name", "vault"),
                properties: {
                    objectType: "BackupInstance",
                    dataSourceInfo: { objectType: "Datasource", resourceID: out("data", "id"), datasourceType: "Microsoft.Compute/disks" },
                    policyInfo: { policyId: ext("diskPolicy.id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/vault/backupPolicies/disks") },
                },
            }),
        ] },
    },
    "aws-account-guardrails": {
        violating: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true }),
        ] },
        compliant: { resources: [
            resource("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true }),
            resource("aws:ebs/encryptionByDefault:EncryptionByDefault", "ebs-encryption", { enabled: true }),
            resource("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "snapshot-guardrail", { state: "block-all-sharing" }),
        ] },
    },
    "gcp-project-iam-not-public": {
        violating: { resources: [
            resource("gcp:projects/iAMMember:IAMMember", "image-users", { project: "acme-images", role: "roles/compute.imageUser", member: "allAuthenticatedUsers" }),
        ] },
        compliant: { resources: [
            resource("gcp:projects/iAMMember:IAMMember", "image-users", { project: "acme-images", role: "roles/compute.imageUser", member: "group:image-consumers@example.com" }),
        ] },
    },
    "aws-data-keys-not-shared": {
        violating: { resources: [
            resource("aws:kms/key:Key", "ami-key", { policy: json({ Version: "2012-10-17", Statement: [
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: ["kms:Decrypt", "kms:CreateGrant"], Resource: "*" },
            ] }) }),
            resource("aws:ec2/amiCopy:AmiCopy", "golden", { sourceAmiId: ext("source.id", "ami-0123456789abcdef0"), sourceAmiRegion: "eu-west-1", encrypted: true, kmsKeyId: out("ami-key", "arn") }),
        ], config: { trustedAccountIds: ["111122223333"] } },
        compliant: { resources: [
            resource("aws:kms/key:Key", "ami-key", { policy: json({ Version: "2012-10-17", Statement: [
                { Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "kms:*", Resource: "*" },
            ] }) }),
            resource("aws:ec2/amiCopy:AmiCopy", "golden", { sourceAmiId: ext("source.id", "ami-0123456789abcdef0"), sourceAmiRegion: "eu-west-1", encrypted: true, kmsKeyId: out("ami-key", "arn") }),
        ], config: { trustedAccountIds: ["111122223333"] } },
    },
    "aws-kms-keys-not-shared": {
        violating: { resources: [
            resource("aws:kms/key:Key", "shared", { policy: json({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*" }] }) }),
        ] },
        compliant: { resources: [
            resource("aws:kms/key:Key", "shared", { policy: json({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } } }] }) }),
        ] },
    },
    "aws-ram-image-shares-trusted": {
        violating: { resources: [
            resource("aws:ram/resourceShare:ResourceShare", "images", { name: "images", allowExternalPrincipals: true }),
            resource("aws:ram/resourceAssociation:ResourceAssociation", "golden-image", { resourceArn: ext("image.arn", "arn:aws:imagebuilder:eu-west-1:111122223333:image/golden/1.0.0/1"), resourceShareArn: out("images", "arn") }),
            resource("aws:ram/principalAssociation:PrincipalAssociation", "partner", { principal: "999988887777", resourceShareArn: out("images", "arn") }),
        ] },
        compliant: { resources: [
            resource("aws:ram/resourceShare:ResourceShare", "images", { name: "images", allowExternalPrincipals: false }),
            resource("aws:ram/resourceAssociation:ResourceAssociation", "golden-image", { resourceArn: ext("image.arn", "arn:aws:imagebuilder:eu-west-1:111122223333:image/golden/1.0.0/1"), resourceShareArn: out("images", "arn") }),
            resource("aws:ram/principalAssociation:PrincipalAssociation", "workloads", { principal: "arn:aws:organizations::111122223333:ou/o-abc123def4/ou-ab12-cdef3456", resourceShareArn: out("images", "arn") }),
        ] },
    },
};
