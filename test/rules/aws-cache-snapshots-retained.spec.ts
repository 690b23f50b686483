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

for (const [type, base] of [
    ["aws-native:elasticache:CacheCluster", { engine: "redis", cacheNodeType: "cache.t4g.micro", numCacheNodes: 1 }],
    ["aws-native:elasticache:ReplicationGroup", { replicationGroupDescription: "sessions" }],
    ["aws-native:memorydb:Cluster", { aclName: "open-access", nodeType: "db.t4g.small" }],
] as const) {
    describeRule(cacheSnapshotsRetained, type, [
        { name: "seven days", props: { ...base, snapshotRetentionLimit: 7 }, expect: "pass" },
        { name: "snapshotRetentionLimit omitted", props: { ...base }, expect: "fail", paths: ["snapshotRetentionLimit"], message: /omitted means 0.*aws-native\./ },
        { name: "zero", props: { ...base, snapshotRetentionLimit: 0 }, expect: "fail", paths: ["snapshotRetentionLimit"] },
        { name: "unknown during preview", props: { ...base, snapshotRetentionLimit: UNKNOWN }, expect: "defer" },
    ]);
}

describeRule(cacheSnapshotsRetained, "aws-native:elasticache:CacheCluster", [
    { name: "memcached has no snapshots", props: { engine: "memcached", cacheNodeType: "cache.t4g.micro", numCacheNodes: 1 }, expect: "pass" },
    { name: "engine unknown during preview", props: { engine: UNKNOWN }, expect: "defer" },
]);
