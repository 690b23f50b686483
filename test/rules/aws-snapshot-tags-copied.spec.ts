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
