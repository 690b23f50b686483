import type { ClusterArgs as DocdbClusterArgs } from "@pulumi/aws/docdb";
import type { VolumeArgs } from "@pulumi/aws/ebs";
import type { ClusterArgs as NeptuneClusterArgs } from "@pulumi/aws/neptune";
import type { ClusterArgs as RdsClusterArgs, InstanceArgs } from "@pulumi/aws/rds";
import type { ClusterArgs as RedshiftClusterArgs } from "@pulumi/aws/redshift";
import { defineRule, on } from "../../core/rule";
import { requireNotTrue, requireTrue } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html";

function notSkipped(resource: string) {
    return (props: Record<string, unknown>) => requireNotTrue(props, "skipFinalSnapshot", "", false,
        "no final snapshot is taken when the database is deleted (skipFinalSnapshot true)",
        `set \`skipFinalSnapshot: false\` and a \`finalSnapshotIdentifier\` on the ${resource}`);
}

export const finalSnapshots = defineRule({
    id: "aws-final-snapshots",
    cloud: "aws",
    title: "Databases and EBS volumes take a final snapshot when they are deleted",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A stack update that replaces a database or volume, or a `pulumi destroy` run by mistake, deletes the data for " +
        "good unless a final snapshot is taken. `skipFinalSnapshot: true` throws that last copy away; EBS volumes take no " +
        "final snapshot unless `finalSnapshot` is true.",
    remediation:
        "Set `skipFinalSnapshot: false` (with `finalSnapshotIdentifier`) on `aws.rds.Instance`, `aws.rds.Cluster`, " +
        "`aws.docdb.Cluster`, `aws.neptune.Cluster` and `aws.redshift.Cluster`, and `finalSnapshot: true` on `aws.ebs.Volume` " +
        "holding data. Give the final snapshot an expiry so it does not live forever.",
    docsUrl,
    controls: {},
    config: [],
    targets: [
        on<InstanceArgs>("aws:rds/instance:Instance", notSkipped("aws.rds.Instance")),
        on<RdsClusterArgs>("aws:rds/cluster:Cluster", notSkipped("aws.rds.Cluster")),
        on<DocdbClusterArgs>("aws:docdb/cluster:Cluster", notSkipped("aws.docdb.Cluster")),
        on<NeptuneClusterArgs>("aws:neptune/cluster:Cluster", notSkipped("aws.neptune.Cluster")),
        on<RedshiftClusterArgs>("aws:redshift/cluster:Cluster", notSkipped("aws.redshift.Cluster")),
        on<VolumeArgs>("aws:ebs/volume:Volume", (props) => requireTrue(props, "finalSnapshot", "", {
            omitted: false,
            off: "no final snapshot is taken when the volume is deleted",
            absent: "no final snapshot is taken when the volume is deleted (finalSnapshot omitted means false)",
            fix: "set `finalSnapshot: true` on the aws.ebs.Volume",
        })),
    ],
});
