import type { ClusterArgs as DocdbClusterArgs, GlobalClusterArgs as DocdbGlobalClusterArgs } from "@pulumi/aws/docdb";
import type { ClusterArgs as NeptuneClusterArgs, GlobalClusterArgs as NeptuneGlobalClusterArgs } from "@pulumi/aws/neptune";
import type { ClusterArgs as RdsClusterArgs, GlobalClusterArgs as RdsGlobalClusterArgs, InstanceArgs } from "@pulumi/aws/rds";
import type { ClusterArgs as RedshiftClusterArgs } from "@pulumi/aws/redshift";
import type { GlobalClusterArgs as NativeDocdbGlobalClusterArgs } from "@pulumi/aws-native/docdb";
import type { DbClusterArgs as NativeNeptuneClusterArgs, GlobalClusterArgs as NativeNeptuneGlobalClusterArgs } from "@pulumi/aws-native/neptune";
import type { DbClusterArgs, DbInstanceArgs, GlobalClusterArgs as NativeGlobalClusterArgs } from "@pulumi/aws-native/rds";
import type { ClusterArgs as NativeRedshiftClusterArgs } from "@pulumi/aws-native/redshift";
import { defineRule, deferred, on, type Finding } from "../../core/rule";
import { enumIn, isSet, isUnknown, prop } from "../../core/values";
import { requireTrue } from "./lib/checks";
import { ENCRYPTION_SOURCES, inheritsEncryption } from "./lib/databases";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html";

/** A database resource as its fix names it: the SDK class, what it is, and its customer-managed key field. */
interface Database {
    resource: string;
    /** "DB instance", "cluster" or "global cluster": what turning encryption on replaces. */
    noun: string;
    /** Where a customer-managed key goes; a global cluster's members name their own keys. */
    keyField?: "kmsKeyId" | "kmsKeyArn";
}

function storageEncrypted(db: Database, omitted = false, why = "omitted means unencrypted") {
    const key = db.keyField ? `add \`${db.keyField}\` for a customer-managed key` : "each member cluster names its own customer-managed key";
    return (props: unknown): Finding[] => requireTrue(props, "storageEncrypted", "", {
        omitted,
        off: "database storage, and with it every automated backup and snapshot, is not encrypted",
        absent: `database storage, and with it every automated backup and snapshot, is not encrypted (${why})`,
        fix: `set \`storageEncrypted: true\` on the ${db.resource} (${key}; this replaces an existing ${db.noun})`,
    });
}

function restorable(db: Database, sources: readonly string[]) {
    return (props: Record<string, unknown>): Finding[] =>
        inheritsEncryption(props, sources) ? [] : storageEncrypted(db)(props);
}

/** Aurora clusters: restores and replicas inherit; serverless v1 clusters are always encrypted. */
function auroraCluster(db: Database, sources: readonly string[]) {
    return (props: Record<string, unknown>): Finding[] => {
        if (inheritsEncryption(props, sources)) {
            return [];
        }
        if (isSet(props, "storageEncrypted")) {
            return storageEncrypted(db)(props);
        }
        const serverless = enumIn(prop(props, "engineMode"), "serverless");
        if (isUnknown(serverless)) {
            return [deferred("engineMode")];
        }
        return storageEncrypted(db, serverless === true, "omitted means unencrypted for provisioned clusters")(props);
    };
}

/** A global cluster built from an existing cluster inherits its encryption when `storageEncrypted` is omitted. */
function globalCluster(resource: string) {
    const db: Database = { resource, noun: "global cluster" };
    return (props: Record<string, unknown>): Finding[] => {
        if (!isSet(props, "storageEncrypted") && isSet(props, "sourceDbClusterIdentifier")) {
            return [];
        }
        return storageEncrypted(db)(props);
    };
}

