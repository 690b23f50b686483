import { customerManagedKeys } from "../../policies/aws/customer-managed-keys";
import { databasesEncrypted } from "../../policies/aws/databases-encrypted";
import { snapshotsEncrypted } from "../../policies/aws/snapshots-encrypted";
import { volumesEncrypted } from "../../policies/aws/volumes-encrypted";
import type { Rule } from "../../core/rule";
import { assertOutcome, describeRule, evaluate, secret, UNKNOWN } from "../harness";

const keyId = "1234abcd-12ab-34cd-56ef-1234567890ab";
const key = `arn:aws:kms:eu-west-1:111122223333:key/${keyId}`;
const otherKey = "arn:aws:kms:eu-west-1:111122223333:key/ffffffff-0000-0000-0000-000000000000";
const allow = { allowedKeyIds: [keyId] };
const exempt = { exemptions: [{ resource: "subject", reason: "AWS-managed key accepted for dev", expires: "2999-01-01" }] };

for (const [type, field, base] of [
    ["aws:ebs/volume:Volume", "kmsKeyId", { encrypted: true, size: 8 }],
    ["aws:ebs/snapshotCopy:SnapshotCopy", "kmsKeyId", { encrypted: true, sourceSnapshotId: "snap-1" }],
    ["aws:ebs/snapshotImport:SnapshotImport", "kmsKeyId", { encrypted: true }],
    ["aws:ebs/defaultKmsKey:DefaultKmsKey", "keyArn", {}],
    ["aws:ec2/amiCopy:AmiCopy", "kmsKeyId", { encrypted: true, sourceAmiId: "ami-1" }],
    ["aws:imagebuilder/containerRecipe:ContainerRecipe", "kmsKeyId", { containerType: "DOCKER" }],
    ["aws:backup/vault:Vault", "kmsKeyArn", { name: "vault" }],
    ["aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", "encryptionKeyArn", { minRetentionDays: 7, maxRetentionDays: 35 }],
    ["aws:rds/instance:Instance", "kmsKeyId", { storageEncrypted: true }],
    ["aws:rds/cluster:Cluster", "kmsKeyId", { storageEncrypted: true }],
    ["aws:rds/snapshotCopy:SnapshotCopy", "kmsKeyId", { sourceDbSnapshotIdentifier: "s" }],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "kmsKeyId", { sourceDbClusterSnapshotIdentifier: "s" }],
    ["aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "kmsKeyId", { sourceDbInstanceArn: "arn" }],
    ["aws:docdb/cluster:Cluster", "kmsKeyId", { storageEncrypted: true }],
    ["aws:docdb/elasticCluster:ElasticCluster", "kmsKeyId", { shardCount: 1 }],
    ["aws:neptune/cluster:Cluster", "kmsKeyArn", { storageEncrypted: true }],
    ["aws:redshift/cluster:Cluster", "kmsKeyId", { encrypted: "true" }],
    ["aws:redshift/snapshotCopyGrant:SnapshotCopyGrant", "kmsKeyId", { snapshotCopyGrantName: "g" }],
    ["aws:redshiftserverless/namespace:Namespace", "kmsKeyId", { namespaceName: "n" }],
    ["aws:memorydb/snapshot:Snapshot", "kmsKeyArn", { clusterName: "c" }],
    ["aws:workspaces/workspace:Workspace", "volumeEncryptionKey", { rootVolumeEncryptionEnabled: true }],
    // aws-native (CloudFormation field names)
    ["aws-native:backup:BackupVault", "encryptionKeyArn", { backupVaultName: "vault" }],
    ["aws-native:backup:LogicallyAirGappedBackupVault", "encryptionKeyArn", { minRetentionDays: 7, maxRetentionDays: 35 }],
    ["aws-native:ec2:Volume", "kmsKeyId", { encrypted: true, availabilityZone: "eu-west-1a" }],
    ["aws-native:imagebuilder:ContainerRecipe", "kmsKeyId", { containerType: "DOCKER" }],
    ["aws-native:workspaces:Workspace", "volumeEncryptionKey", { rootVolumeEncryptionEnabled: true }],
    ["aws-native:rds:DbCluster", "kmsKeyId", { storageEncrypted: true }],
    ["aws-native:neptune:DbCluster", "kmsKeyId", { storageEncrypted: true }],
    ["aws-native:docdbelastic:Cluster", "kmsKeyId", { shardCount: 1 }],
    ["aws-native:redshift:Cluster", "kmsKeyId", { encrypted: true }],
    ["aws-native:redshiftserverless:Namespace", "kmsKeyId", { namespaceName: "n" }],
] as const) {
    describeRule(customerManagedKeys, type, [
        { name: "customer-managed key ARN", props: { ...base, [field]: key }, expect: "pass" },
        { name: "customer alias", props: { ...base, [field]: "alias/storage" }, expect: "pass" },
        { name: "key omitted: AWS-managed key", props: { ...base }, expect: "fail", paths: [field], message: new RegExp(`AWS-managed key \\(${field} omitted\\) at ${field}; set \`${field}\``) },
        { name: "AWS-managed alias", props: { ...base, [field]: "alias/aws/ebs" }, expect: "fail", paths: [field], message: /alias\/aws\/ alias/ },
        { name: "AWS-managed alias ARN", props: { ...base, [field]: "arn:aws:kms:eu-west-1:111122223333:alias/aws/rds" }, expect: "fail", paths: [field] },
        { name: "allowed by key id", props: { ...base, [field]: key }, config: allow, expect: "pass" },
        { name: "not in allowedKeyIds, key not echoed", props: { ...base, [field]: otherKey }, config: allow, expect: "fail", paths: [field], message: /^(?![\s\S]*ffffffff)[\s\S]*not in allowedKeyIds/ },
        { name: "secret key that is allowed", props: { ...base, [field]: secret(key) }, config: allow, expect: "pass" },
        { name: "key unknown during preview, no allow-list: presence counts", props: { ...base, [field]: UNKNOWN }, expect: "pass" },
        { name: "key unknown during preview with an allow-list", props: { ...base, [field]: UNKNOWN }, config: allow, expect: "defer" },
        { name: "AWS-managed key exempted", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "invalid allow-list in config", props: { ...base, [field]: key }, config: { allowedKeyIds: [""] }, expect: "fail", message: /invalid policy config: .*allowedKeyIds\[0\]/ },
    ]);
}

