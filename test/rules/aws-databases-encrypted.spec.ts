import { databasesEncrypted } from "../../policies/aws/databases-encrypted";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "synthetic test data only", expires: "2999-01-01" }] };

describeRule(databasesEncrypted, "aws:rds/instance:Instance", [
    { name: "storage encrypted", props: { engine: "postgres", storageEncrypted: true }, expect: "pass" },
    { name: "storageEncrypted omitted", props: { engine: "postgres" }, expect: "fail", paths: ["storageEncrypted"], message: /omitted means unencrypted\) at storageEncrypted; set `storageEncrypted: true` on the aws.rds.Instance/ },
    { name: "turned off", props: { storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
    { name: "read replica inherits from its source", props: { replicateSourceDb: "primary" }, expect: "pass" },
    { name: "restored from a snapshot, storageEncrypted omitted: inherits", props: { snapshotIdentifier: "snap" }, expect: "pass" },
    { name: "restored from a snapshot but explicitly off", props: { snapshotIdentifier: "snap", storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
    { name: "point-in-time restore inherits", props: { restoreToPointInTime: { sourceDbInstanceIdentifier: "db", useLatestRestorableTime: true } }, expect: "pass" },
    { name: "unknown during preview", props: { storageEncrypted: UNKNOWN }, expect: "defer" },
    { name: "exempted", props: {}, config: exempt, expect: "exempt" },
    { name: "no knobs", props: { storageEncrypted: true }, config: { allowedKeyIds: [] }, expect: "fail", message: /invalid policy config/ },
]);

describeRule(databasesEncrypted, "aws:rds/cluster:Cluster", [
    { name: "storage encrypted", props: { engine: "aurora-postgresql", storageEncrypted: true }, expect: "pass" },
    { name: "provisioned, storageEncrypted omitted", props: { engine: "aurora-postgresql" }, expect: "fail", paths: ["storageEncrypted"], message: /provisioned clusters/ },
    { name: "serverless v1, storageEncrypted omitted: default true", props: { engine: "aurora-postgresql", engineMode: "serverless" }, expect: "pass" },
    { name: "serverless but explicitly off", props: { engineMode: "serverless", storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
    { name: "replica cluster, storageEncrypted omitted: inherits", props: { replicationSourceIdentifier: "arn:aws:rds:us-east-1:111122223333:cluster:c" }, expect: "pass" },
    { name: "restored from a snapshot id unknown during preview: presence counts", props: { snapshotIdentifier: UNKNOWN }, expect: "pass" },
    { name: "engine mode unknown while storageEncrypted omitted", props: { engineMode: UNKNOWN }, expect: "defer", message: /engineMode is unknown/ },
    { name: "storageEncrypted unknown during preview", props: { storageEncrypted: UNKNOWN }, expect: "defer" },
]);

for (const type of ["aws:rds/globalCluster:GlobalCluster", "aws:docdb/globalCluster:GlobalCluster", "aws:neptune/globalCluster:GlobalCluster"]) {
    describeRule(databasesEncrypted, type, [
        { name: "storage encrypted", props: { globalClusterIdentifier: "g", storageEncrypted: true }, expect: "pass" },
        { name: "storageEncrypted omitted", props: { globalClusterIdentifier: "g" }, expect: "fail", paths: ["storageEncrypted"] },
        { name: "omitted, created from a source cluster: inherits", props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:c" }, expect: "pass" },
        { name: "source cluster but explicitly off", props: { sourceDbClusterIdentifier: "arn", storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
        { name: "unknown during preview", props: { storageEncrypted: UNKNOWN }, expect: "defer" },
    ]);
}

for (const type of ["aws:docdb/cluster:Cluster", "aws:neptune/cluster:Cluster"]) {
    describeRule(databasesEncrypted, type, [
        { name: "storage encrypted", props: { storageEncrypted: true }, expect: "pass" },
        { name: "storageEncrypted omitted", props: { clusterIdentifier: "c" }, expect: "fail", paths: ["storageEncrypted"] },
        { name: "string \"false\"", props: { storageEncrypted: "false" }, expect: "fail", paths: ["storageEncrypted"] },
        { name: "restored from a snapshot, storageEncrypted omitted: inherits", props: { snapshotIdentifier: "snap" }, expect: "pass" },
        { name: "unknown during preview", props: { storageEncrypted: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: {}, config: exempt, expect: "exempt" },
    ]);
}

describeRule(databasesEncrypted, "aws:redshift/cluster:Cluster", [
    { name: "string \"true\"", props: { clusterIdentifier: "c", nodeType: "ra3.xlplus", encrypted: "true" }, expect: "pass" },
    { name: "encrypted omitted: default true", props: { clusterIdentifier: "c" }, expect: "pass" },
    { name: "string \"false\"", props: { encrypted: "false" }, expect: "fail", paths: ["encrypted"], message: /a string in this SDK/ },
    { name: "boolean false", props: { encrypted: false }, expect: "fail", paths: ["encrypted"] },
    { name: "\"FALSE\" in upper case", props: { encrypted: "FALSE" }, expect: "fail", paths: ["encrypted"] },
    { name: "not a boolean is not echoed", props: { encrypted: "marker-value-42" }, expect: "fail", message: /^(?![\s\S]*marker-value-42)/ },
    { name: "unknown during preview", props: { encrypted: UNKNOWN }, expect: "defer" },
]);

// ---- aws-native (CloudFormation: StorageEncrypted defaults to false) --------------------------

const nativeDb = { engine: "postgres", dbInstanceClass: "db.t4g.micro", allocatedStorage: "20" };

describeRule(databasesEncrypted, "aws-native:rds:DbInstance", [
    { name: "storage encrypted", props: { ...nativeDb, storageEncrypted: true }, expect: "pass" },
    { name: "storage encryption omitted", props: { ...nativeDb }, expect: "fail", paths: ["storageEncrypted"], message: /omitted means unencrypted.*`storageEncrypted: true` on the aws-native\.rds\.DbInstance/ },
    { name: "storage encryption turned off", props: { ...nativeDb, storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
    { name: "Aurora instance: the cluster holds the data", props: { engine: "aurora-postgresql", dbInstanceClass: "db.r6g.large", dbClusterIdentifier: "orders" }, expect: "pass" },
    { name: "read replica inherits the source's encryption", props: { dbInstanceClass: "db.t4g.micro", sourceDbInstanceIdentifier: "arn:aws:rds:eu-west-1:111122223333:db:orders" }, expect: "pass" },
    { name: "restored from a snapshot inherits", props: { ...nativeDb, dbSnapshotIdentifier: "orders-final" }, expect: "pass" },
    { name: "storage encryption unknown during preview", props: { ...nativeDb, storageEncrypted: UNKNOWN }, expect: "defer", paths: ["storageEncrypted"] },
]);

describeRule(databasesEncrypted, "aws-native:rds:DbCluster", [
    { name: "storage encrypted", props: { engine: "aurora-postgresql", storageEncrypted: true }, expect: "pass" },
    { name: "storage encryption omitted on a provisioned cluster", props: { engine: "aurora-postgresql" }, expect: "fail", paths: ["storageEncrypted"], message: /omitted means unencrypted for provisioned clusters.*aws-native\.rds\.DbCluster/ },
    { name: "serverless v1 clusters are always encrypted", props: { engine: "aurora-mysql", engineMode: "serverless" }, expect: "pass" },
    { name: "clone of another cluster inherits", props: { engine: "aurora-postgresql", sourceDbClusterIdentifier: "orders", restoreType: "copy-on-write" }, expect: "pass" },
    { name: "engine mode unknown with encryption omitted", props: { engine: "aurora-mysql", engineMode: UNKNOWN }, expect: "defer", paths: ["engineMode"] },
]);

describeRule(databasesEncrypted, "aws-native:rds:GlobalCluster", [
    { name: "storage encrypted", props: { engine: "aurora-postgresql", storageEncrypted: true }, expect: "pass" },
    { name: "storage encryption omitted", props: { engine: "aurora-postgresql" }, expect: "fail", paths: ["storageEncrypted"] },
    { name: "built from an existing cluster inherits", props: { sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:orders" }, expect: "pass" },
    { name: "storage encryption unknown during preview", props: { engine: "aurora-postgresql", storageEncrypted: UNKNOWN }, expect: "defer" },
]);

describeRule(databasesEncrypted, "aws-native:neptune:DbCluster", [
    { name: "storage encrypted", props: { storageEncrypted: true }, expect: "pass" },
    { name: "storage encryption omitted", props: { dbClusterIdentifier: "graph" }, expect: "fail", paths: ["storageEncrypted"], message: /aws-native\.neptune\.DbCluster/ },
    { name: "restored from a snapshot inherits", props: { snapshotIdentifier: "graph-final" }, expect: "pass" },
    { name: "storage encryption unknown during preview", props: { storageEncrypted: UNKNOWN }, expect: "defer" },
]);

describeRule(databasesEncrypted, "aws-native:redshift:Cluster", [
    { name: "encrypted", props: { clusterType: "single-node", nodeType: "ra3.xlplus", dbName: "dev", masterUsername: "admin", encrypted: true }, expect: "pass" },
    { name: "encryption omitted: new clusters are encrypted", props: { clusterType: "single-node", nodeType: "ra3.xlplus", dbName: "dev", masterUsername: "admin" }, expect: "pass" },
    { name: "encryption turned off", props: { clusterType: "single-node", encrypted: false }, expect: "fail", paths: ["encrypted"], message: /`encrypted: true` on the aws-native\.redshift\.Cluster/ },
    { name: "encryption unknown during preview", props: { clusterType: "single-node", encrypted: UNKNOWN }, expect: "defer" },
]);

// The fix names the resource, where its customer-managed key goes and what turning encryption on replaces.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
for (const [type, props, fix] of [
    ["aws:rds/instance:Instance", { engine: "postgres" }, "on the aws.rds.Instance (add `kmsKeyId` for a customer-managed key; this replaces an existing DB instance)"],
    ["aws:rds/cluster:Cluster", { engine: "aurora-postgresql" }, "on the aws.rds.Cluster (add `kmsKeyId` for a customer-managed key; this replaces an existing cluster)"],
    ["aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "g" }, "on the aws.rds.GlobalCluster (each member cluster names its own customer-managed key; this replaces an existing global cluster)"],
    ["aws:docdb/cluster:Cluster", { clusterIdentifier: "c" }, "on the aws.docdb.Cluster (add `kmsKeyId` for a customer-managed key; this replaces an existing cluster)"],
    ["aws:docdb/globalCluster:GlobalCluster", { globalClusterIdentifier: "g" }, "on the aws.docdb.GlobalCluster (each member cluster names its own customer-managed key; this replaces an existing global cluster)"],
    ["aws:neptune/cluster:Cluster", { clusterIdentifier: "c" }, "on the aws.neptune.Cluster (add `kmsKeyArn` for a customer-managed key; this replaces an existing cluster)"],
    ["aws:neptune/globalCluster:GlobalCluster", { globalClusterIdentifier: "g" }, "on the aws.neptune.GlobalCluster (each member cluster names its own customer-managed key; this replaces an existing global cluster)"],
    ["aws-native:rds:DbInstance", { ...nativeDb }, "on the aws-native.rds.DbInstance (add `kmsKeyId` for a customer-managed key; this replaces an existing DB instance)"],
    ["aws-native:rds:DbCluster", { engine: "aurora-postgresql" }, "on the aws-native.rds.DbCluster (add `kmsKeyId` for a customer-managed key; this replaces an existing cluster)"],
    ["aws-native:rds:GlobalCluster", { engine: "aurora-postgresql" }, "on the aws-native.rds.GlobalCluster (each member cluster names its own customer-managed key; this replaces an existing global cluster)"],
    ["aws-native:neptune:DbCluster", { dbClusterIdentifier: "graph" }, "on the aws-native.neptune.DbCluster (add `kmsKeyId` for a customer-managed key; this replaces an existing cluster)"],
] as const) {
    describeRule(databasesEncrypted, type, [
        { name: "fix fits the resource type (key field, what is replaced)", props: { ...props }, expect: "fail", paths: ["storageEncrypted"], message: new RegExp(`; set \`storageEncrypted: true\` ${escape(fix)}$`, "m") },
    ]);
}
for (const [type, resource] of [["aws-native:docdb:GlobalCluster", "aws-native.docdb.GlobalCluster"], ["aws-native:neptune:GlobalCluster", "aws-native.neptune.GlobalCluster"]] as const) {
    describeRule(databasesEncrypted, type, [
        { name: "storage encrypted", props: { globalClusterIdentifier: "g", storageEncrypted: true }, expect: "pass" },
        { name: "built from an existing cluster, encryption omitted (inherits)", props: { globalClusterIdentifier: "g", sourceDbClusterIdentifier: "arn:aws:rds:eu-west-1:111122223333:cluster:c" }, expect: "pass" },
        { name: "storage encryption omitted", props: { globalClusterIdentifier: "g" }, expect: "fail", paths: ["storageEncrypted"], message: new RegExp(resource.replace(/\./g, "\\.")) },
        { name: "storage encryption turned off", props: { globalClusterIdentifier: "g", storageEncrypted: false }, expect: "fail", paths: ["storageEncrypted"] },
        { name: "storage encryption unknown during preview", props: { globalClusterIdentifier: "g", storageEncrypted: UNKNOWN }, expect: "defer" },
    ]);
}