export const databasesEncrypted = defineRule({
    id: "aws-databases-encrypted",
    cloud: "aws",
    title: "RDS, Aurora, DocumentDB, Neptune and Redshift storage is encrypted at rest",
    category: "encryption",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "A database's automated backups, manual snapshots and replicas inherit its storage encryption. An unencrypted " +
        "database therefore produces unencrypted snapshots that can be copied or shared in the clear, and encryption " +
        "cannot be added later without restoring into a new cluster. RDS, DocumentDB and Neptune default to unencrypted.",
    remediation:
        "Set `storageEncrypted: true` on `aws.rds.Instance`, `aws.rds.Cluster`, `aws.docdb.Cluster`, `aws.neptune.Cluster` " +
        "and the `GlobalCluster` resources of the three services, and do not set `encrypted: \"false\"` on " +
        "`aws.redshift.Cluster`. Read replicas (`replicateSourceDb`, `replicationSourceIdentifier`), databases restored from " +
        "a snapshot (`snapshotIdentifier`) or a point in time (`restoreToPointInTime`), serverless v1 Aurora clusters and " +
        "global clusters created from an existing cluster (`sourceDbClusterIdentifier`) inherit encryption when the flag " +
        "is omitted; an explicit false still fails. With aws-native, set `storageEncrypted: true` on `aws-native.rds.DbInstance` " +
        "(Aurora instances are judged on their `DbCluster`), `rds.DbCluster`, `rds.GlobalCluster` and `neptune.DbCluster` " +
        "(CloudFormation defaults it to false), and do not set `encrypted: false` on `aws-native.redshift.Cluster`.",
    docsUrl,
    controls: {
        "cis-aws-5.0": ["2.2.1"],
        checkov: ["CKV_AWS_16", "CKV_AWS_96", "CKV_AWS_140", "CKV_AWS_74", "CKV_AWS_44", "CKV_AWS_64", "CKV_AWS_292"],
        trivy: ["AWS-0080", "AWS-0079", "AWS-0021", "AWS-0076", "AWS-0084"],
        "aws-config": ["rds-storage-encrypted", "rds-cluster-encrypted-at-rest", "docdb-cluster-encrypted", "neptune-cluster-encrypted"],
        prowler: ["rds_instance_storage_encrypted", "rds_cluster_storage_encrypted", "documentdb_cluster_storage_encrypted", "neptune_cluster_storage_encrypted", "redshift_cluster_encrypted_at_rest"],
    },
    config: [],
    targets: [
        on<InstanceArgs>("aws:rds/instance:Instance", (props) => {
            // A read replica takes its encryption from the source (cross-region replicas through kmsKeyId).
            if (isSet(props, "replicateSourceDb")) {
                return [];
            }
            return restorable({ resource: "aws.rds.Instance", noun: "DB instance", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.rdsInstance)(props);
        }),
        on<RdsClusterArgs>("aws:rds/cluster:Cluster", auroraCluster({ resource: "aws.rds.Cluster", noun: "cluster", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.rdsCluster)),
        on<RdsGlobalClusterArgs>("aws:rds/globalCluster:GlobalCluster", globalCluster("aws.rds.GlobalCluster")),
        on<DocdbClusterArgs>("aws:docdb/cluster:Cluster", restorable({ resource: "aws.docdb.Cluster", noun: "cluster", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.docdbCluster)),
        on<DocdbGlobalClusterArgs>("aws:docdb/globalCluster:GlobalCluster", globalCluster("aws.docdb.GlobalCluster")),
        on<NeptuneClusterArgs>("aws:neptune/cluster:Cluster", restorable({ resource: "aws.neptune.Cluster", noun: "cluster", keyField: "kmsKeyArn" }, ENCRYPTION_SOURCES.neptuneCluster)),
        on<NeptuneGlobalClusterArgs>("aws:neptune/globalCluster:GlobalCluster", globalCluster("aws.neptune.GlobalCluster")),
        on<RedshiftClusterArgs>("aws:redshift/cluster:Cluster", (props) => requireTrue(props, "encrypted", "", {
            omitted: true,
            off: "the Redshift cluster, and with it every snapshot, is not encrypted",
            fix: "set `encrypted: \"true\"` (a string in this SDK) on the aws.redshift.Cluster, or leave it out: the default is encrypted",
        })),

        // aws-native (CloudFormation): StorageEncrypted defaults to false; restores, replicas and clones inherit.
        on<DbInstanceArgs>("aws-native:rds:DbInstance", (props) => {
            // An Aurora instance stores its data in the cluster, which is judged on its own.
            if (isSet(props, "dbClusterIdentifier")) {
                return [];
            }
            return restorable({ resource: "aws-native.rds.DbInstance", noun: "DB instance", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.nativeDbInstance)(props);
        }),
        on<DbClusterArgs>("aws-native:rds:DbCluster", auroraCluster({ resource: "aws-native.rds.DbCluster", noun: "cluster", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.nativeDbCluster)),
        on<NativeGlobalClusterArgs>("aws-native:rds:GlobalCluster", globalCluster("aws-native.rds.GlobalCluster")),
        on<NativeDocdbGlobalClusterArgs>("aws-native:docdb:GlobalCluster", globalCluster("aws-native.docdb.GlobalCluster")),
        on<NativeNeptuneGlobalClusterArgs>("aws-native:neptune:GlobalCluster", globalCluster("aws-native.neptune.GlobalCluster")),
        on<NativeNeptuneClusterArgs>("aws-native:neptune:DbCluster", restorable({ resource: "aws-native.neptune.DbCluster", noun: "cluster", keyField: "kmsKeyId" }, ENCRYPTION_SOURCES.nativeNeptuneCluster)),
        on<NativeRedshiftClusterArgs>("aws-native:redshift:Cluster", (props) => requireTrue(props, "encrypted", "", {
            omitted: true,
            off: "the Redshift cluster, and with it every snapshot, is not encrypted",
            fix: "set `encrypted: true` on the aws-native.redshift.Cluster, or leave it out: new clusters are encrypted by default",
        })),
    ],
});