describeRule(customerManagedKeys, "aws:rds/instance:Instance", [
    { name: "same-region read replica with kmsKeyId omitted inherits the source key", props: { replicateSourceDb: "primary" }, expect: "pass" },
    { name: "cross-region replica with an AWS-managed key", props: { replicateSourceDb: "arn", kmsKeyId: "alias/aws/rds" }, expect: "fail", paths: ["kmsKeyId"] },
    { name: "restored from a snapshot, kmsKeyId omitted: keeps the snapshot's key", props: { snapshotIdentifier: "snap" }, expect: "pass" },
    { name: "restored from a snapshot onto an AWS-managed key", props: { snapshotIdentifier: "snap", kmsKeyId: "alias/aws/rds" }, expect: "fail", paths: ["kmsKeyId"] },
    { name: "storage encryption unknown, key omitted: waits for the flag", props: { storageEncrypted: UNKNOWN }, expect: "defer", paths: ["storageEncrypted"] },
]);

describeRule(customerManagedKeys, "aws:rds/cluster:Cluster", [
    { name: "serverless v1 (always encrypted), kmsKeyId omitted", props: { engineMode: "serverless" }, expect: "fail", paths: ["kmsKeyId"] },
    { name: "engine mode unknown, encryption and key omitted: waits for the engine mode", props: { engineMode: UNKNOWN }, expect: "defer", paths: ["engineMode"] },
    { name: "replica cluster, kmsKeyId omitted: keeps the source's key", props: { replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:c" }, expect: "pass" },
]);

describeRule(customerManagedKeys, "aws:redshift/cluster:Cluster", [
    { name: "encrypted omitted (Redshift's default is encrypted), kmsKeyId omitted", props: { clusterIdentifier: "c" }, expect: "fail", paths: ["kmsKeyId"] },
]);

describeRule(customerManagedKeys, "aws:workspaces/workspace:Workspace", [
    { name: "only the user volume encrypted, key omitted", props: { userVolumeEncryptionEnabled: true }, expect: "fail", paths: ["volumeEncryptionKey"] },
    { name: "one volume's encryption unknown, the other off, key omitted", props: { rootVolumeEncryptionEnabled: UNKNOWN, userVolumeEncryptionEnabled: false }, expect: "defer", paths: ["rootVolumeEncryptionEnabled"] },
]);

describeRule(customerManagedKeys, "aws:ebs/volume:Volume", [
    { name: "encryption unknown during preview, key omitted: waits for the flag", props: { size: 8, encrypted: UNKNOWN }, expect: "defer", paths: ["encrypted"] },
    { name: "encryption unknown during preview, customer key set: passes either way", props: { size: 8, encrypted: UNKNOWN, kmsKeyId: key }, expect: "pass" },
]);

for (const [type, resource] of [["aws:ec2/instance:Instance", "aws.ec2.Instance"], ["aws:ec2/spotInstanceRequest:SpotInstanceRequest", "aws.ec2.SpotInstanceRequest"]] as const) {
    describeRule(customerManagedKeys, type, [
        { name: "root and extra devices on a customer key", props: { rootBlockDevice: { encrypted: true, kmsKeyId: key }, ebsBlockDevices: [{ deviceName: "/dev/sdf", kmsKeyId: key }] }, expect: "pass" },
        { name: "encrypted root device without a key", props: { ami: "ami-1", rootBlockDevice: { encrypted: true } }, expect: "fail", paths: ["rootBlockDevice.kmsKeyId"], message: new RegExp(`rootBlockDevice of the ${resource.replace(/\./g, "\\.")}`) },
        { name: "extra device without a key", props: { rootBlockDevice: { encrypted: true, kmsKeyId: key }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }, expect: "fail", paths: ["ebsBlockDevices[0].kmsKeyId"] },
        { name: "extra device from a snapshot keeps the snapshot key", props: { rootBlockDevice: { encrypted: true, kmsKeyId: key }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] }, expect: "pass" },
        { name: "root device unknown during preview", props: { rootBlockDevice: UNKNOWN }, expect: "defer" },
        { name: "root key unknown with an allow-list", props: { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN } }, config: allow, expect: "defer" },
        { name: "root encryption unknown, key omitted: waits for the flag", props: { rootBlockDevice: { encrypted: UNKNOWN } }, expect: "defer", paths: ["rootBlockDevice.encrypted"] },
        { name: "root encryption unknown, customer key set: passes either way", props: { rootBlockDevice: { encrypted: UNKNOWN, kmsKeyId: key } }, expect: "pass" },
    ]);
}

