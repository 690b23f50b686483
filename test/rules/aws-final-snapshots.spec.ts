import { finalSnapshots } from "../../policies/aws/final-snapshots";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "ephemeral CI database", expires: "2999-01-01" }] };

for (const [type, resource] of [
    ["aws:rds/instance:Instance", "aws.rds.Instance"], ["aws:rds/cluster:Cluster", "aws.rds.Cluster"],
    ["aws:docdb/cluster:Cluster", "aws.docdb.Cluster"], ["aws:neptune/cluster:Cluster", "aws.neptune.Cluster"],
    ["aws:redshift/cluster:Cluster", "aws.redshift.Cluster"],
] as const) {
    describeRule(finalSnapshots, type, [
        { name: "final snapshot taken", props: { skipFinalSnapshot: false, finalSnapshotIdentifier: "final" }, expect: "pass" },
        { name: "skipFinalSnapshot omitted: default false", props: { finalSnapshotIdentifier: "final" }, expect: "pass" },
        { name: "final snapshot skipped", props: { skipFinalSnapshot: true }, expect: "fail", paths: ["skipFinalSnapshot"], message: new RegExp(`skipFinalSnapshot true\\) at skipFinalSnapshot; set \`skipFinalSnapshot: false\` .* on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "string \"true\"", props: { skipFinalSnapshot: "true" }, expect: "fail", paths: ["skipFinalSnapshot"] },
        { name: "unknown during preview", props: { skipFinalSnapshot: UNKNOWN }, expect: "defer" },
        { name: "skipped but exempted", props: { skipFinalSnapshot: true }, config: exempt, expect: "exempt" },
    ]);
}

describeRule(finalSnapshots, "aws:ebs/volume:Volume", [
    { name: "final snapshot on", props: { encrypted: true, finalSnapshot: true }, expect: "pass" },
    { name: "finalSnapshot omitted", props: { encrypted: true }, expect: "fail", paths: ["finalSnapshot"], message: /omitted means false/ },
    { name: "final snapshot off", props: { finalSnapshot: false }, expect: "fail", paths: ["finalSnapshot"] },
    { name: "unknown during preview", props: { finalSnapshot: UNKNOWN }, expect: "defer" },
    { name: "no knobs", props: { finalSnapshot: true }, config: { minRetentionDays: 1 }, expect: "fail", message: /invalid policy config/ },
]);
