import type { ClusterArgs as RdsClusterArgs, InstanceArgs } from "@pulumi/aws/rds";
import type { DbClusterArgs, DbInstanceArgs } from "@pulumi/aws-native/rds";
import { defineRule, on } from "../../core/rule";
import { isSet } from "../../core/values";
import { requireNotTrue } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.Retaining.html";

function kept(resource: string) {
    return (props: Record<string, unknown>) => requireNotTrue(props, "deleteAutomatedBackups", "", true,
        "automated backups are deleted together with the database",
        `set \`deleteAutomatedBackups: false\` on the ${resource} so backups outlive an accidental deletion for their retention period`);
}

export const automatedBackupsOutliveDatabases = defineRule({
    id: "aws-automated-backups-outlive-databases",
    aliases: ["aws-automated-backups-kept"],
    cloud: "aws",
    title: "RDS automated backups are retained after the database is deleted",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "By default RDS deletes a database's automated backups together with it, so deleting the wrong instance or cluster " +
        "also removes every point-in-time restore. Retained automated backups expire on their own at the end of the " +
        "retention period, so keeping them does not keep data forever.",
    remediation:
        "Set `deleteAutomatedBackups: false` on `aws.rds.Instance` and `aws.rds.Cluster`, and on `aws-native.rds.DbInstance` " +
        "and `aws-native.rds.DbCluster` (CloudFormation also deletes them by default; Aurora instances follow their cluster).",
    docsUrl,
    controls: {},
    config: [],
    targets: [
        on<InstanceArgs>("aws:rds/instance:Instance", kept("aws.rds.Instance")),
        on<RdsClusterArgs>("aws:rds/cluster:Cluster", kept("aws.rds.Cluster")),
        // An Aurora instance (dbClusterIdentifier set) has no automated backups of its own.
        on<DbInstanceArgs>("aws-native:rds:DbInstance", (props) => isSet(props, "dbClusterIdentifier") ? [] : kept("aws-native.rds.DbInstance")(props)),
        on<DbClusterArgs>("aws-native:rds:DbCluster", kept("aws-native.rds.DbCluster")),
    ],
});