describeRule(customerManagedKeys, "aws:ec2/spotFleetRequest:SpotFleetRequest", [
    { name: "root device on a customer key", props: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ kmsKeyId: key }] }] }, expect: "pass" },
    { name: "launchSpecifications omitted", props: { launchTemplateConfigs: [] }, expect: "pass" },
    { name: "root device key omitted", props: { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ encrypted: true }] }] }, expect: "fail", paths: ["launchSpecifications[0].rootBlockDevices[0].kmsKeyId"] },
    { name: "extra device key omitted", props: { launchSpecifications: [{ ami: "ami-1", ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }] }, expect: "fail", paths: ["launchSpecifications[0].ebsBlockDevices[0].kmsKeyId"] },
    { name: "specifications unknown during preview", props: { launchSpecifications: UNKNOWN }, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws:ec2/launchTemplate:LaunchTemplate", [
    { name: "mapping on a customer key", props: { blockDeviceMappings: [{ ebs: { encrypted: "true", kmsKeyId: key } }] }, expect: "pass" },
    { name: "no mappings (blockDeviceMappings omitted)", props: { imageId: "ami-1" }, expect: "pass" },
    { name: "mapping from a snapshot", props: { blockDeviceMappings: [{ ebs: { snapshotId: "snap-1" } }] }, expect: "pass" },
    { name: "mapping key omitted", props: { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { ebs: { encrypted: "true" } }] }, expect: "fail", paths: ["blockDeviceMappings[1].ebs.kmsKeyId"] },
    { name: "ebs unknown during preview", props: { blockDeviceMappings: [{ ebs: UNKNOWN }] }, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws:imagebuilder/imageRecipe:ImageRecipe", [
    { name: "mapping on a customer key", props: { blockDeviceMappings: [{ ebs: { encrypted: "true", kmsKeyId: key } }] }, expect: "pass" },
    { name: "no mappings (blockDeviceMappings omitted)", props: { parentImage: "ami-1" }, expect: "pass" },
    { name: "mapping key omitted", props: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.kmsKeyId"] },
    { name: "mapping key unknown with an allow-list", props: { blockDeviceMappings: [{ ebs: { kmsKeyId: UNKNOWN } }] }, config: allow, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws:imagebuilder/distributionConfiguration:DistributionConfiguration", [
    { name: "AMIs distributed with a customer key", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { kmsKeyId: key } }] }, expect: "pass" },
    { name: "container-only distribution (amiDistributionConfiguration omitted)", props: { distributions: [{ region: "eu-west-1" }] }, expect: "pass" },
    { name: "AMI key omitted", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { name: "img" } }] }, expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.kmsKeyId"] },
    { name: "AMI configuration unknown during preview", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: UNKNOWN }] }, expect: "defer" },
]);

