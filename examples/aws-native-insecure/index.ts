// Insecure on purpose, written with the AWS Cloud Control provider (@pulumi/aws-native, CloudFormation
// shapes). Every resource below is something snapshot-guard blocks or warns about; omitted values are
// judged by CloudFormation's documented defaults. expected-findings.json holds the findings and
// README.md maps each rule to the resources that demonstrate it.
import * as awsnative from "@pulumi/aws-native";

// ---- Volumes, instances and templates -------------------------------------------------------

// `encrypted` omitted: CloudFormation creates the volume unencrypted (unless the account default says otherwise).
new awsnative.ec2.Volume("data", { availabilityZone: "eu-west-1a", size: 100 });

// No block device mappings: the root volume comes from the AMI, unencrypted.
new awsnative.ec2.Instance("web", { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro" });

// The template's EBS mapping leaves `encrypted` out and is not restored from a snapshot.
new awsnative.ec2.LaunchTemplate("workers", {
    launchTemplateData: {
        imageId: "ami-0123456789abcdef0",
        blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50 } }],
    },
});

// The data volume outlives the instance (deleteOnTermination false) and uses the AWS-managed key.
new awsnative.ec2.Instance("batch", {
    imageId: "ami-0123456789abcdef0",
    instanceType: "t3.micro",
    blockDeviceMappings: [
        { deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: "alias/aws/ebs" } },
        { deviceName: "/dev/sdf", ebs: { encrypted: true, volumeSize: 100, deleteOnTermination: false } },
    ],
});

// No block device mappings: every instance the group launches gets the AMI's unencrypted root volume.
new awsnative.autoscaling.LaunchConfiguration("workers-legacy", { imageId: "ami-0123456789abcdef0", instanceType: "t3.micro" });

// The fleet's launch specification turns encryption off.
new awsnative.ec2.SpotFleet("render-fleet", {
    spotFleetRequestConfigData: {
        iamFleetRole: "arn:aws:iam::111122223333:role/spot-fleet",
        targetCapacity: 4,
        launchSpecifications: [{
            imageId: "ami-0123456789abcdef0",
            instanceType: "c6i.large",
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }],
        }],
    },
});

// `encrypted` omitted on both: CloudFormation creates the WorkSpace volumes unencrypted.
new awsnative.workspaces.Workspace("analyst-desktop", { bundleId: "wsb-0123456789", directoryId: "d-0123456789", userName: "analyst" });

// Only new public sharing is blocked: snapshots that were public before stay public.
new awsnative.ec2.SnapshotBlockPublicAccess("snapshot-guardrail", { state: "block-new-sharing" });

// ---- Snapshot lifecycle ---------------------------------------------------------------------

// Daily snapshots shared with an account nobody trusts, copied to another region unencrypted,
// under an AWS-managed key and without a retention rule for the copies.
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
            shareRules: [{ targetAccounts: ["999988887777"] }],
            crossRegionCopyRules: [{ targetRegion: "us-east-1", encrypted: false }],
        }],
    },
});

// ---- Backups --------------------------------------------------------------------------------

// Any AWS account may copy recovery points out of the vault; the lock is in governance mode (no
// changeableForDays) and the vault uses the AWS-managed key.
const backupVault = new awsnative.backup.BackupVault("backups", {
    backupVaultName: "backups",
    accessPolicy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "backup:CopyIntoBackupVault", Resource: "*" }],
    },
    lockConfiguration: { minRetentionDays: 7 },
});

// The air-gapped vault's access policy names an account nobody trusts, and it has no customer key.
new awsnative.backup.LogicallyAirGappedBackupVault("air-gapped", {
    backupVaultName: "air-gapped",
    minRetentionDays: 7,
    maxRetentionDays: 35,
    accessPolicy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: "backup:CopyIntoBackupVault", Resource: "*" }],
    },
});

// A key every AWS account may decrypt with, protecting a vault that no Vault Lock protects: whoever
// obtains a recovery point can read it, and anyone with delete rights can empty the vault.
const sharedKey = new awsnative.kms.Key("shared-key", {
    description: "archive key",
    keyPolicy: {
        Version: "2012-10-17",
        Statement: [{ Sid: "anyone", Effect: "Allow", Principal: "*", Action: ["kms:Decrypt", "kms:DescribeKey"], Resource: "*" }],
    },
});
new awsnative.backup.BackupVault("archive", { backupVaultName: "archive", encryptionKeyArn: sharedKey.arn });

// A spare key whose policy lets an account nobody trusts decrypt.
new awsnative.kms.Key("partner-key", {
    description: "partner exchange",
    keyPolicy: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::999988887777:root" }, Action: "kms:Decrypt", Resource: "*" }],
    },
});

