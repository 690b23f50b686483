import { dbBackupsRetained } from "../../policies/aws/db-backups-retained";
import { describeRule, UNKNOWN } from "../harness";

const db = { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20 };
const exempt = { exemptions: [{ resource: "subject", reason: "scratch database, rebuilt nightly", expires: "2999-01-01" }] };
const expired = { exemptions: [{ resource: "subject", reason: "scratch database, rebuilt nightly", expires: "2020-01-01" }] };

describeRule(dbBackupsRetained, "aws:rds/instance:Instance", [
    { name: "seven days meets the default minimum", props: { ...db, backupRetentionPeriod: 7 }, expect: "pass" },
    { name: "35 days with no maximum configured", props: { ...db, backupRetentionPeriod: 35 }, expect: "pass" },
    { name: "retention as a numeric string \"14\"", props: { ...db, backupRetentionPeriod: "14" }, expect: "pass" },
    { name: "retention omitted: AWS default 0 turns backups off", props: { ...db }, expect: "fail", paths: ["backupRetentionPeriod"], message: /automated backups are off \(omitted means 0 days\) at backupRetentionPeriod; set `backupRetentionPeriod` on the aws.rds.Instance to at least 7 days/ },
    { name: "backups turned off with 0", props: { ...db, backupRetentionPeriod: 0 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /turned off/ },
    { name: "one day is below the default minimum", props: { ...db, backupRetentionPeriod: 1 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /below the minimum of 7 days/ },
    { name: "numeric string \"3\" below the minimum", props: { ...db, backupRetentionPeriod: "3" }, expect: "fail", paths: ["backupRetentionPeriod"] },
    { name: "not a number", props: { ...db, backupRetentionPeriod: "marker-value-42" }, expect: "fail", paths: ["backupRetentionPeriod"], message: /^(?![\s\S]*marker-value-42)[\s\S]*not a number of days/ },
    { name: "raised minimum: seven days below 14", props: { ...db, backupRetentionPeriod: 7 }, config: { minRetentionDays: 14 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /below the minimum of 14 days/ },
    { name: "raised minimum met", props: { ...db, backupRetentionPeriod: 14 }, config: { minRetentionDays: 14 }, expect: "pass" },
    { name: "minimum 0 accepts retention omitted", props: { ...db }, config: { minRetentionDays: 0 }, expect: "pass" },
    { name: "at the configured maximum", props: { ...db, backupRetentionPeriod: 35 }, config: { maxRetentionDays: 35 }, expect: "pass" },
    { name: "above the configured maximum", props: { ...db, backupRetentionPeriod: 30 }, config: { maxRetentionDays: 14 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /above the maximum of 14 days .*to 7 to 14 days/ },
    { name: "omitted still fails with only a maximum configured", props: { ...db }, config: { maxRetentionDays: 35 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /7 to 35 days/ },
    { name: "read replica with retention omitted is exempt", props: { ...db, replicateSourceDb: "primary-db" }, expect: "pass" },
    { name: "read replica source unknown during preview still counts as a replica", props: { ...db, replicateSourceDb: UNKNOWN }, expect: "pass" },
    { name: "retention unknown during preview", props: { ...db, backupRetentionPeriod: UNKNOWN }, expect: "defer", message: /backupRetentionPeriod is unknown/ },
    { name: "short retention exempted with a reason", props: { ...db, backupRetentionPeriod: 1 }, config: exempt, expect: "exempt", message: /scratch database/ },
    { name: "exemption expired", props: { ...db }, config: expired, expect: "fail", paths: ["backupRetentionPeriod"], message: /expired/ },
    { name: "invalid minimum in config", props: { ...db, backupRetentionPeriod: 7 }, config: { minRetentionDays: -1 }, expect: "fail", message: /invalid policy config: .*minRetentionDays/ },
    { name: "minimum given as a string in config", props: { ...db, backupRetentionPeriod: 7 }, config: { minRetentionDays: "7" }, expect: "fail", message: /invalid policy config/ },
    { name: "maximum below minimum in config", props: { ...db, backupRetentionPeriod: 7 }, config: { minRetentionDays: 14, maxRetentionDays: 7 }, expect: "fail", message: /invalid policy config: .*maxRetentionDays/ },
    { name: "trust list is not a setting of this rule", props: { ...db, backupRetentionPeriod: 7 }, config: { trustedAccountIds: [] }, expect: "fail", message: /invalid policy config: .*not a setting of this rule/ },
]);

for (const [type, key, resource] of [
    ["aws:rds/cluster:Cluster", "backupRetentionPeriod", "aws.rds.Cluster"],
    ["aws:docdb/cluster:Cluster", "backupRetentionPeriod", "aws.docdb.Cluster"],
    ["aws:docdb/elasticCluster:ElasticCluster", "backupRetentionPeriod", "aws.docdb.ElasticCluster"],
    ["aws:neptune/cluster:Cluster", "backupRetentionPeriod", "aws.neptune.Cluster"],
    ["aws:redshift/cluster:Cluster", "automatedSnapshotRetentionPeriod", "aws.redshift.Cluster"],
] as const) {
    describeRule(dbBackupsRetained, type, [
        { name: "seven days", props: { [key]: 7 }, expect: "pass" },
        { name: "numeric string \"10\"", props: { [key]: "10" }, expect: "pass" },
        { name: "retention omitted: default one day is below the minimum", props: {}, expect: "fail", paths: [key], message: new RegExp(`below the minimum of 7 days \\(minRetentionDays\\) \\(omitted means 1 day\\) at ${key}; set \`${key}\` on the ${resource.replace(/\./g, "\\.")} to at least 7 days`) },
        { name: "retention omitted accepted when the minimum is 1", props: {}, config: { minRetentionDays: 1 }, expect: "pass" },
        { name: "zero turns backups off", props: { [key]: 0 }, expect: "fail", paths: [key], message: /turned off/ },
        { name: "above the configured maximum", props: { [key]: 35 }, config: { maxRetentionDays: 14 }, expect: "fail", paths: [key] },
        { name: "retention unknown during preview", props: { [key]: UNKNOWN }, expect: "defer" },
        { name: "short retention exempted", props: { [key]: 1 }, config: exempt, expect: "exempt" },
        { name: "invalid minimum in config", props: { [key]: 7 }, config: { minRetentionDays: 1.5 }, expect: "fail", message: /invalid policy config/ },
    ]);
}

describeRule(dbBackupsRetained, "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", [
    { name: "retentionPeriod omitted: default seven days", props: { sourceDbInstanceArn: "arn" }, expect: "pass" },
    { name: "omitted falls below a raised minimum", props: { sourceDbInstanceArn: "arn" }, config: { minRetentionDays: 14 }, expect: "fail", paths: ["retentionPeriod"], message: /omitted means 7 days/ },
    { name: "three days", props: { retentionPeriod: 3 }, expect: "fail", paths: ["retentionPeriod"] },
    { name: "unknown during preview", props: { retentionPeriod: UNKNOWN }, expect: "defer" },
    { name: "exempted", props: { retentionPeriod: 1 }, config: exempt, expect: "exempt" },
]);

// ---- aws-native (CloudFormation: BackupRetentionPeriod defaults to 1 day) ---------------------

const nativeDb = { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20" };

describeRule(dbBackupsRetained, "aws-native:rds:DbInstance", [
    { name: "seven days", props: { ...nativeDb, backupRetentionPeriod: 7 }, expect: "pass" },
    { name: "retention omitted: CloudFormation default of 1 day", props: { ...nativeDb }, expect: "fail", paths: ["backupRetentionPeriod"], message: /below the minimum of 7 days \(minRetentionDays\) \(omitted means 1 day\).*aws-native\.rds\.DbInstance/ },
    { name: "backups turned off", props: { ...nativeDb, backupRetentionPeriod: 0 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /turned off/ },
    { name: "read replica has no backups of its own", props: { dbInstanceClass: "db.t4g.micro", sourceDbInstanceIdentifier: "orders" }, expect: "pass" },
    { name: "Aurora instance uses the cluster's backups", props: { engine: "aurora-postgresql", dbClusterIdentifier: "orders" }, expect: "pass" },
    { name: "retention unknown during preview", props: { ...nativeDb, backupRetentionPeriod: UNKNOWN }, expect: "defer" },
]);

for (const [type, resource, key] of [
    ["aws-native:rds:DbCluster", "aws-native.rds.DbCluster", "backupRetentionPeriod"],
    ["aws-native:neptune:DbCluster", "aws-native.neptune.DbCluster", "backupRetentionPeriod"],
    ["aws-native:redshift:Cluster", "aws-native.redshift.Cluster", "automatedSnapshotRetentionPeriod"],
] as const) {
    describeRule(dbBackupsRetained, type, [
        { name: "fourteen days", props: { [key]: 14 }, expect: "pass" },
        { name: "retention omitted: CloudFormation default of 1 day", props: {}, expect: "fail", paths: [key], message: new RegExp(`omitted means 1 day\\) at ${key}; set \`${key}\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "above maxRetentionDays", props: { [key]: 30 }, config: { maxRetentionDays: 14 }, expect: "fail", paths: [key], message: /above the maximum of 14 days/ },
        { name: "retention unknown during preview", props: { [key]: UNKNOWN }, expect: "defer" },
    ]);
}

describeRule(dbBackupsRetained, "aws-native:rds:DbInstance", [
    { name: "cross-region backup replication: retention omitted follows backupRetentionPeriod", props: { ...nativeDb, backupRetentionPeriod: 7, automaticBackupReplicationRegion: "us-east-1" }, expect: "pass" },
    { name: "cross-region backup replication kept 3 days", props: { ...nativeDb, backupRetentionPeriod: 7, automaticBackupReplicationRegion: "us-east-1", automaticBackupReplicationRetentionPeriod: 3 }, expect: "fail", paths: ["automaticBackupReplicationRetentionPeriod"], message: /below the minimum of 7 days/ },
    { name: "replication retention unknown during preview", props: { ...nativeDb, backupRetentionPeriod: 7, automaticBackupReplicationRegion: "us-east-1", automaticBackupReplicationRetentionPeriod: UNKNOWN }, expect: "defer" },
]);

describeRule(dbBackupsRetained, "aws-native:docdbelastic:Cluster", [
    { name: "seven days", props: { adminUserName: "a", authType: "PLAIN_TEXT", shardCapacity: 2, shardCount: 1, backupRetentionPeriod: 7 }, expect: "pass" },
    { name: "retention omitted: one day", props: { adminUserName: "a", authType: "PLAIN_TEXT", shardCapacity: 2, shardCount: 1 }, expect: "fail", paths: ["backupRetentionPeriod"], message: /omitted means 1 day.*aws-native\.docdbelastic\.Cluster/ },
    { name: "retention unknown during preview", props: { backupRetentionPeriod: UNKNOWN }, expect: "defer" },
]);