const dlm = (details: Record<string, unknown>) => ({ description: "d", executionRoleArn: "r", policyDetails: details });
describeRule(customerManagedKeys, "aws:dlm/lifecyclePolicy:LifecyclePolicy", [
    { name: "cross-region copy on a customer key", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: [{ encrypted: true, cmkArn: key }] }] }), expect: "pass" },
    { name: "no copies (crossRegionCopyRules omitted)", props: dlm({ schedules: [{ name: "s", retainRule: { count: 7 } }] }), expect: "pass" },
    { name: "cross-region copy cmkArn omitted", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: [{ encrypted: true }] }] }), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].cmkArn"] },
    { name: "event-based copy cmkArn omitted", props: dlm({ action: { name: "a", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }] } }), expect: "fail", paths: ["policyDetails.action.crossRegionCopies[0].encryptionConfiguration.cmkArn"] },
    { name: "copy rules unknown during preview", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: UNKNOWN }] }), expect: "defer" },
]);

// ---- Data that is not encrypted at all: the mandatory encryption rule reports it, this rule does not ----
// Each row: this rule passes, and the named encryption rule fails at the given paths (one report, not two).

const notEncrypted: Array<[string, string, Record<string, unknown>, Rule, string[]]> = [
    ["aws:ebs/volume:Volume", "encrypted omitted", { size: 8 }, volumesEncrypted, ["encrypted"]],
    ["aws:ebs/volume:Volume", "encrypted false with an AWS-managed alias", { size: 8, encrypted: false, kmsKeyId: "alias/aws/ebs" }, volumesEncrypted, ["encrypted"]],
    ["aws:ebs/snapshotCopy:SnapshotCopy", "encrypted omitted", { sourceSnapshotId: "snap-1" }, snapshotsEncrypted, ["encrypted"]],
    ["aws:ebs/snapshotImport:SnapshotImport", "encrypted false", { encrypted: false }, snapshotsEncrypted, ["encrypted"]],
    ["aws:ec2/amiCopy:AmiCopy", "encrypted omitted", { sourceAmiId: "ami-1" }, snapshotsEncrypted, ["encrypted"]],
    ["aws:ec2/instance:Instance", "rootBlockDevice omitted", { ami: "ami-1" }, volumesEncrypted, ["rootBlockDevice.encrypted"]],
    ["aws:ec2/instance:Instance", "extra device encrypted false", { rootBlockDevice: { encrypted: true, kmsKeyId: key }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] }, volumesEncrypted, ["ebsBlockDevices[0].encrypted"]],
    ["aws:ec2/spotInstanceRequest:SpotInstanceRequest", "rootBlockDevice.encrypted omitted", { rootBlockDevice: { volumeSize: 8 } }, volumesEncrypted, ["rootBlockDevice.encrypted"]],
    ["aws:ec2/spotFleetRequest:SpotFleetRequest", "root and extra device encrypted omitted", { launchSpecifications: [{ ami: "ami-1", rootBlockDevices: [{ volumeSize: 8 }], ebsBlockDevices: [{ deviceName: "/dev/sdf" }] }] }, volumesEncrypted,
        ["launchSpecifications[0].rootBlockDevices[0].encrypted", "launchSpecifications[0].ebsBlockDevices[0].encrypted"]],
    ["aws:ec2/launchTemplate:LaunchTemplate", "mapping encrypted \"false\"", { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, volumesEncrypted, ["blockDeviceMappings[0].ebs.encrypted"]],
    ["aws:ec2/launchTemplate:LaunchTemplate", "mapping encrypted omitted", { blockDeviceMappings: [{ ebs: { volumeSize: 20 } }] }, volumesEncrypted, ["blockDeviceMappings[0].ebs.encrypted"]],
    ["aws:imagebuilder/imageRecipe:ImageRecipe", "mapping encrypted \"false\"", { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, volumesEncrypted, ["blockDeviceMappings[0].ebs.encrypted"]],
    ["aws:dlm/lifecyclePolicy:LifecyclePolicy", "cross-region copy encrypted false", dlm({ schedules: [{ name: "s", crossRegionCopyRules: [{ target: "us-east-1", encrypted: false }] }] }), snapshotsEncrypted,
        ["policyDetails.schedules[0].crossRegionCopyRules[0].encrypted"]],
    ["aws:dlm/lifecyclePolicy:LifecyclePolicy", "event-based copy without encryptionConfiguration", dlm({ action: { name: "a", crossRegionCopies: [{ target: "us-east-1" }] } }), snapshotsEncrypted,
        ["policyDetails.action.crossRegionCopies[0].encryptionConfiguration.encrypted"]],
    ["aws:rds/instance:Instance", "storageEncrypted omitted", { engine: "postgres" }, databasesEncrypted, ["storageEncrypted"]],
    ["aws:rds/instance:Instance", "storageEncrypted false with an AWS-managed alias", { storageEncrypted: false, kmsKeyId: "alias/aws/rds" }, databasesEncrypted, ["storageEncrypted"]],
    ["aws:rds/cluster:Cluster", "provisioned, storageEncrypted omitted", { engine: "aurora-postgresql" }, databasesEncrypted, ["storageEncrypted"]],
    ["aws:docdb/cluster:Cluster", "storageEncrypted omitted", { clusterIdentifier: "c" }, databasesEncrypted, ["storageEncrypted"]],
    ["aws:neptune/cluster:Cluster", "storageEncrypted \"false\"", { storageEncrypted: "false" }, databasesEncrypted, ["storageEncrypted"]],
    ["aws:redshift/cluster:Cluster", "encrypted \"false\"", { encrypted: "false" }, databasesEncrypted, ["encrypted"]],
    ["aws:workspaces/workspace:Workspace", "neither volume encrypted", { bundleId: "b" }, volumesEncrypted, ["rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"]],
];

for (const [type, situation, props, encryptionRule, paths] of notEncrypted) {
    const name = `not encrypted at all (${situation}): left to ${encryptionRule.id}`;
    describeRule(customerManagedKeys, type, [{ name, props, expect: "pass" }]);
    it(`${encryptionRule.id} reports what aws-customer-managed-keys leaves out on ${type}: ${situation}`, () => {
        assertOutcome(evaluate(encryptionRule, { type, props }), { name, props, expect: "fail", paths });
    });
}
describeRule(customerManagedKeys, "aws-native:dlm:LifecyclePolicy", [
    { name: "cross-region copy on a customer key", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: [{ encrypted: true, cmkArn: key }] }] }), expect: "pass" },
    { name: "no copies (crossRegionCopyRules omitted)", props: dlm({ schedules: [{ name: "s", retainRule: { count: 7 } }] }), expect: "pass" },
    { name: "cross-region copy cmkArn omitted", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: [{ encrypted: true }] }] }), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].cmkArn"], message: /of the aws-native\.dlm\.LifecyclePolicy/ },
    { name: "event-based copy cmkArn omitted", props: dlm({ actions: [{ name: "a", crossRegionCopy: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }] }] }), expect: "fail", paths: ["policyDetails.actions[0].crossRegionCopy[0].encryptionConfiguration.cmkArn"] },
    { name: "event-based copy on an AWS-managed alias", props: dlm({ actions: [{ name: "a", crossRegionCopy: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true, cmkArn: "alias/aws/ebs" } }] }] }), expect: "fail", paths: ["policyDetails.actions[0].crossRegionCopy[0].encryptionConfiguration.cmkArn"] },
    { name: "copy rules unknown during preview", props: dlm({ schedules: [{ name: "s", crossRegionCopyRules: UNKNOWN }] }), expect: "defer" },
]);

