import type { ClusterArgs as NeptuneClusterArgs } from "@pulumi/aws/neptune";
import type { ClusterArgs as RdsClusterArgs, InstanceArgs } from "@pulumi/aws/rds";
import type { DbClusterArgs as NativeNeptuneClusterArgs } from "@pulumi/aws-native/neptune";
import type { DbClusterArgs, DbInstanceArgs } from "@pulumi/aws-native/rds";
import { defineRule, on } from "../../core/rule";
import { isSet } from "../../core/values";
import { requireTrue } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Tagging.html#USER_Tagging.CopyTags";

function copied(resource: string) {
    return (props: Record<string, unknown>) => requireTrue(props, "copyTagsToSnapshot", "", {
        omitted: false,
        off: "snapshots do not inherit the database's tags",
        absent: "snapshots do not inherit the database's tags (copyTagsToSnapshot omitted means false)",
        fix: `set \`copyTagsToSnapshot: true\` on the ${resource}`,
    });
}

export const snapshotTagsCopied = defineRule({
    id: "aws-snapshot-tags-copied",
    cloud: "aws",
    title: "Database snapshots inherit the database's ownership and classification tags",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "Snapshots without the source's tags lose their owner, data classification and cost centre: nobody can tell " +
        "whose data a snapshot holds, tag-based access control and clean-up skip it, and audits cannot trace it.",
    remediation:
        "Set `copyTagsToSnapshot: true` on `aws.rds.Instance`, `aws.rds.Cluster` and `aws.neptune.Cluster`, and on " +
        "`aws-native.rds.DbInstance` (Aurora instances follow their cluster), `aws-native.rds.DbCluster` and " +
        "`aws-native.neptune.DbCluster` (CloudFormation does not copy them either unless told).",
    docsUrl,
    controls: {
        checkov: ["CKV2_AWS_60", "CKV_AWS_313", "CKV_AWS_362"],
        prowler: ["rds_instance_copy_tags_to_snapshots", "rds_cluster_copy_tags_to_snapshots", "neptune_cluster_copy_tags_to_snapshots"],
    },
    config: [],
    targets: [
        on<InstanceArgs>("aws:rds/instance:Instance", copied("aws.rds.Instance")),
        on<RdsClusterArgs>("aws:rds/cluster:Cluster", copied("aws.rds.Cluster")),
        on<NeptuneClusterArgs>("aws:neptune/cluster:Cluster", copied("aws.neptune.Cluster")),
        // The setting has no effect on Aurora instances (dbClusterIdentifier set): the cluster's applies.
        on<DbInstanceArgs>("aws-native:rds:DbInstance", (props) => isSet(props, "dbClusterIdentifier") ? [] : copied("aws-native.rds.DbInstance")(props)),
        on<DbClusterArgs>("aws-native:rds:DbCluster", copied("aws-native.rds.DbCluster")),
        on<NativeNeptuneClusterArgs>("aws-native:neptune:DbCluster", copied("aws-native.neptune.DbCluster")),
    ],
});
