// The aws-native-insecure resources with the fixes the findings ask for; snapshot-guard reports nothing.
import * as awsnative from "@pulumi/aws-native";

const trustedAccount = "111122223333";
const ebsKey = "arn:aws:kms:eu-west-1:111122223333:key/0f0e0d0c-1b1a-2928-3736-454443424140";
const databaseKey = "arn:aws:kms:eu-west-1:111122223333:key/9a8b7c6d-5e4f-3a2b-1c0d-efefefefefef";
const backupKey = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
const copyKey = "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

// Every volume and instance carries the tag the daily backup selection picks.
const daily = [{ key: "backup", value: "daily" }];

new awsnative.ec2.Volume("data", { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: ebsKey, tags: daily });

new awsnative.ec2.Instance("web", {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: ebsKey, volumeSize: 20 } }],
    tags: daily,
});

// Every volume is deleted with the instance; customer-managed keys.
new awsnative.ec2.Instance("batch", {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: ebsKey } },
        { deviceName: "/dev/sdf", ebs: { encrypted: true, kmsKeyId: ebsKey, volumeSize: 100, deleteOnTermination: true } },
    ],
    tags: daily,
});

new awsnative.autoscaling.LaunchConfiguration("workers-legacy", {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }],
});

new awsnative.ec2.SpotFleet("render-fleet", {
    spotFleetRequestConfigData: {
        iamFleetRole: "arn:aws:iam::111122223333:role/spot-fleet",
        targetCapacity: 4,
        launchSpecifications: [{
            imageId: "ami-0123456789abcdef0",
            instanceType: "c6i.large",
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }],
        }],
    },
});

new awsnative.workspaces.Workspace("analyst-desktop", {
    bundleId: "wsb-0123456789", directoryId: "d-0123456789", userName: "analyst",
    rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: ebsKey,
});

new awsnative.ec2.LaunchTemplate("workers", {
    launchTemplateData: {
        imageId: "ami-0123456789abcdef0",
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50, encrypted: true, kmsKeyId: ebsKey } }],
    },
});

new awsnative.ec2.SnapshotBlockPublicAccess("snapshot-guardrail", { state: "block-all-sharing" });

// Shared only with an account listed in policy-config.json.
new awsnative.imagebuilder.DistributionConfiguration("golden-partner", {
    distributions: [{
        region: "eu-west-1",
        amiDistributionConfiguration: { kmsKeyId: ebsKey, launchPermissionConfiguration: { userIds: [trustedAccount] } },
    }],
});

// Build volumes encrypted under a customer key (or left to inherit the parent image's encryption).
const goldenRecipe = new awsnative.imagebuilder.ImageRecipe("golden-recipe", {
    parentImage: "ami-0123456789abcdef0",
    version: "1.0.0",
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: ebsKey, volumeSize: 30 } }],
});
// Shared through AWS RAM inside the organization only.
new awsnative.ram.ResourceShare("golden-share", {
    name: "golden", allowExternalPrincipals: false, principals: [trustedAccount], resourceArns: [goldenRecipe.arn],
});

new awsnative.imagebuilder.ContainerRecipe("api-image", {
    containerType: "DOCKER",
    parentImage: "amazonlinux:2023",
    version: "1.0.0",
    dockerfileTemplateData: "FROM {{{ imagebuilder:parentImage }}}",
    targetRepository: { repositoryName: "api", service: "ECR" },
    kmsKeyId: ebsKey,
    instanceConfiguration: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: ebsKey } }] },
});

// Shared only with the trusted account; copies encrypted under a customer key and expired after 14 days.
new awsnative.dlm.LifecyclePolicy("daily-snapshots", {
    description: "daily snapshots of tagged volumes",
    executionRoleArn: "arn:aws:iam::111122223333:role/dlm-lifecycle",
    state: "ENABLED",
    policyDetails: {
        resourceTypes: ["VOLUME"],
        targetTags: [{ key: "backup", value: "daily" }],
        schedules: [{
            name: "daily",
            createRule: { interval: 24, intervalUnit: "HOURS" },
            retainRule: { count: 7 },
            shareRules: [{ targetAccounts: [trustedAccount] }],
            crossRegionCopyRules: [{
                targetRegion: "us-east-1", encrypted: true, cmkArn: copyKey,
                retainRule: { interval: 14, intervalUnit: "DAYS" },
            }],
        }],
    },
});

