import type { ClusterArgs as DocdbClusterArgs, ElasticClusterArgs } from "@pulumi/aws/docdb";
import type { ClusterArgs as NeptuneClusterArgs } from "@pulumi/aws/neptune";
import type { ClusterArgs as RdsClusterArgs, InstanceArgs, InstanceAutomatedBackupsReplicationArgs } from "@pulumi/aws/rds";
import type { ClusterArgs as RedshiftClusterArgs } from "@pulumi/aws/redshift";
import type { ClusterArgs as NativeElasticClusterArgs } from "@pulumi/aws-native/docdbelastic";
import type { DbClusterArgs as NativeNeptuneClusterArgs } from "@pulumi/aws-native/neptune";
import type { DbClusterArgs, DbInstanceArgs } from "@pulumi/aws-native/rds";
import type { ClusterArgs as NativeRedshiftClusterArgs } from "@pulumi/aws-native/redshift";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isSet } from "../../core/values";
import { readNumber, retentionBounds } from "./lib/checks";

type Knobs = "minRetentionDays" | "maxRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html";

interface RetentionField {
    key: string;
    /** The provider default when the property is omitted. */
    omitted: number;
    resource: string;
    /** What the service accepts, e.g. "1 to 35". */
    allowed: string;
}

/** Automated backup retention within [minRetentionDays, maxRetentionDays], judging an omitted value by the default. */
function retention(props: unknown, config: { minRetentionDays: number; maxRetentionDays: number | undefined }, field: RetentionField): Finding[] {
    const { key, resource } = field;
    const value = readNumber(props, key);
    if (value.kind === "unknown") {
        return [deferred(key)];
    }
    const { minRetentionDays: min, maxRetentionDays: max } = config;
    const fix = `set \`${key}\` on the ${resource} to ${retentionBounds(min, max)} (the service allows ${field.allowed})`;
    if (value.kind === "invalid") {
        return [violation(key, "backup retention is not a number of days", fix)];
    }
    const days = value.kind === "number" ? value.value : field.omitted;
    const omitted = value.kind === "omitted" ? ` (omitted means ${field.omitted} day${field.omitted === 1 ? "" : "s"})` : "";
    if (days < min) {
        const problem = days <= 0
            ? (omitted ? `automated backups are off${omitted}` : "automated backups are turned off")
            : `backup retention is below the minimum of ${min} days (minRetentionDays)${omitted}`;
        return [violation(key, problem, fix)];
    }
    if (max !== undefined && days > max) {
        return [violation(key, `backup retention is above the maximum of ${max} days (maxRetentionDays)`, fix)];
    }
    return [];
}