describeRule(customerManagedKeys, "aws-native:ec2:Instance", [
    { name: "mapping on a customer key", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: key } }] }, expect: "pass" },
    { name: "no mappings (blockDeviceMappings omitted: judged by aws-volumes-encrypted)", props: { imageId: "ami-1" }, expect: "pass" },
    { name: "mapping from a snapshot keeps its key", props: { blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: "snap-1" } }] }, expect: "pass" },
    { name: "mapping key omitted", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.kmsKeyId"], message: /on blockDeviceMappings\[0\]\.ebs of the aws-native\.ec2\.Instance/ },
    { name: "mappings unknown during preview", props: { blockDeviceMappings: UNKNOWN }, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws-native:ec2:LaunchTemplate", [
    { name: "mapping on a customer key", props: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true, kmsKeyId: key } }] } }, expect: "pass" },
    { name: "no mappings (blockDeviceMappings omitted)", props: { launchTemplateData: { imageId: "ami-1" } }, expect: "pass" },
    { name: "mapping key omitted", props: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true } }] } }, expect: "fail", paths: ["launchTemplateData.blockDeviceMappings[0].ebs.kmsKeyId"] },
    { name: "AWS-managed alias", props: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: true, kmsKeyId: "alias/aws/ebs" } }] } }, expect: "fail", paths: ["launchTemplateData.blockDeviceMappings[0].ebs.kmsKeyId"] },
    { name: "template data unknown during preview", props: { launchTemplateData: UNKNOWN }, expect: "defer", paths: ["launchTemplateData"] },
]);