// Only the trusted account may copy into the vault; compliance-mode lock; customer-managed key.
const backupVault = new awsnative.backup.BackupVault("backups", {
    backupVaultName: "backups",
    encryptionKeyArn: backupKey,
    accessPolicy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${trustedAccount}:root` }, Action: "backup:CopyIntoBackupVault", Resource: "*" }],
    },
    lockConfiguration: { minRetentionDays: 7, changeableForDays: 3 },
});

new awsnative.backup.LogicallyAirGappedBackupVault("air-gapped", {
    backupVaultName: "air-gapped",
    minRetentionDays: 7,
    maxRetentionDays: 35,
    encryptionKeyArn: backupKey,
});

// Recovery points and their copies in the trusted account's vault expire after 35 days.
const dailyBackups = new awsnative.backup.BackupPlan("daily-backups", {
    backupPlan: {
        backupPlanName: "daily",
        backupPlanRule: [{
            ruleName: "daily",
            targetBackupVault: backupVault.backupVaultName,
            scheduleExpression: "cron(0 5 * * ? *)",
            lifecycle: { deleteAfterDays: 35 },
            copyActions: [{
                destinationBackupVaultArn: `arn:aws:backup:eu-west-1:${trustedAccount}:backup-vault:recovery`,
                lifecycle: { deleteAfterDays: 35 },
            }],
        }],
    },
});

// Everything tagged backup=daily is in the plan.
new awsnative.backup.BackupSelection("daily-selection", {
    backupPlanId: dailyBackups.backupPlanId,
    backupSelection: {
        selectionName: "daily",
        iamRoleArn: "arn:aws:iam::111122223333:role/backup",
        listOfTags: [{ conditionType: "STRINGEQUALS", conditionKey: "backup", conditionValue: "daily" }],
    },
});

// A customer key only the own account may use, protecting a locked vault.
const archiveKey = new awsnative.kms.Key("shared-key", {
    description: "archive key",
    keyPolicy: {
        Version: "2012-10-17",
        Statement: [{ Sid: "owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${trustedAccount}:root` }, Action: "kms:*", Resource: "*" }],
    },
});
new awsnative.backup.BackupVault("archive", {
    backupVaultName: "archive", encryptionKeyArn: archiveKey.arn, lockConfiguration: { minRetentionDays: 7, changeableForDays: 3 },
});

// Sharing limited to the team's own images, by tag.
new awsnative.iam.ManagedPolicy("snapshot-sharing", {
    policyDocument: {
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow", Action: "ec2:ModifySnapshotAttribute", Resource: "*",
            Condition: { StringEquals: { "aws:ResourceTag/team": "platform" } },
        }],
    },
});
new awsnative.iam.Role("image-publisher", {
    assumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "imagebuilder.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    policies: [{
        policyName: "publish",
        policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:ModifyImageAttribute", Resource: "arn:aws:ec2:eu-west-1::image/ami-0123456789abcdef0" }] },
    }],
});

new awsnative.rds.DbInstance("orders-db", {
    engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", dbInstanceIdentifier: "orders",
    storageEncrypted: true, kmsKeyId: databaseKey, backupRetentionPeriod: 14, deleteAutomatedBackups: false, copyTagsToSnapshot: true,
});
new awsnative.rds.DbCluster("ledger", {
    engine: "aurora-postgresql", dbClusterIdentifier: "ledger",
    storageEncrypted: true, kmsKeyId: databaseKey, backupRetentionPeriod: 14, deleteAutomatedBackups: false, copyTagsToSnapshot: true,
});
new awsnative.rds.GlobalCluster("ledger-global", { engine: "aurora-postgresql", storageEncrypted: true });
new awsnative.neptune.DbCluster("graph", { storageEncrypted: true, kmsKeyId: databaseKey, backupRetentionPeriod: 7, copyTagsToSnapshot: true });
new awsnative.neptune.GlobalCluster("graph-global", { globalClusterIdentifier: "graph-global", storageEncrypted: true });
new awsnative.docdb.GlobalCluster("catalog-global", { globalClusterIdentifier: "catalog-global", storageEncrypted: true });
new awsnative.redshift.Cluster("warehouse", {
    clusterType: "single-node", nodeType: "ra3.xlplus", dbName: "dev", masterUsername: "admin",
    encrypted: true, kmsKeyId: databaseKey, automatedSnapshotRetentionPeriod: 7, manualSnapshotRetentionPeriod: 30,
});
new awsnative.docdbelastic.Cluster("catalog", {
    adminUserName: "catalog", authType: "SECRET_ARN", shardCapacity: 2, shardCount: 1,
    backupRetentionPeriod: 7, kmsKeyId: databaseKey,
});
new awsnative.redshiftserverless.Namespace("analytics", { namespaceName: "analytics", kmsKeyId: databaseKey });
new awsnative.redshiftserverless.Snapshot("analytics-before-migration", { namespaceName: "analytics", snapshotName: "before-migration", retentionPeriod: 30 });

// Manual snapshots carry an expiry tag.
new awsnative.rds.DbSnapshot("orders-before-upgrade", {
    dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-before-upgrade", tags: [{ key: "retention-days", value: "30" }],
});
new awsnative.rds.ClusterSnapshot("ledger-before-upgrade", {
    dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "ledger-before-upgrade",
    tags: [{ key: "team", value: "finance" }, { key: "expires-on", value: "2099-01-31" }],
});

// Caches keep a week of automatic snapshots.
new awsnative.elasticache.CacheCluster("sessions", { engine: "redis", cacheNodeType: "cache.t4g.micro", numCacheNodes: 1, snapshotRetentionLimit: 7 });
new awsnative.elasticache.ReplicationGroup("queues", { replicationGroupDescription: "job queues", engine: "valkey", cacheNodeType: "cache.t4g.small", snapshotRetentionLimit: 7 });
new awsnative.memorydb.Cluster("ledger-cache", { aclName: "open-access", nodeType: "db.t4g.small", snapshotRetentionLimit: 7 });
