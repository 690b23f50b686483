import { cacheSnapshotsRetained } from "../../policies/aws/cache-snapshots-retained";
import { describeRule, UNKNOWN } from "../harness";

for (const type of ["aws:elasticache/cluster:Cluster", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:memorydb/cluster:Cluster"]) {
    describeRule(cacheSnapshotsRetained, type, [
        { name: "seven days", props: { engine: "redis", snapshotRetentionLimit: 7 }, expect: "pass" },
        { name: "snapshotRetentionLimit omitted", props: { engine: "redis" }, expect: "fail", paths: ["snapshotRetentionLimit"], message: /omitted means 0/ },
        { name: "zero", props: { snapshotRetentionLimit: 0 }, expect: "fail", paths: ["snapshotRetentionLimit"] },
        { name: "unknown during preview", props: { snapshotRetentionLimit: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: {}, config: { exemptions: [{ resource: "subject", reason: "pure cache" }] }, expect: "exempt" },
    ]);
}

describeRule(cacheSnapshotsRetained, "aws:elasticache/cluster:Cluster", [
    { name: "memcached has no snapshots", props: { engine: "memcached" }, expect: "pass" },
    { name: "Memcached in mixed case", props: { engine: "Memcached" }, expect: "pass" },
    { name: "member of a replication group is judged on the group", props: { replicationGroupId: "rg" }, expect: "pass" },
    { name: "engine unknown during preview", props: { engine: UNKNOWN }, expect: "defer" },
]);