describeRule(customerManagedKeys, "aws-native:imagebuilder:ImageRecipe", [
    { name: "mapping on a customer key", props: { parentImage: "ami-1", blockDeviceMappings: [{ ebs: { encrypted: true, kmsKeyId: key } }] }, expect: "pass" },
    { name: "no mappings (blockDeviceMappings omitted)", props: { parentImage: "ami-1" }, expect: "pass" },
    { name: "mapping key omitted", props: { blockDeviceMappings: [{ ebs: { encrypted: true } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.kmsKeyId"] },
    { name: "mapping key unknown with an allow-list", props: { blockDeviceMappings: [{ ebs: { kmsKeyId: UNKNOWN } }] }, config: allow, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws-native:imagebuilder:DistributionConfiguration", [
    { name: "AMIs distributed with a customer key", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { kmsKeyId: key } }] }, expect: "pass" },
    { name: "container-only distribution (amiDistributionConfiguration omitted)", props: { distributions: [{ region: "eu-west-1" }] }, expect: "pass" },
    { name: "AMI key omitted", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: { name: "img" } }] }, expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.kmsKeyId"], message: /aws-native\.imagebuilder\.DistributionConfiguration/ },
    { name: "AMI configuration unknown during preview", props: { distributions: [{ region: "eu-west-1", amiDistributionConfiguration: UNKNOWN }] }, expect: "defer" },
]);