export const dbBackupsRetained = defineRule({
    id: "aws-db-backups-retained",
    cloud: "aws",
    title: "RDS, Aurora, DocumentDB, Neptune and Redshift keep automated backups for the required number of days",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Automated backups (daily snapshots plus transaction logs) are what point-in-time restore and recovery from " +
        "deletion or corruption depend on. The provider default for `backupRetentionPeriod` is 0, which turns automated " +
        "backups off, and Aurora, DocumentDB, Neptune and Redshift keep a single day unless told otherwise; a period shorter than the organisation's minimum loses restore points too early, and one longer " +
        "than its maximum keeps copies of the data beyond their purpose.",
    remediation:
        "Set `backupRetentionPeriod` on `aws.rds.Instance`, `aws.rds.Cluster`, `aws.docdb.Cluster`, " +
        "`aws.docdb.ElasticCluster` and `aws.neptune.Cluster`, and `automatedSnapshotRetentionPeriod` on `aws.redshift.Cluster` (and `retentionPeriod` on " +
        "`aws.rds.InstanceAutomatedBackupsReplication`, default 7), to a number of days within the configured bounds " +
        "(`minRetentionDays`, default 7; `maxRetentionDays` when set; RDS allows 1 to 35). Read replicas " +
        "(`replicateSourceDb` set) are exempt: the source instance's backups cover them. Changing the period between 0 and " +
        "a positive value restarts the instance briefly; it does not replace it. With aws-native set `backupRetentionPeriod` on " +
        "`aws-native.rds.DbInstance`, `rds.DbCluster` and `neptune.DbCluster` and `automatedSnapshotRetentionPeriod` on " +
        "`redshift.Cluster` (CloudFormation defaults them to 1 day), `backupRetentionPeriod` on `aws-native.docdbelastic.Cluster`, " +
        "and `automaticBackupReplicationRetentionPeriod` of a `DbInstance` that replicates its backups to another region.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_133", "CKV_AWS_360", "CKV_AWS_361", "CKV_AWS_343"],
        trivy: ["AWS-0077"],
        kics: ["1dc73fb4-5b51-430c-8c5f-25dcf9090b02"],
        "aws-config": ["db-instance-backup-enabled", "docdb-cluster-backup-retention-check", "neptune-cluster-backup-retention-check", "redshift-backup-enabled"],
        prowler: ["rds_instance_backup_enabled", "documentdb_cluster_backup_enabled", "neptune_cluster_backup_enabled", "redshift_cluster_automated_snapshot"],
    },
    config: ["minRetentionDays", "maxRetentionDays"],
    targets: [
        on<InstanceArgs, Knobs>("aws:rds/instance:Instance", (props, ctx) => {
            // A read replica has no automated backups of its own to judge; unknown source still means a replica.
            if (isSet(props, "replicateSourceDb")) {
                return [];
            }
            return retention(props, ctx.config, { key: "backupRetentionPeriod", omitted: 0, resource: "aws.rds.Instance", allowed: "1 to 35" });
        }),
        on<InstanceAutomatedBackupsReplicationArgs, Knobs>("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", (props, { config }) =>
            retention(props, config, { key: "retentionPeriod", omitted: 7, resource: "aws.rds.InstanceAutomatedBackupsReplication", allowed: "1 to 35" })),
        on<RdsClusterArgs, Knobs>("aws:rds/cluster:Cluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws.rds.Cluster", allowed: "1 to 35" })),
        on<DocdbClusterArgs, Knobs>("aws:docdb/cluster:Cluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws.docdb.Cluster", allowed: "1 to 35" })),
        on<ElasticClusterArgs, Knobs>("aws:docdb/elasticCluster:ElasticCluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws.docdb.ElasticCluster", allowed: "1 to 35" })),
        on<NeptuneClusterArgs, Knobs>("aws:neptune/cluster:Cluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws.neptune.Cluster", allowed: "1 to 35" })),
        on<RedshiftClusterArgs, Knobs>("aws:redshift/cluster:Cluster", (props, { config }) =>
            retention(props, config, { key: "automatedSnapshotRetentionPeriod", omitted: 1, resource: "aws.redshift.Cluster", allowed: "1 to 35" })),

        // aws-native: CloudFormation's BackupRetentionPeriod default is 1 day for instances and clusters.
        on<DbInstanceArgs, Knobs>("aws-native:rds:DbInstance", (props, { config }) => {
            // Read replicas have no automated backups of their own; Aurora instances use the cluster's.
            if (isSet(props, "sourceDbInstanceIdentifier") || isSet(props, "dbClusterIdentifier")) {
                return [];
            }
            const findings = retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws-native.rds.DbInstance", allowed: "0 to 35" });
            // Cross-region replicated backups (aws.rds.InstanceAutomatedBackupsReplication in @pulumi/aws): their own
            // retention when set; omitted, they follow backupRetentionPeriod, judged above.
            if (isSet(props, "automaticBackupReplicationRegion") && isSet(props, "automaticBackupReplicationRetentionPeriod")) {
                findings.push(...retention(props, config, { key: "automaticBackupReplicationRetentionPeriod", omitted: 1, resource: "aws-native.rds.DbInstance", allowed: "1 to 35" }));
            }
            return findings;
        }),
        on<DbClusterArgs, Knobs>("aws-native:rds:DbCluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws-native.rds.DbCluster", allowed: "1 to 35" })),
        on<NativeElasticClusterArgs, Knobs>("aws-native:docdbelastic:Cluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws-native.docdbelastic.Cluster", allowed: "1 to 35" })),
        on<NativeNeptuneClusterArgs, Knobs>("aws-native:neptune:DbCluster", (props, { config }) =>
            retention(props, config, { key: "backupRetentionPeriod", omitted: 1, resource: "aws-native.neptune.DbCluster", allowed: "1 to 35" })),
        on<NativeRedshiftClusterArgs, Knobs>("aws-native:redshift:Cluster", (props, { config }) =>
            retention(props, config, { key: "automatedSnapshotRetentionPeriod", omitted: 1, resource: "aws-native.redshift.Cluster", allowed: "0 to 35" })),
    ],
});