// Recovery points never expire, and every one is copied into a vault of an untrusted account.
new awsnative.backup.BackupPlan("daily-backups", {
    backupPlan: {
        backupPlanName: "daily",
        backupPlanRule: [{
            ruleName: "daily",
            targetBackupVault: backupVault.backupVaultName,
            scheduleExpression: "cron(0 5 * * ? *)",
            copyActions: [{ destinationBackupVaultArn: "arn:aws:backup:eu-west-1:999988887777:backup-vault:partner" }],
        }],
    },
});

// ---- Permissions ----------------------------------------------------------------------------

// Whoever holds these may share any snapshot or image with any account, or switch the guardrail off.
new awsnative.iam.ManagedPolicy("snapshot-sharing", {
    policyDocument: {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["ec2:ModifySnapshotAttribute", "ec2:DisableSnapshotBlockPublicAccess"], Resource: "*" }],
    },
});
new awsnative.iam.Role("image-publisher", {
    assumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "imagebuilder.amazonaws.com" }, Action: "sts:AssumeRole" }] },
    policies: [{
        policyName: "publish",
        policyDocument: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "ec2:ModifyImageAttribute", Resource: "*" }] },
    }],
});

// ---- Images --------------------------------------------------------------------------------

// Every AMI the pipeline distributes is launchable by every AWS account.
new awsnative.imagebuilder.DistributionConfiguration("golden-public", {
    distributions: [{
        region: "eu-west-1",
        amiDistributionConfiguration: { launchPermissionConfiguration: { userGroups: ["all"] } },
    }],
});

// Build volumes with encryption turned off, and a container image under the AWS-managed key.
const goldenRecipe = new awsnative.imagebuilder.ImageRecipe("golden-recipe", {
    parentImage: "ami-0123456789abcdef0",
    version: "1.0.0",
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false, volumeSize: 30 } }],
});
new awsnative.imagebuilder.ContainerRecipe("api-image", {
    containerType: "DOCKER",
    parentImage: "amazonlinux:2023",
    version: "1.0.0",
    dockerfileTemplateData: "FROM {{{ imagebuilder:parentImage }}}",
    targetRepository: { repositoryName: "api", service: "ECR" },
    instanceConfiguration: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }] },
});

// The recipe is shared through AWS RAM with an account nobody trusts (external principals are allowed by default).
new awsnative.ram.ResourceShare("golden-share", { name: "golden", principals: ["999988887777"], resourceArns: [goldenRecipe.arn] });

// ---- Databases -----------------------------------------------------------------------------

// `storageEncrypted` and `backupRetentionPeriod` omitted: unencrypted, one day of automated backups;
// no customer key, snapshots without the database's tags, automated backups deleted with the database.
new awsnative.rds.DbInstance("orders-db", { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20", dbInstanceIdentifier: "orders" });
new awsnative.rds.DbCluster("ledger", { engine: "aurora-postgresql", dbClusterIdentifier: "ledger" });
new awsnative.rds.GlobalCluster("ledger-global", { engine: "aurora-postgresql", storageEncrypted: false });
new awsnative.neptune.DbCluster("graph", {});
new awsnative.neptune.GlobalCluster("graph-global", { globalClusterIdentifier: "graph-global", storageEncrypted: false });
new awsnative.docdb.GlobalCluster("catalog-global", { globalClusterIdentifier: "catalog-global" });
// Redshift keeps manual snapshots forever by default (-1).
new awsnative.redshift.Cluster("warehouse", {
    clusterType: "single-node", nodeType: "ra3.xlplus", dbName: "dev", masterUsername: "admin",
    encrypted: false, automatedSnapshotRetentionPeriod: 1,
});
// One day of snapshots, AWS-managed key.
new awsnative.docdbelastic.Cluster("catalog", {
    adminUserName: "catalog", authType: "SECRET_ARN", shardCapacity: 2, shardCount: 1,
});
new awsnative.redshiftserverless.Namespace("analytics", { namespaceName: "analytics" });
// Kept forever (retention omitted means -1).
new awsnative.redshiftserverless.Snapshot("analytics-before-migration", { namespaceName: "analytics", snapshotName: "before-migration" });

// Manual snapshots with no expiry tag.
new awsnative.rds.DbSnapshot("orders-before-upgrade", { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-before-upgrade" });
new awsnative.rds.ClusterSnapshot("ledger-before-upgrade", {
    dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "ledger-before-upgrade", tags: [{ key: "team", value: "finance" }],
});

// ---- Caches ---------------------------------------------------------------------------------

// Redis, Valkey and MemoryDB without automatic snapshots (snapshotRetentionLimit omitted means 0).
new awsnative.elasticache.CacheCluster("sessions", { engine: "redis", cacheNodeType: "cache.t4g.micro", numCacheNodes: 1 });
new awsnative.elasticache.ReplicationGroup("queues", { replicationGroupDescription: "job queues", engine: "valkey", cacheNodeType: "cache.t4g.small" });
new awsnative.memorydb.Cluster("ledger-cache", { aclName: "open-access", nodeType: "db.t4g.small" });