describeRule(customerManagedKeys, "aws-native:rds:DbInstance", [
    { name: "customer-managed key", props: { engine: "postgres", storageEncrypted: true, kmsKeyId: key }, expect: "pass" },
    { name: "key omitted", props: { engine: "postgres", storageEncrypted: true }, expect: "fail", paths: ["kmsKeyId"], message: /aws-native\.rds\.DbInstance/ },
    { name: "Aurora instance: the cluster holds the key", props: { engine: "aurora-postgresql", dbClusterIdentifier: "c" }, expect: "pass" },
    { name: "same-region read replica takes the source's key", props: { sourceDbInstanceIdentifier: "orders" }, expect: "pass" },
    { name: "replicated backups: key omitted", props: { engine: "postgres", kmsKeyId: key, automaticBackupReplicationRegion: "us-east-1" }, expect: "fail", paths: ["automaticBackupReplicationKmsKeyId"] },
    { name: "replicated backups on a customer key", props: { engine: "postgres", kmsKeyId: key, automaticBackupReplicationRegion: "us-east-1", automaticBackupReplicationKmsKeyId: otherKey }, expect: "pass" },
    { name: "key unknown with an allow-list", props: { engine: "postgres", storageEncrypted: true, kmsKeyId: UNKNOWN }, config: allow, expect: "defer" },
]);

// aws-native: unencrypted data is the mandatory encryption rules' finding; this rule says nothing about its key.
for (const [type, flag, field] of [
    ["aws-native:ec2:Volume", "encrypted", "kmsKeyId"],
    ["aws-native:rds:DbInstance", "storageEncrypted", "kmsKeyId"],
    ["aws-native:rds:DbCluster", "storageEncrypted", "kmsKeyId"],
    ["aws-native:neptune:DbCluster", "storageEncrypted", "kmsKeyId"],
] as const) {
    describeRule(customerManagedKeys, type, [
        { name: "not encrypted (CloudFormation's default), key omitted: the encryption rules report it", props: {}, expect: "pass" },
        { name: "encryption off, key omitted", props: { [flag]: false }, expect: "pass" },
        { name: "encryption unknown during preview, key omitted: waits for the flag", props: { [flag]: UNKNOWN }, expect: "defer", paths: [flag] },
        { name: "encrypted with the AWS-managed key", props: { [flag]: true }, expect: "fail", paths: [field] },
    ]);
}

describeRule(customerManagedKeys, "aws-native:rds:DbCluster", [
    { name: "serverless v1 (always encrypted), kmsKeyId omitted", props: { engineMode: "serverless" }, expect: "fail", paths: ["kmsKeyId"] },
    { name: "restored from a snapshot, kmsKeyId omitted: keeps the snapshot's key", props: { snapshotIdentifier: "snap" }, expect: "pass" },
]);

describeRule(customerManagedKeys, "aws-native:redshift:Cluster", [
    { name: "encrypted omitted (encrypted by default), kmsKeyId omitted", props: { clusterIdentifier: "c" }, expect: "fail", paths: ["kmsKeyId"] },
    { name: "encrypted: false, key omitted: aws-databases-encrypted reports it", props: { encrypted: false }, expect: "pass" },
]);

describeRule(customerManagedKeys, "aws-native:workspaces:Workspace", [
    { name: "neither volume encrypted, key omitted", props: { bundleId: "b" }, expect: "pass" },
    { name: "user volume encrypted, key omitted", props: { userVolumeEncryptionEnabled: true }, expect: "fail", paths: ["volumeEncryptionKey"] },
]);
