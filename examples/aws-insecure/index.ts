// Insecure on purpose: every resource below is something snapshot-guard blocks or warns about.
// `snapshot-guard scan examples/aws-insecure` lists the findings; expected-findings.json holds them
// and README.md maps each rule to the resources that demonstrate it.
import * as aws from "@pulumi/aws";

const goldenImageId = "ami-0123456789abcdef0";
const partnerAccount = "999988887777"; // not in trustedAccountIds (there is no policy config here)

// ---- Exposure -------------------------------------------------------------------------------

// An AMI anyone can launch, and a share with an account nobody vetted.
new aws.ec2.AmiLaunchPermission("golden-public", { imageId: goldenImageId, group: "all" });
new aws.ec2.AmiLaunchPermission("golden-partner", { imageId: goldenImageId, accountId: partnerAccount });

// The regional guardrails against public AMIs and public snapshots are switched off, and in a
// second region the snapshot guardrail only blocks new sharing.
new aws.ec2.ImageBlockPublicAccess("ami-guardrail", { state: "unblocked" });
new aws.ebs.SnapshotBlockPublicAccess("snapshot-guardrail", { state: "unblocked" });
new aws.ebs.SnapshotBlockPublicAccess("snapshot-guardrail-us", { state: "block-new-sharing", region: "us-east-1" });

// ---- EBS: volumes, snapshots, copies -------------------------------------------------------

// An unencrypted data volume without a final snapshot, which no backup policy selects.
const ordersData = new aws.ebs.Volume("orders-data", { availabilityZone: "eu-west-1a", size: 100 });

// A snapshot of that volume (so unencrypted too) without an expiry tag, shared with the partner.
const ordersSnapshot = new aws.ebs.Snapshot("orders-data-snapshot", { volumeId: ordersData.id });
new aws.ec2.SnapshotCreateVolumePermission("orders-data-snapshot-partner", {
    snapshotId: ordersSnapshot.id,
    accountId: partnerAccount,
});

// A cross-region copy of the plain snapshot that does not turn encryption on.
new aws.ebs.SnapshotCopy("orders-data-copy", {
    sourceSnapshotId: ordersSnapshot.id,
    sourceRegion: "eu-west-1",
    tags: { "expires-on": "2099-12-31" },
});

// ---- EC2: instances, templates, images -----------------------------------------------------

// Unencrypted root and data volumes; the data volume is left behind when the instance goes.
const worker = new aws.ec2.Instance("worker", {
    ami: goldenImageId,
    instanceType: "t3.micro",
    ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50, encrypted: false, deleteOnTermination: false }],
});
new aws.ec2.LaunchTemplate("worker-template", {
    imageId: goldenImageId,
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "false" } }],
});

// An image of the unencrypted instance that never deprecates.
new aws.ec2.AmiFromInstance("worker-image", { sourceInstanceId: worker.id });

// ---- Databases ------------------------------------------------------------------------------

// Unencrypted storage, automated backups switched off, no final snapshot, tags not copied.
const ordersDb = new aws.rds.Instance("orders-db", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    backupRetentionPeriod: 0,
    skipFinalSnapshot: true,
});

// A manual snapshot of the unencrypted database, public, without an expiry tag.
new aws.rds.Snapshot("orders-db-snapshot", {
    dbInstanceIdentifier: ordersDb.identifier,
    dbSnapshotIdentifier: "orders-db-manual",
    sharedAccounts: ["all"],
});

// A Redis cache without automatic snapshots.
new aws.elasticache.ReplicationGroup("sessions", {
    description: "session cache",
    engine: "redis",
    nodeType: "cache.t4g.micro",
    numCacheClusters: 1,
});

// ---- AWS Backup and Data Lifecycle Manager -------------------------------------------------

// A vault that is deleted with its recovery points, that no Vault Lock protects and that every AWS
// account may use.
const vault = new aws.backup.Vault("backups", { forceDestroy: true });
new aws.backup.VaultPolicy("backups-policy", {
    backupVaultName: vault.name,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: ["backup:CopyIntoBackupVault"], Resource: "*" }],
    }),
});

// Recovery points that never expire, copied every night into a vault of the partner's account.
new aws.backup.Plan("daily", {
    rules: [{
        ruleName: "daily", targetVaultName: vault.name, schedule: "cron(0 3 * * ? *)",
        copyActions: [{ destinationVaultArn: `arn:aws:backup:eu-west-1:${partnerAccount}:backup-vault:partner-recovery`, lifecycle: { deleteAfter: 35 } }],
    }],
});

// A lifecycle policy that shares every snapshot with the partner and copies them to another region
// in the clear. It selects nothing in this stack (no resource carries the tag).
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
            crossRegionCopyRules: [{ target: "us-east-1", encrypted: false, retainRule: { interval: 7, intervalUnit: "DAYS" } }],
        }],
    },
});

// ---- Permissions that expose data without touching a snapshot -------------------------------

// An encrypted copy of the golden image, launchable by the partner, under a key the partner may
// decrypt with: the share works because the key policy hands over the key too.
const goldenKey = new aws.kms.Key("golden-key", {
    description: "golden images",
    enableKeyRotation: true,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "owner", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
            { Sid: "partner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${partnerAccount}:root` }, Action: ["kms:Decrypt", "kms:ReEncrypt*", "kms:CreateGrant", "kms:DescribeKey"], Resource: "*" },
        ],
    }),
});
const goldenCopy = new aws.ec2.AmiCopy("golden-copy", {
    sourceAmiId: goldenImageId,
    sourceAmiRegion: "eu-west-1",
    encrypted: true,
    kmsKeyId: goldenKey.arn,
    deprecationTime: "2099-01-01T00:00:00Z",
});
new aws.ec2.AmiLaunchPermission("golden-copy-partner", { imageId: goldenCopy.id, accountId: partnerAccount });

// A key nothing in this stack uses yet, open to every AWS account.
new aws.kms.Key("spare-key", {
    description: "spare",
    enableKeyRotation: true,
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }],
    }),
});

// An Image Builder image of another stack, shared through RAM with the partner's account.
const imageShare = new aws.ram.ResourceShare("image-share", { name: "golden-images", allowExternalPrincipals: true });
new aws.ram.ResourceAssociation("image-share-golden", {
    resourceArn: "arn:aws:imagebuilder:eu-west-1:123456789012:image/golden/1.0.0/1",
    resourceShareArn: imageShare.arn,
});
new aws.ram.PrincipalAssociation("image-share-partner", { principal: partnerAccount, resourceShareArn: imageShare.arn });

// Whoever holds this policy may share any snapshot or image, or switch the guardrails off.
new aws.iam.Policy("image-ops", {
    policy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["ec2:Describe*", "ec2:Modify*"], Resource: "*" }],
    }),
});
