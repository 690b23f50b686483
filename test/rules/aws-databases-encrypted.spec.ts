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
