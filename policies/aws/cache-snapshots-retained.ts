import type { ClusterArgs as ElasticacheClusterArgs, ReplicationGroupArgs } from "@pulumi/aws/elasticache";
import type { ClusterArgs as MemorydbClusterArgs } from "@pulumi/aws/memorydb";
import type { CacheClusterArgs, ReplicationGroupArgs as NativeReplicationGroupArgs } from "@pulumi/aws-native/elasticache";
import type { ClusterArgs as NativeMemorydbClusterArgs } from "@pulumi/aws-native/memorydb";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { enumIn, isSet, isUnknown, prop } from "../../core/values";
import { readNumber } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html";

function retained(resource: string) {
    return (props: unknown): Finding[] => {
        const value = readNumber(props, "snapshotRetentionLimit");
        if (value.kind === "unknown") {
            return [deferred("snapshotRetentionLimit")];
        }
        const fix = `set \`snapshotRetentionLimit\` on the ${resource} to a number of days (1 to 35)`;
        if (value.kind === "invalid") {
            return [violation("snapshotRetentionLimit", "the snapshot retention is not a number of days", fix)];
        }
        if (value.kind === "omitted") {
            return [violation("snapshotRetentionLimit", "automatic snapshots are off (snapshotRetentionLimit omitted means 0)", fix)];
        }
        return value.value <= 0 ? [violation("snapshotRetentionLimit", "automatic snapshots are turned off (0)", fix)] : [];
    };
}

export const cacheSnapshotsRetained = defineRule({
    id: "aws-cache-snapshots-retained",
    cloud: "aws",
    title: "Redis, Valkey and MemoryDB caches take automatic snapshots",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "Caches increasingly hold data that exists nowhere else (sessions, queues, MemoryDB as a primary database). " +
        "With `snapshotRetentionLimit` 0, the default, no automatic snapshot exists to restore from after a failure or " +
        "a bad write.",
    remediation:
        "Set `snapshotRetentionLimit` to a number of days on `aws.elasticache.Cluster` (Redis/Valkey), " +
        "`aws.elasticache.ReplicationGroup` and `aws.memorydb.Cluster`, and on `aws-native.elasticache.CacheCluster` " +
        "(Redis/Valkey), `aws-native.elasticache.ReplicationGroup` and `aws-native.memorydb.Cluster` (CloudFormation's default is 0 too).",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_134"],
        trivy: ["AWS-0050"],
        "aws-config": ["elasticache-redis-cluster-automatic-backup-check"],
        prowler: ["elasticache_redis_cluster_backup_enabled"],
    },
    config: [],
    targets: [
        on<ElasticacheClusterArgs>("aws:elasticache/cluster:Cluster", (props) => {
            // Memcached has no snapshots; a member of a replication group is judged on the group.
            const memcached = enumIn(prop(props, "engine"), "memcached");
            if (memcached === true) return [];
            if (isUnknown(memcached)) return [deferred("engine")];
            if (isSet(props, "replicationGroupId")) return [];
            return retained("aws.elasticache.Cluster")(props);
        }),
        on<ReplicationGroupArgs>("aws:elasticache/replicationGroup:ReplicationGroup", retained("aws.elasticache.ReplicationGroup")),
        on<MemorydbClusterArgs>("aws:memorydb/cluster:Cluster", retained("aws.memorydb.Cluster")),
        on<CacheClusterArgs>("aws-native:elasticache:CacheCluster", (props) => {
            const memcached = enumIn(prop(props, "engine"), "memcached");
            if (memcached === true) return [];
            if (isUnknown(memcached)) return [deferred("engine")];
            return retained("aws-native.elasticache.CacheCluster")(props);
        }),
        on<NativeReplicationGroupArgs>("aws-native:elasticache:ReplicationGroup", retained("aws-native.elasticache.ReplicationGroup")),
        on<NativeMemorydbClusterArgs>("aws-native:memorydb:Cluster", retained("aws-native.memorydb.Cluster")),
    ],
});
