// Violating and compliant snippets for the AWS resource rules.
import { ext, json, resource, type Example, type RuleExamples } from "./model";

const one = (type: string, name: string, props: Record<string, unknown>, extra: Omit<Example, "resources"> = {}): Example =>
    ({ resources: [resource(type, name, props)], ...extra });

const trusted = "111122223333";
const trust = { trustedAccountIds: [trusted] };
const keyArn = ext("key.arn", "arn:aws:kms:eu-west-1:111122223333:key/00000000-0000-0000-0000-000000000000");
const amiId = ext("ami.id", "ami-0123456789abcdef0");
const snapshotId = ext("snapshot.id", "snap-0123456789abcdef0");
const vaultName = ext("vault.name", "backups");
const db = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 };
const volume = { availabilityZone: "eu-west-1a", size: 100 };
const vaultPolicy = (principal: unknown) => json({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "backup:CopyIntoBackupVault", Resource: "*" }],
});
const planRule = (extra: Record<string, unknown>) => ({ ruleName: "daily", targetVaultName: vaultName, schedule: "cron(0 5 * * ? *)", ...extra });

export const awsSnippets: Record<string, RuleExamples> = {
    "aws-images-not-public": {
        violating: one("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "public", { imageId: amiId, group: "all" }),
        compliant: one("aws:ec2/amiLaunchPermission:AmiLaunchPermission", "share", { imageId: amiId, accountId: trusted }, { config: trust }),
    },
    "aws-snapshots-not-public": {
        violating: one("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId, accountId: "999988887777" }, { config: trust }),
        compliant: one("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", "share", { snapshotId, accountId: trusted }, { config: trust }),
    },
    "aws-snapshot-block-public-access": {
        violating: one("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "guardrail", { state: "unblocked" }),
        compliant: one("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "guardrail", { state: "block-all-sharing" }),
    },
    "aws-backup-vault-not-public": {
        violating: one("aws:backup/vaultPolicy:VaultPolicy", "copy-in", { backupVaultName: vaultName, policy: vaultPolicy("*") }),
        compliant: one("aws:backup/vaultPolicy:VaultPolicy", "copy-in", { backupVaultName: vaultName, policy: vaultPolicy({ AWS: `arn:aws:iam::${trusted}:root` }) }, { config: trust }),
    },
    "aws-volumes-encrypted": {
        violating: one("aws:ebs/volume:Volume", "data", { ...volume }),
        compliant: one("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true, kmsKeyId: keyArn }),
    },
    "aws-snapshots-encrypted": {
        violating: one("aws:ebs/snapshotCopy:SnapshotCopy", "copy", { sourceSnapshotId: snapshotId, sourceRegion: "eu-west-1" }),
        compliant: one("aws:ebs/snapshotCopy:SnapshotCopy", "copy", { sourceSnapshotId: snapshotId, sourceRegion: "eu-west-1", encrypted: true, kmsKeyId: keyArn }),
    },
    "aws-databases-encrypted": {
        violating: one("aws:rds/instance:Instance", "db", { ...db }),
        compliant: one("aws:rds/instance:Instance", "db", { ...db, storageEncrypted: true, kmsKeyId: keyArn }),
    },
    "aws-db-backups-retained": {
        violating: one("aws:rds/instance:Instance", "db", { ...db, backupRetentionPeriod: 1 }),
        compliant: one("aws:rds/instance:Instance", "db", { ...db, backupRetentionPeriod: 14, storageEncrypted: true }),
    },
    "aws-backup-retention-bounded": {
        violating: one("aws:backup/plan:Plan", "daily", { name: "daily", rules: [planRule({})] }),
        compliant: one("aws:backup/plan:Plan", "daily", { name: "daily", rules: [planRule({ lifecycle: { deleteAfter: 35 } })] }),
    },
    "aws-images-expire": {
        violating: one("aws:ec2/amiFromInstance:AmiFromInstance", "golden", { sourceInstanceId: ext("builder.id", "i-0123456789abcdef0") }),
        compliant: one("aws:ec2/amiFromInstance:AmiFromInstance", "golden", { sourceInstanceId: ext("builder.id", "i-0123456789abcdef0"), deprecationTime: "2027-01-31T00:00:00Z" }),
    },
    "aws-snapshots-expire": {
        violating: one("aws:ebs/snapshot:Snapshot", "before-upgrade", { volumeId: ext("data.id", "vol-0123456789abcdef0") }),
        compliant: one("aws:ebs/snapshot:Snapshot", "before-upgrade", { volumeId: ext("data.id", "vol-0123456789abcdef0"), tags: { "retention-days": "30" } }),
    },
    "aws-customer-managed-keys": {
        violating: one("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true }),
        compliant: one("aws:ebs/volume:Volume", "data", { ...volume, encrypted: true, kmsKeyId: keyArn }),
    },
    "aws-snapshot-block-all-sharing": {
        violating: one("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "guardrail", { state: "block-new-sharing" }),
        compliant: one("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", "guardrail", { state: "block-all-sharing" }),
    },
    "aws-backup-recovery-points-protected": {
        violating: one("aws:backup/vault:Vault", "backups", { name: "backups", forceDestroy: true }),
        compliant: one("aws:backup/vault:Vault", "backups", { name: "backups", kmsKeyArn: keyArn }),
    },
    "aws-final-snapshots": {
        violating: one("aws:rds/instance:Instance", "db", { ...db, skipFinalSnapshot: true }),
        compliant: one("aws:rds/instance:Instance", "db", { ...db, skipFinalSnapshot: false, finalSnapshotIdentifier: "orders-final" }),
    },
    "aws-automated-backups-outlive-databases": {
        violating: one("aws:rds/instance:Instance", "db", { ...db, backupRetentionPeriod: 14 }),
        compliant: one("aws:rds/instance:Instance", "db", { ...db, backupRetentionPeriod: 14, deleteAutomatedBackups: false }),
    },
    "aws-snapshot-tags-copied": {
        violating: one("aws:rds/instance:Instance", "db", { ...db, copyTagsToSnapshot: false }),
        compliant: one("aws:rds/instance:Instance", "db", { ...db, copyTagsToSnapshot: true }),
    },
    "aws-cache-snapshots-retained": {
        violating: one("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", { description: "sessions", engine: "redis", nodeType: "cache.t4g.small" }),
        compliant: one("aws:elasticache/replicationGroup:ReplicationGroup", "sessions", { description: "sessions", engine: "redis", nodeType: "cache.t4g.small", snapshotRetentionLimit: 7 }),
    },
    "aws-volumes-deleted-with-instance": {
        violating: one("aws:ec2/instance:Instance", "web", { ami: amiId, instanceType: "t3.micro", rootBlockDevice: { encrypted: true, deleteOnTermination: false } }),
        compliant: one("aws:ec2/instance:Instance", "web", { ami: amiId, instanceType: "t3.micro", rootBlockDevice: { encrypted: true, deleteOnTermination: true } }),
    },
    "aws-backup-copies-trusted": {
        violating: one("aws:backup/plan:Plan", "daily", { name: "daily", rules: [planRule({ lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-west-1:999988887777:backup-vault:recovery", lifecycle: { deleteAfter: 35 } }] })] }, { config: trust }),
        compliant: one("aws:backup/plan:Plan", "daily", { name: "daily", rules: [planRule({ lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: `arn:aws:backup:eu-west-1:${trusted}:backup-vault:recovery`, lifecycle: { deleteAfter: 35 } }] })] }, { config: trust }),
    },
    "aws-sharing-permissions-restricted": {
        violating: one("aws:iam/policy:Policy", "image-ops", { policy: json({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["ec2:Describe*", "ec2:Modify*"], Resource: "*" }] }) }),
        compliant: one("aws:iam/policy:Policy", "image-ops", { policy: json({ Version: "2012-10-17", Statement: [
            { Effect: "Allow", Action: ["ec2:Describe*"], Resource: "*" },
            { Effect: "Allow", Action: ["ec2:ModifyImageAttribute"], Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/team": "images" } } },
        ] }) }),
    },
};
