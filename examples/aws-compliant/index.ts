// The aws-insecure resources, fixed. `snapshot-guard scan examples/aws-compliant
// --policy-pack-config examples/aws-compliant/policy-config.json` reports nothing: no mandatory and
// no advisory finding.
import * as aws from "@pulumi/aws";

const goldenImageId = "ami-0123456789abcdef0";
const partnerAccount = "111122223333"; // listed in trustedAccountIds (policy-config.json)

// ---- Account guardrails -------------------------------------------------------------------

// Encryption by default and block public access for snapshots and AMIs, in every region used.
new aws.ebs.EncryptionByDefault("ebs-encryption", { enabled: true });
new aws.ec2.ImageBlockPublicAccess("ami-guardrail", { state: "block-new-sharing" });
new aws.ebs.SnapshotBlockPublicAccess("snapshot-guardrail", { state: "block-all-sharing" });
new aws.ebs.SnapshotBlockPublicAccess("snapshot-guardrail-us", { state: "block-all-sharing", region: "us-east-1" });

// Exposure: images are shared only with an account listed in trustedAccountIds.
new aws.ec2.AmiLaunchPermission("golden-partner", { imageId: goldenImageId, accountId: partnerAccount });

// One customer-managed key for volumes, snapshots, images, databases and backups.
const key = new aws.kms.Key("storage", { description: "EBS, RDS and AWS Backup", enableKeyRotation: true });

// ---- EBS: volumes, snapshots, copies -------------------------------------------------------

// Encrypted on the customer key, a final snapshot on delete, selected by the nightly DLM policy.
const ordersData = new aws.ebs.Volume("orders-data", {
    availabilityZone: "eu-west-1a",
    size: 100,
    encrypted: true,
    kmsKeyId: key.arn,
    finalSnapshot: true,
    tags: { backup: "nightly" },
});

// The snapshot inherits the volume's encryption, expires, and is shared only with a trusted account.
const ordersSnapshot = new aws.ebs.Snapshot("orders-data-snapshot", {
    volumeId: ordersData.id,
    tags: { "retention-days": "30" },
});
new aws.ec2.SnapshotCreateVolumePermission("orders-data-snapshot-partner", {
    snapshotId: ordersSnapshot.id,
    accountId: partnerAccount,
});

// The cross-region copy is encrypted on a customer key and expires.
new aws.ebs.SnapshotCopy("orders-data-copy", {
    sourceSnapshotId: ordersSnapshot.id,
    sourceRegion: "eu-west-1",
    encrypted: true,
    kmsKeyId: key.arn,
    tags: { "retention-days": "30" },
});

// ---- EC2: instances, templates, images -----------------------------------------------------

// Every block device encrypted on the customer key and deleted with the instance (the default);
// AWS Backup selects the instance below.
const worker = new aws.ec2.Instance("worker", {
    ami: goldenImageId,
    instanceType: "t3.micro",
    rootBlockDevice: { encrypted: true, kmsKeyId: key.arn },
    ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50, encrypted: true, kmsKeyId: key.arn, deleteOnTermination: true }],
});
new aws.ec2.LaunchTemplate("worker-template", {
    imageId: goldenImageId,
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "true", kmsKeyId: key.arn } }],
});

// An image of the encrypted instance, deprecated after a release cycle.
new aws.ec2.AmiFromInstance("worker-image", { sourceInstanceId: worker.id, deprecationTime: "2027-06-30T00:00:00Z" });

// ---- Databases ------------------------------------------------------------------------------

// Encrypted storage, two weeks of automated backups kept after deletion, a final snapshot, tags
// copied to snapshots.
const ordersDb = new aws.rds.Instance("orders-db", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    backupRetentionPeriod: 14,
    deleteAutomatedBackups: false,
    copyTagsToSnapshot: true,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "orders-db-final",
});

// A manual snapshot of the encrypted database, shared only with a trusted account, with an expiry.
new aws.rds.Snapshot("orders-db-snapshot", {
    dbInstanceIdentifier: ordersDb.identifier,
    dbSnapshotIdentifier: "orders-db-manual",
    sharedAccounts: [partnerAccount],
    tags: { "retention-days": "30" },
});

// A Redis cache with a week of automatic snapshots.
new aws.elasticache.ReplicationGroup("sessions", {
    description: "session cache",
    engine: "redis",
    nodeType: "cache.t4g.micro",
    numCacheClusters: 1,
    atRestEncryptionEnabled: true,
    kmsKeyId: key.arn,
    snapshotRetentionLimit: 7,
});

// ---- AWS Backup and Data Lifecycle Manager -------------------------------------------------

// A vault on the customer key, locked in compliance mode, usable only by a trusted account.
const vault = new aws.backup.Vault("backups", { kmsKeyArn: key.arn });
new aws.backup.VaultLockConfiguration("backups-lock", {
    backupVaultName: vault.name,
    changeableForDays: 3,
    minRetentionDays: 7,
    maxRetentionDays: 35,
});
new aws.backup.VaultPolicy("backups-policy", {
    backupVaultName: vault.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{
            Effect: "Allow",
            Principal: { AWS: `arn:aws:iam::${partnerAccount}:root` },
            Action: ["backup:CopyIntoBackupVault"],
            Resource: "*",
        }],
    }),
});

// Recovery points expire after 35 days; the selection covers the instance and the database.
const daily = new aws.backup.Plan("daily", {
    rules: [{ ruleName: "daily", targetVaultName: vault.name, schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 35 } }],
});
new aws.backup.Selection("daily-selection", {
    planId: daily.id,
    iamRoleArn: "arn:aws:iam::123456789012:role/aws-backup",
    resources: [worker.arn, ordersDb.arn],
});

// Nightly snapshots of tagged volumes, kept a week, shared only with a trusted account, copied to a
// second region encrypted on a customer key.
new aws.dlm.LifecyclePolicy("nightly", {
    description: "nightly volume snapshots",
    executionRoleArn: "arn:aws:iam::123456789012:role/dlm-lifecycle",
    state: "ENABLED",
    policyDetails: {
        resourceTypes: ["VOLUME"],
        targetTags: { backup: "nightly" },
        schedules: [{
            name: "nightly",
            createRule: { interval: 24, intervalUnit: "HOURS", times: "03:00" },
            retainRule: { count: 7 },
            shareRule: { targetAccounts: [partnerAccount] },
            crossRegionCopyRules: [{
                target: "us-east-1",
                encrypted: true,
                cmkArn: "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                retainRule: { interval: 7, intervalUnit: "DAYS" },
            }],
        }],
    },
});
