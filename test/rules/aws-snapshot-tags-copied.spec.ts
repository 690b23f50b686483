import { snapshotTagsCopied } from "../../policies/aws/snapshot-tags-copied";
import { describeRule, UNKNOWN } from "../harness";

for (const type of ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:neptune/cluster:Cluster"]) {
    describeRule(snapshotTagsCopied, type, [
        { name: "tags copied", props: { copyTagsToSnapshot: true }, expect: "pass" },
        { name: "copyTagsToSnapshot omitted", props: {}, expect: "fail", paths: ["copyTagsToSnapshot"], message: /omitted means false/ },
        { name: "turned off", props: { copyTagsToSnapshot: false }, expect: "fail", paths: ["copyTagsToSnapshot"] },
        { name: "unknown during preview", props: { copyTagsToSnapshot: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: {}, config: { exemptions: [{ resource: "subject", reason: "untagged legacy" }] }, expect: "exempt" },
    ]);
}

for (const [type, resource] of [
    ["aws-native:rds:DbInstance", "aws-native.rds.DbInstance"], ["aws-native:rds:DbCluster", "aws-native.rds.DbCluster"], ["aws-native:neptune:DbCluster", "aws-native.neptune.DbCluster"],
] as const) {
    describeRule(snapshotTagsCopied, type, [
        { name: "copied", props: { copyTagsToSnapshot: true }, expect: "pass" },
        { name: "copyTagsToSnapshot omitted: CloudFormation does not copy", props: {}, expect: "fail", paths: ["copyTagsToSnapshot"], message: new RegExp(`omitted means false.*${resource.replace(/\./g, "\\.")}`) },
        { name: "turned off", props: { copyTagsToSnapshot: false }, expect: "fail", paths: ["copyTagsToSnapshot"] },
        { name: "unknown during preview", props: { copyTagsToSnapshot: UNKNOWN }, expect: "defer" },
    ]);
}

describeRule(snapshotTagsCopied, "aws-native:rds:DbInstance", [
    { name: "Aurora instance follows its cluster", props: { engine: "aurora-mysql", dbClusterIdentifier: "c" }, expect: "pass" },
]);
