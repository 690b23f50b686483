// Protocol: every AWS resource type the AWS rules check, one violating and one compliant resource
// each, sent through the compiled pack over gRPC; the verdicts name the rule and its default level.

import * as assert from "assert";
import { of, resource, useCompiledPack } from "./pack";
import { isStackRule, ruleTypes } from "../../core/rule";
import { awsRules } from "../../policies/aws";

const trusted = "111122223333";
const stranger = "999988887777";

interface Case {
    rule: string;
    type: string;
    level: "mandatory" | "advisory";
    bad: Record<string, unknown>;
    good: Record<string, unknown>;
    /** Policy config sent with both resources (e.g. a trust list). */
    config?: Record<string, unknown>;
}

const vaultPolicy = (principal: unknown) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "backup:CopyIntoBackupVault", Resource: "*" }] });
const dlm = (schedule: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    description: "daily", executionRoleArn: `arn:aws:iam::${trusted}:role/dlm`,
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: { backup: "daily" }, schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, ...schedule }], ...extra },
});
/** aws-native (CloudFormation) DLM policy: tags as a list, share rules as a list. */
const nativeDlm = (schedule: Record<string, unknown>) => ({
    description: "daily", executionRoleArn: `arn:aws:iam::${trusted}:role/dlm`,
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: [{ key: "backup", value: "daily" }], schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, ...schedule }] },
});
/** aws-native (CloudFormation) backup plan with one rule kept 35 days. */
const nativePlan = (rule: Record<string, unknown>) => ({
    backupPlan: { backupPlanName: "daily", backupPlanRule: [{ ruleName: "daily", targetBackupVault: "v", lifecycle: { deleteAfterDays: 35 }, ...rule }] },
});
const trust = { trustedAccountIds: [trusted] };
const sharingPolicy = (Resource: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:Modify*", Resource }] });
const cmk = `arn:aws:kms:eu-west-1:${trusted}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
/** aws-native data that is encrypted (CloudFormation defaults these flags to false), so its key is judged. */
const nativeEncrypted: Readonly<Record<string, Record<string, unknown>>> = {
    "aws-native:ec2:Volume": { encrypted: true },
    "aws-native:workspaces:Workspace": { rootVolumeEncryptionEnabled: true },
    "aws-native:rds:DbInstance": { storageEncrypted: true },
    "aws-native:rds:DbCluster": { storageEncrypted: true },
    "aws-native:neptune:DbCluster": { storageEncrypted: true },
};

const encryptedBase: Record<string, Record<string, unknown>> = {
    "aws:ebs/volume:Volume": { encrypted: true }, "aws:ebs/snapshotCopy:SnapshotCopy": { encrypted: true },
    "aws:ebs/snapshotImport:SnapshotImport": { encrypted: true }, "aws:ec2/amiCopy:AmiCopy": { encrypted: true },
    "aws:rds/instance:Instance": { storageEncrypted: true }, "aws:rds/cluster:Cluster": { storageEncrypted: true },
    "aws:docdb/cluster:Cluster": { storageEncrypted: true }, "aws:neptune/cluster:Cluster": { storageEncrypted: true },
    "aws:workspaces/workspace:Workspace": { rootVolumeEncryptionEnabled: true },
};

export const cases: Case[] = [
    // exposure
    { rule: "aws-images-not-public", type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission", level: "mandatory", bad: { imageId: "ami-1", group: "all" }, good: { imageId: "ami-1", accountId: trusted }, config: trust },
    { rule: "aws-images-not-public", type: "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", level: "mandatory", bad: { state: "unblocked" }, good: { state: "block-new-sharing" } },
    { rule: "aws-images-not-public", type: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration", level: "mandatory", bad: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermission: { userGroups: ["all"] } } }] }, good: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermission: { userIds: [trusted] } } }] }, config: trust },
    { rule: "aws-snapshots-not-public", type: "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", level: "mandatory", bad: { snapshotId: "snap-1", accountId: stranger }, good: { snapshotId: "snap-1", accountId: trusted }, config: trust },
    { rule: "aws-snapshots-not-public", type: "aws:rds/snapshot:Snapshot", level: "mandatory", bad: { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s", sharedAccounts: ["all"] }, good: { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s", sharedAccounts: [trusted] }, config: trust },
    { rule: "aws-snapshots-not-public", type: "aws:rds/snapshotCopy:SnapshotCopy", level: "mandatory", bad: { sharedAccounts: [stranger] }, good: { sharedAccounts: [] }, config: trust },
    { rule: "aws-snapshots-not-public", type: "aws:rds/clusterSnapshot:ClusterSnapshot", level: "mandatory", bad: { sharedAccounts: ["all"] }, good: {} },
    { rule: "aws-snapshots-not-public", type: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", level: "mandatory", bad: { sharedAccounts: ["ALL"] }, good: { sharedAccounts: [trusted] }, config: trust },
    { rule: "aws-snapshots-not-public", type: "aws:dlm/lifecyclePolicy:LifecyclePolicy", level: "mandatory", bad: dlm({ shareRule: { targetAccounts: [stranger] } }), good: dlm({ shareRule: { targetAccounts: [trusted] } }), config: trust },
    { rule: "aws-snapshot-block-public-access", type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", level: "mandatory", bad: { state: "unblocked" }, good: { state: "block-all-sharing" } },
    { rule: "aws-backup-vault-not-public", type: "aws:backup/vaultPolicy:VaultPolicy", level: "mandatory", bad: { backupVaultName: "v", policy: vaultPolicy({ AWS: "*" }) }, good: { backupVaultName: "v", policy: vaultPolicy({ AWS: `arn:aws:iam::${trusted}:root` }) }, config: trust },
    { rule: "aws-backup-copies-trusted", type: "aws:backup/plan:Plan", level: "mandatory", bad: { rules: [{ ruleName: "d", targetVaultName: "v", copyActions: [{ destinationVaultArn: `arn:aws:backup:eu-west-1:${stranger}:backup-vault:r` }] }] }, good: { rules: [{ ruleName: "d", targetVaultName: "v", copyActions: [{ destinationVaultArn: `arn:aws:backup:eu-west-1:${trusted}:backup-vault:r` }] }] }, config: trust },
    // encryption
    { rule: "aws-volumes-encrypted", type: "aws:ebs/volume:Volume", level: "mandatory", bad: { size: 8 }, good: { size: 8, encrypted: true } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/instance:Instance", level: "mandatory", bad: { ami: "ami-1" }, good: { ami: "ami-1", rootBlockDevice: { encrypted: true } } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/launchTemplate:LaunchTemplate", level: "mandatory", bad: { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, good: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/spotInstanceRequest:SpotInstanceRequest", level: "mandatory", bad: { ami: "ami-1" }, good: { ami: "ami-1", rootBlockDevice: { encrypted: true } } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/launchConfiguration:LaunchConfiguration", level: "mandatory", bad: { imageId: "ami-1", rootBlockDevice: { encrypted: false } }, good: { imageId: "ami-1", rootBlockDevice: { encrypted: true } } },
    { rule: "aws-volumes-encrypted", type: "aws:ec2/spotFleetRequest:SpotFleetRequest", level: "mandatory", bad: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ volumeSize: 20 }] }] }, good: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ encrypted: true }] }] } },
    { rule: "aws-volumes-encrypted", type: "aws:imagebuilder/imageRecipe:ImageRecipe", level: "mandatory", bad: { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, good: { blockDeviceMappings: [{ ebs: { volumeSize: 30 } }] } },
    { rule: "aws-volumes-encrypted", type: "aws:imagebuilder/containerRecipe:ContainerRecipe", level: "mandatory", bad: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] } }, good: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] } } },
    { rule: "aws-volumes-encrypted", type: "aws:ebs/encryptionByDefault:EncryptionByDefault", level: "mandatory", bad: { enabled: false }, good: {} },
    { rule: "aws-volumes-encrypted", type: "aws:workspaces/workspace:Workspace", level: "mandatory", bad: { rootVolumeEncryptionEnabled: true }, good: { rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true } },
    { rule: "aws-snapshots-encrypted", type: "aws:ebs/snapshotCopy:SnapshotCopy", level: "mandatory", bad: { sourceSnapshotId: "snap-1" }, good: { sourceSnapshotId: "snap-1", encrypted: true } },
    { rule: "aws-snapshots-encrypted", type: "aws:ebs/snapshotImport:SnapshotImport", level: "mandatory", bad: { encrypted: false }, good: { encrypted: true } },
    { rule: "aws-snapshots-encrypted", type: "aws:ec2/amiCopy:AmiCopy", level: "mandatory", bad: { sourceAmiId: "ami-1" }, good: { sourceAmiId: "ami-1", encrypted: true } },
    { rule: "aws-snapshots-encrypted", type: "aws:ec2/ami:Ami", level: "mandatory", bad: { ebsBlockDevices: [{ deviceName: "/dev/xvda", volumeSize: 8 }] }, good: { ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: "snap-1" }] } },
    { rule: "aws-snapshots-encrypted", type: "aws:dlm/lifecyclePolicy:LifecyclePolicy", level: "mandatory", bad: dlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: false }] }), good: dlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }) },
    { rule: "aws-databases-encrypted", type: "aws:rds/instance:Instance", level: "mandatory", bad: { engine: "postgres" }, good: { engine: "postgres", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:rds/cluster:Cluster", level: "mandatory", bad: { engine: "aurora-mysql" }, good: { engine: "aurora-mysql", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:rds/globalCluster:GlobalCluster", level: "mandatory", bad: { globalClusterIdentifier: "g" }, good: { globalClusterIdentifier: "g", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:docdb/cluster:Cluster", level: "mandatory", bad: { storageEncrypted: false }, good: { storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:docdb/globalCluster:GlobalCluster", level: "mandatory", bad: {}, good: { storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:neptune/cluster:Cluster", level: "mandatory", bad: {}, good: { storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:neptune/globalCluster:GlobalCluster", level: "mandatory", bad: {}, good: { storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws:redshift/cluster:Cluster", level: "mandatory", bad: { encrypted: "false" }, good: { encrypted: "true" } },
    // lifecycle
    { rule: "aws-db-backups-retained", type: "aws:rds/instance:Instance", level: "mandatory", bad: { engine: "postgres" }, good: { engine: "postgres", backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", level: "mandatory", bad: { retentionPeriod: 1 }, good: {} },
    { rule: "aws-db-backups-retained", type: "aws:rds/cluster:Cluster", level: "mandatory", bad: {}, good: { backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws:docdb/cluster:Cluster", level: "mandatory", bad: { backupRetentionPeriod: 1 }, good: { backupRetentionPeriod: 14 } },
    { rule: "aws-db-backups-retained", type: "aws:docdb/elasticCluster:ElasticCluster", level: "mandatory", bad: {}, good: { backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws:neptune/cluster:Cluster", level: "mandatory", bad: {}, good: { backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws:redshift/cluster:Cluster", level: "mandatory", bad: { automatedSnapshotRetentionPeriod: 0 }, good: { automatedSnapshotRetentionPeriod: 7 } },
    { rule: "aws-backup-retention-bounded", type: "aws:backup/plan:Plan", level: "mandatory", bad: { rules: [{ ruleName: "r", targetVaultName: "v" }] }, good: { rules: [{ ruleName: "r", targetVaultName: "v", lifecycle: { deleteAfter: 35 } }] } },
    { rule: "aws-backup-retention-bounded", type: "aws:dlm/lifecyclePolicy:LifecyclePolicy", level: "mandatory", bad: { ...dlm({}), state: "DISABLED" }, good: dlm({}) },
    { rule: "aws-backup-retention-bounded", type: "aws:redshift/cluster:Cluster", level: "mandatory", bad: {}, good: { manualSnapshotRetentionPeriod: 30 } },
    { rule: "aws-backup-retention-bounded", type: "aws:redshift/snapshotCopy:SnapshotCopy", level: "mandatory", bad: { manualSnapshotRetentionPeriod: -1 }, good: { manualSnapshotRetentionPeriod: 30 } },
    { rule: "aws-backup-retention-bounded", type: "aws:redshiftserverless/snapshot:Snapshot", level: "mandatory", bad: {}, good: { retentionPeriod: 30 } },
    { rule: "aws-images-expire", type: "aws:ec2/ami:Ami", level: "mandatory", bad: { name: "img" }, good: { name: "img", deprecationTime: "2999-01-01T00:00:00Z" } },
    { rule: "aws-images-expire", type: "aws:ec2/amiCopy:AmiCopy", level: "mandatory", bad: { sourceAmiId: "ami-1" }, good: { sourceAmiId: "ami-1", deprecationTime: "2999-01-01T00:00:00Z" } },
    { rule: "aws-images-expire", type: "aws:ec2/amiFromInstance:AmiFromInstance", level: "mandatory", bad: { sourceInstanceId: "i-1" }, good: { sourceInstanceId: "i-1", deprecationTime: "2999-01-01T00:00:00Z" } },
    ...[
        "aws:ebs/snapshot:Snapshot", "aws:ebs/snapshotCopy:SnapshotCopy", "aws:rds/snapshot:Snapshot", "aws:rds/snapshotCopy:SnapshotCopy",
        "aws:rds/clusterSnapshot:ClusterSnapshot", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "aws:redshift/clusterSnapshot:ClusterSnapshot",
    ].map((type): Case => ({ rule: "aws-snapshots-expire", type, level: "mandatory", bad: { tags: { team: "data" } }, good: { tags: { "retention-days": "30" } } })),
    // customer-managed keys (advisory)
    ...([
        ["aws:ebs/volume:Volume", "kmsKeyId"], ["aws:ebs/snapshotCopy:SnapshotCopy", "kmsKeyId"], ["aws:ebs/snapshotImport:SnapshotImport", "kmsKeyId"],
        ["aws:ebs/defaultKmsKey:DefaultKmsKey", "keyArn"], ["aws:ec2/amiCopy:AmiCopy", "kmsKeyId"], ["aws:imagebuilder/containerRecipe:ContainerRecipe", "kmsKeyId"],
        ["aws:backup/vault:Vault", "kmsKeyArn"], ["aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", "encryptionKeyArn"],
        ["aws:rds/instance:Instance", "kmsKeyId"], ["aws:rds/cluster:Cluster", "kmsKeyId"], ["aws:rds/snapshotCopy:SnapshotCopy", "kmsKeyId"],
        ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "kmsKeyId"], ["aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "kmsKeyId"],
        ["aws:docdb/cluster:Cluster", "kmsKeyId"], ["aws:docdb/elasticCluster:ElasticCluster", "kmsKeyId"], ["aws:neptune/cluster:Cluster", "kmsKeyArn"],
        ["aws:redshift/cluster:Cluster", "kmsKeyId"], ["aws:redshift/snapshotCopyGrant:SnapshotCopyGrant", "kmsKeyId"],
        ["aws:redshiftserverless/namespace:Namespace", "kmsKeyId"], ["aws:memorydb/snapshot:Snapshot", "kmsKeyArn"],
        ["aws:workspaces/workspace:Workspace", "volumeEncryptionKey"],
    ] as const).map(([type, field]): Case => {
        // Keys are judged only on encrypted data (unencrypted data is the encryption rules' finding).
        const encrypted = encryptedBase[type] ?? {};
        return { rule: "aws-customer-managed-keys", type, level: "advisory", bad: { ...encrypted, [field]: "alias/aws/ebs" }, good: { ...encrypted, [field]: cmk } };
    }),
    { rule: "aws-customer-managed-keys", type: "aws:ec2/instance:Instance", level: "advisory", bad: { rootBlockDevice: { encrypted: true } }, good: { rootBlockDevice: { encrypted: true, kmsKeyId: cmk } } },
    { rule: "aws-customer-managed-keys", type: "aws:ec2/spotInstanceRequest:SpotInstanceRequest", level: "advisory", bad: { rootBlockDevice: { encrypted: true } }, good: { rootBlockDevice: { encrypted: true, kmsKeyId: cmk } } },
    { rule: "aws-customer-managed-keys", type: "aws:ec2/spotFleetRequest:SpotFleetRequest", level: "advisory", bad: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ encrypted: true }] }] }, good: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ kmsKeyId: cmk }] }] } },
    { rule: "aws-customer-managed-keys", type: "aws:ec2/launchTemplate:LaunchTemplate", level: "advisory", bad: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] }, good: { blockDeviceMappings: [{ ebs: { encrypted: "true", kmsKeyId: cmk } }] } },
    { rule: "aws-customer-managed-keys", type: "aws:imagebuilder/imageRecipe:ImageRecipe", level: "advisory", bad: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] }, good: { blockDeviceMappings: [{ ebs: { kmsKeyId: cmk } }] } },
    { rule: "aws-customer-managed-keys", type: "aws:imagebuilder/distributionConfiguration:DistributionConfiguration", level: "advisory", bad: { distributions: [{ region: "r", amiDistributionConfiguration: {} }] }, good: { distributions: [{ region: "r", amiDistributionConfiguration: { kmsKeyId: cmk } }] } },
    { rule: "aws-customer-managed-keys", type: "aws:dlm/lifecyclePolicy:LifecyclePolicy", level: "advisory", bad: dlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }), good: dlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true, cmkArn: cmk }] }) },
    // hardening
    ...[["aws:iam/policy:Policy", {}], ["aws:iam/rolePolicy:RolePolicy", { role: "ops" }], ["aws:iam/userPolicy:UserPolicy", { user: "ops" }], ["aws:iam/groupPolicy:GroupPolicy", { group: "ops" }]]
        .map(([type, base]): Case => ({ rule: "aws-sharing-permissions-restricted", type: type as string, level: "advisory", bad: { ...(base as object), policy: sharingPolicy("*") }, good: { ...(base as object), policy: sharingPolicy("arn:aws:ec2:eu-west-1::image/ami-1") } })),
    { rule: "aws-sharing-permissions-restricted", type: "aws:iam/role:Role", level: "advisory", bad: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "share", policy: sharingPolicy("*") }] }, good: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "share", policy: sharingPolicy("arn:aws:ec2:eu-west-1::image/ami-1") }] } },
    ...["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:docdb/cluster:Cluster", "aws:neptune/cluster:Cluster", "aws:redshift/cluster:Cluster"]
        .map((type): Case => ({ rule: "aws-final-snapshots", type, level: "advisory", bad: { skipFinalSnapshot: true }, good: { finalSnapshotIdentifier: "final" } })),
    { rule: "aws-final-snapshots", type: "aws:ebs/volume:Volume", level: "advisory", bad: {}, good: { finalSnapshot: true } },
    ...["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"]
        .map((type): Case => ({ rule: "aws-automated-backups-outlive-databases", type, level: "advisory", bad: {}, good: { deleteAutomatedBackups: false } })),
    ...["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:neptune/cluster:Cluster"]
        .map((type): Case => ({ rule: "aws-snapshot-tags-copied", type, level: "advisory", bad: { copyTagsToSnapshot: false }, good: { copyTagsToSnapshot: true } })),
    { rule: "aws-backup-recovery-points-protected", type: "aws:backup/vault:Vault", level: "advisory", bad: { forceDestroy: true }, good: {} },
    { rule: "aws-backup-recovery-points-protected", type: "aws:backup/vaultLockConfiguration:VaultLockConfiguration", level: "advisory", bad: { backupVaultName: "v", minRetentionDays: 30 }, good: { backupVaultName: "v", minRetentionDays: 30, changeableForDays: 3 } },
    ...["aws:elasticache/cluster:Cluster", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:memorydb/cluster:Cluster"]
        .map((type): Case => ({ rule: "aws-cache-snapshots-retained", type, level: "advisory", bad: { snapshotRetentionLimit: 0 }, good: { snapshotRetentionLimit: 7 } })),
    { rule: "aws-volumes-deleted-with-instance", type: "aws:ec2/instance:Instance", level: "advisory", bad: { rootBlockDevice: { deleteOnTermination: false } }, good: { rootBlockDevice: { deleteOnTermination: true } } },
    { rule: "aws-snapshot-block-all-sharing", type: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", level: "advisory", bad: { state: "block-new-sharing" }, good: { state: "block-all-sharing" } },
    // aws-native (CloudFormation shapes and defaults)
    { rule: "aws-images-not-public", type: "aws-native:imagebuilder:DistributionConfiguration", level: "mandatory", bad: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermissionConfiguration: { userGroups: ["all"] } } }] }, good: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { launchPermissionConfiguration: { userIds: [trusted] } } }] }, config: trust },
    { rule: "aws-snapshot-block-all-sharing", type: "aws-native:ec2:SnapshotBlockPublicAccess", level: "advisory", bad: { state: "block-new-sharing" }, good: { state: "block-all-sharing" } },
    { rule: "aws-volumes-encrypted", type: "aws-native:ec2:Volume", level: "mandatory", bad: { availabilityZone: "eu-west-1a", size: 8 }, good: { availabilityZone: "eu-west-1a", size: 8, encrypted: true } },
    { rule: "aws-volumes-encrypted", type: "aws-native:ec2:Instance", level: "mandatory", bad: { imageId: "ami-1" }, good: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] } },
    { rule: "aws-volumes-encrypted", type: "aws-native:ec2:LaunchTemplate", level: "mandatory", bad: { launchTemplateData: { blockDeviceMappings: [{ ebs: { volumeSize: 20 } }] } }, good: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true } }] } } },
    { rule: "aws-databases-encrypted", type: "aws-native:rds:DbInstance", level: "mandatory", bad: { engine: "postgres" }, good: { engine: "postgres", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws-native:rds:DbCluster", level: "mandatory", bad: { engine: "aurora-postgresql" }, good: { engine: "aurora-postgresql", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws-native:rds:GlobalCluster", level: "mandatory", bad: { engine: "aurora-postgresql", storageEncrypted: false }, good: { engine: "aurora-postgresql", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws-native:neptune:DbCluster", level: "mandatory", bad: {}, good: { storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws-native:redshift:Cluster", level: "mandatory", bad: { encrypted: false }, good: {} },
    { rule: "aws-db-backups-retained", type: "aws-native:rds:DbInstance", level: "mandatory", bad: { engine: "postgres" }, good: { engine: "postgres", backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws-native:rds:DbCluster", level: "mandatory", bad: { backupRetentionPeriod: 1 }, good: { backupRetentionPeriod: 14 } },
    { rule: "aws-db-backups-retained", type: "aws-native:neptune:DbCluster", level: "mandatory", bad: {}, good: { backupRetentionPeriod: 7 } },
    { rule: "aws-db-backups-retained", type: "aws-native:redshift:Cluster", level: "mandatory", bad: { automatedSnapshotRetentionPeriod: 0 }, good: { automatedSnapshotRetentionPeriod: 7 } },
    { rule: "aws-snapshots-not-public", type: "aws-native:dlm:LifecyclePolicy", level: "mandatory", bad: nativeDlm({ shareRules: [{ targetAccounts: [stranger] }] }), good: nativeDlm({ shareRules: [{ targetAccounts: [trusted] }] }), config: trust },
    { rule: "aws-snapshots-encrypted", type: "aws-native:dlm:LifecyclePolicy", level: "mandatory", bad: nativeDlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: false, retainRule: { interval: 7, intervalUnit: "DAYS" } }] }), good: nativeDlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true, retainRule: { interval: 7, intervalUnit: "DAYS" } }] }) },
    { rule: "aws-backup-retention-bounded", type: "aws-native:dlm:LifecyclePolicy", level: "mandatory", bad: { ...nativeDlm({}), state: "DISABLED" }, good: nativeDlm({}) },
    { rule: "aws-customer-managed-keys", type: "aws-native:dlm:LifecyclePolicy", level: "advisory", bad: nativeDlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }), good: nativeDlm({ crossRegionCopyRules: [{ target: "us-east-1", encrypted: true, cmkArn: cmk }] }) },
    { rule: "aws-backup-vault-not-public", type: "aws-native:backup:BackupVault", level: "mandatory", bad: { accessPolicy: JSON.parse(vaultPolicy({ AWS: "*" })) }, good: { accessPolicy: JSON.parse(vaultPolicy({ AWS: `arn:aws:iam::${trusted}:root` })) }, config: trust },
    { rule: "aws-backup-vault-not-public", type: "aws-native:backup:LogicallyAirGappedBackupVault", level: "mandatory", bad: { minRetentionDays: 7, maxRetentionDays: 35, accessPolicy: vaultPolicy("*") }, good: { minRetentionDays: 7, maxRetentionDays: 35 } },
    { rule: "aws-backup-copies-trusted", type: "aws-native:backup:BackupPlan", level: "mandatory", bad: nativePlan({ copyActions: [{ destinationBackupVaultArn: `arn:aws:backup:eu-west-1:${stranger}:backup-vault:r`, lifecycle: { deleteAfterDays: 35 } }] }), good: nativePlan({ copyActions: [{ destinationBackupVaultArn: `arn:aws:backup:eu-west-1:${trusted}:backup-vault:r`, lifecycle: { deleteAfterDays: 35 } }] }), config: trust },
    { rule: "aws-backup-retention-bounded", type: "aws-native:backup:BackupPlan", level: "mandatory", bad: nativePlan({ lifecycle: { deleteAfterDays: 1 } }), good: nativePlan({}) },
    { rule: "aws-backup-recovery-points-protected", type: "aws-native:backup:BackupVault", level: "advisory", bad: { lockConfiguration: { minRetentionDays: 30 } }, good: { lockConfiguration: { minRetentionDays: 30, changeableForDays: 3 } } },
    { rule: "aws-customer-managed-keys", type: "aws-native:backup:BackupVault", level: "advisory", bad: { encryptionKeyArn: "alias/aws/backup" }, good: { encryptionKeyArn: cmk } },
    { rule: "aws-customer-managed-keys", type: "aws-native:backup:LogicallyAirGappedBackupVault", level: "advisory", bad: { minRetentionDays: 7, maxRetentionDays: 35 }, good: { minRetentionDays: 7, maxRetentionDays: 35, encryptionKeyArn: cmk } },
    { rule: "aws-volumes-encrypted", type: "aws-native:autoscaling:LaunchConfiguration", level: "mandatory", bad: { imageId: "ami-1", instanceType: "t3.micro" }, good: { imageId: "ami-1", instanceType: "t3.micro", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] } },
    { rule: "aws-volumes-encrypted", type: "aws-native:ec2:SpotFleet", level: "mandatory", bad: { spotFleetRequestConfigData: { iamFleetRole: "r", targetCapacity: 1, launchSpecifications: [{ imageId: "ami-1" }] } }, good: { spotFleetRequestConfigData: { iamFleetRole: "r", targetCapacity: 1, launchSpecifications: [{ imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }] } } },
    { rule: "aws-volumes-encrypted", type: "aws-native:imagebuilder:ImageRecipe", level: "mandatory", bad: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ ebs: { encrypted: false } }] }, good: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ ebs: { volumeSize: 30 } }] } },
    { rule: "aws-volumes-encrypted", type: "aws-native:imagebuilder:ContainerRecipe", level: "mandatory", bad: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: false } }] } }, good: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: true } }] } } },
    { rule: "aws-volumes-encrypted", type: "aws-native:workspaces:Workspace", level: "mandatory", bad: { bundleId: "b", directoryId: "d", userName: "u", rootVolumeEncryptionEnabled: true }, good: { bundleId: "b", directoryId: "d", userName: "u", rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true } },
    ...([
        ["aws-native:ec2:Volume", "kmsKeyId"], ["aws-native:imagebuilder:ContainerRecipe", "kmsKeyId"], ["aws-native:workspaces:Workspace", "volumeEncryptionKey"],
    ] as const).map(([type, field]): Case => ({ rule: "aws-customer-managed-keys", type, level: "advisory", bad: { ...nativeEncrypted[type], [field]: "alias/aws/ebs" }, good: { ...nativeEncrypted[type], [field]: cmk } })),
    { rule: "aws-customer-managed-keys", type: "aws-native:ec2:Instance", level: "advisory", bad: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, good: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: cmk } }] } },
    { rule: "aws-customer-managed-keys", type: "aws-native:ec2:LaunchTemplate", level: "advisory", bad: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true } }] } }, good: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true, kmsKeyId: cmk } }] } } },
    { rule: "aws-customer-managed-keys", type: "aws-native:imagebuilder:ImageRecipe", level: "advisory", bad: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ ebs: { encrypted: true } }] }, good: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ ebs: { kmsKeyId: cmk } }] } },
    { rule: "aws-customer-managed-keys", type: "aws-native:imagebuilder:DistributionConfiguration", level: "advisory", bad: { distributions: [{ region: "r", amiDistributionConfiguration: {} }] }, good: { distributions: [{ region: "r", amiDistributionConfiguration: { kmsKeyId: cmk } }] } },
    { rule: "aws-volumes-deleted-with-instance", type: "aws-native:ec2:Instance", level: "advisory", bad: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { deleteOnTermination: false } }] }, good: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { deleteOnTermination: true } }] } },
    ...[["aws-native:iam:ManagedPolicy", {}], ["aws-native:iam:RolePolicy", { roleName: "ops" }], ["aws-native:iam:UserPolicy", { userName: "ops" }], ["aws-native:iam:GroupPolicy", { groupName: "ops" }]]
        .map(([type, base]): Case => ({ rule: "aws-sharing-permissions-restricted", type: type as string, level: "advisory", bad: { ...(base as object), policyDocument: JSON.parse(sharingPolicy("*")) }, good: { ...(base as object), policyDocument: JSON.parse(sharingPolicy("arn:aws:ec2:eu-west-1::image/ami-1")) } })),
    ...["aws-native:iam:Role", "aws-native:iam:User", "aws-native:iam:Group"]
        .map((type): Case => ({ rule: "aws-sharing-permissions-restricted", type, level: "advisory", bad: { policies: [{ policyName: "share", policyDocument: sharingPolicy("*") }] }, good: { policies: [{ policyName: "share", policyDocument: sharingPolicy("arn:aws:ec2:eu-west-1::image/ami-1") }] } })),
    { rule: "aws-databases-encrypted", type: "aws-native:docdb:GlobalCluster", level: "mandatory", bad: { globalClusterIdentifier: "g" }, good: { globalClusterIdentifier: "g", storageEncrypted: true } },
    { rule: "aws-databases-encrypted", type: "aws-native:neptune:GlobalCluster", level: "mandatory", bad: { storageEncrypted: false }, good: { storageEncrypted: true } },
    { rule: "aws-db-backups-retained", type: "aws-native:docdbelastic:Cluster", level: "mandatory", bad: { shardCount: 1 }, good: { shardCount: 1, backupRetentionPeriod: 7 } },
    ...([
        ["aws-native:rds:DbInstance", "kmsKeyId"], ["aws-native:rds:DbCluster", "kmsKeyId"], ["aws-native:neptune:DbCluster", "kmsKeyId"],
        ["aws-native:docdbelastic:Cluster", "kmsKeyId"], ["aws-native:redshift:Cluster", "kmsKeyId"], ["aws-native:redshiftserverless:Namespace", "kmsKeyId"],
    ] as const).map(([type, field]): Case => ({ rule: "aws-customer-managed-keys", type, level: "advisory", bad: { ...nativeEncrypted[type], [field]: "alias/aws/rds" }, good: { ...nativeEncrypted[type], [field]: cmk } })),
    ...["aws-native:rds:DbInstance", "aws-native:rds:DbCluster"]
        .map((type): Case => ({ rule: "aws-automated-backups-outlive-databases", type, level: "advisory", bad: {}, good: { deleteAutomatedBackups: false } })),
    ...["aws-native:rds:DbInstance", "aws-native:rds:DbCluster", "aws-native:neptune:DbCluster"]
        .map((type): Case => ({ rule: "aws-snapshot-tags-copied", type, level: "advisory", bad: { copyTagsToSnapshot: false }, good: { copyTagsToSnapshot: true } })),
    ...["aws-native:elasticache:CacheCluster", "aws-native:elasticache:ReplicationGroup", "aws-native:memorydb:Cluster"]
        .map((type): Case => ({ rule: "aws-cache-snapshots-retained", type, level: "advisory", bad: { engine: "redis", snapshotRetentionLimit: 0 }, good: { engine: "redis", snapshotRetentionLimit: 7 } })),
    { rule: "aws-backup-retention-bounded", type: "aws-native:redshift:Cluster", level: "mandatory", bad: { clusterType: "single-node" }, good: { clusterType: "single-node", manualSnapshotRetentionPeriod: 30 } },
    { rule: "aws-backup-retention-bounded", type: "aws-native:redshiftserverless:Snapshot", level: "mandatory", bad: { retentionPeriod: -1 }, good: { retentionPeriod: 30 } },
    ...["aws-native:rds:DbSnapshot", "aws-native:rds:ClusterSnapshot"]
        .map((type): Case => ({ rule: "aws-snapshots-expire", type, level: "mandatory", bad: { tags: [{ key: "team", value: "data" }] }, good: { tags: [{ key: "retention-days", value: "30" }] } })),
];

describe("protocol: the AWS catalogue over gRPC", function () {
    const analyzer = useCompiledPack();

    it("has a case for every type every AWS rule checks", () => {
        const covered = new Set(cases.map((entry) => `${entry.rule} ${entry.type}`));
        for (const rule of awsRules) {
            if (isStackRule(rule)) continue;
            for (const type of ruleTypes(rule)) {
                assert.ok(covered.has(`${rule.id} ${type}`), `no protocol case for ${rule.id} on ${type}`);
            }
            const level = cases.find((entry) => entry.rule === rule.id)?.level;
            assert.strictEqual(level, rule.defaultLevel, `${rule.id}: the cases expect ${level}`);
        }
    });

    for (const entry of cases) {
        it(`${entry.rule} on ${entry.type}: blocks the violating resource (${entry.level}) and passes the compliant one`, async () => {
            const client = analyzer();
            await client.configure(entry.config ? { [entry.rule]: entry.config } : {});
            const bad = await client.analyze(resource(entry.type, "bad", entry.bad));
            const verdicts = of(bad, entry.rule);
            assert.ok(verdicts.length > 0, `no verdict from ${entry.rule}: ${JSON.stringify(bad)}`);
            assert.deepStrictEqual([...new Set(verdicts.map((diagnostic) => diagnostic.enforcementLevel))], [entry.level]);
            for (const diagnostic of verdicts) {
                assert.match(diagnostic.message, / at \S+; /);
                assert.doesNotMatch(diagnostic.message, /can't run|could not evaluate|invalid policy config/);
            }
            const good = await client.analyze(resource(entry.type, "good", entry.good));
            assert.deepStrictEqual(of(good, entry.rule), [], JSON.stringify(good));
        });
    }
});
