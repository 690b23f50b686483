import type { SnapshotArgs as EbsSnapshotArgs, SnapshotCopyArgs as EbsSnapshotCopyArgs } from "@pulumi/aws/ebs";
import type { ClusterSnapshotArgs, ClusterSnapshotCopyArgs, SnapshotArgs, SnapshotCopyArgs } from "@pulumi/aws/rds";
import type { ClusterSnapshotArgs as RedshiftClusterSnapshotArgs } from "@pulumi/aws/redshift";
import type { ClusterSnapshotArgs as NativeClusterSnapshotArgs, DbSnapshotArgs } from "@pulumi/aws-native/rds";
import { addExpiryTag, checkExpiryTag } from "../../core/expiry";
import { defineRule, deferred, on, violation, type CheckContext, type Finding } from "../../core/rule";
import { readNumber } from "./lib/checks";

type Knobs = "retentionTagKeys" | "maxRetentionDays" | "defaultRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/snapshot-lifecycle.html";

/** `list`: aws-native (CloudFormation) tags are a list of `{ key, value }` entries. */
function expiryTag(resource: string, list = false) {
    return (props: Record<string, unknown>, { config, now }: CheckContext<Knobs>): Finding[] =>
        checkExpiryTag(props, { container: "tags", resource: `the ${resource}`, retentionTagKeys: config.retentionTagKeys, maxRetentionDays: config.maxRetentionDays, now, list });
}

/** Remediation: an `expires-on` tag, today + defaultRetentionDays, on a snapshot with no expiry tag (tags change in place). */
function addExpiry(props: Record<string, unknown>, { config, now }: CheckContext<Knobs>): Record<string, unknown> | undefined {
    return addExpiryTag(props, { container: "tags", now, ...config });
}

function addExpiryEntry(props: Record<string, unknown>, { config, now }: CheckContext<Knobs>): Record<string, unknown> | undefined {
    return addExpiryTag(props, { container: "tags", now, ...config, list: true });
}

export const snapshotsExpire = defineRule({
    id: "aws-snapshots-expire",
    cloud: "aws",
    title: "Standalone EBS, RDS and Redshift snapshots carry an expiry tag",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "mandatory",
    rationale:
        "A snapshot created on its own (not by AWS Backup or Data Lifecycle Manager) has no native expiry: it is kept, " +
        "billed and restorable forever, including data that should have been deleted. An expiry tag states when it may " +
        "go, so a clean-up job (or a person) can delete it and auditors can see that it is meant to.",
    remediation:
        "Add a tag named in `retentionTagKeys` (default `expires-on` with a date `YYYY-MM-DD`, or `retention-days` with a " +
        "positive whole number) to `tags` on `aws.ebs.Snapshot`, `aws.ebs.SnapshotCopy`, `aws.rds.Snapshot`, " +
        "`aws.rds.SnapshotCopy`, `aws.rds.ClusterSnapshot`, `aws.rds.ClusterSnapshotCopy` and `aws.redshift.ClusterSnapshot` " +
        "(a Redshift snapshot may use `manualSnapshotRetentionPeriod` instead), within `maxRetentionDays` when configured. " +
        "On `aws-native.rds.DbSnapshot` and `aws-native.rds.ClusterSnapshot` the tag is a `{ key, value }` entry of `tags`; the " +
        "other snapshot types have no aws-native counterpart.",
    docsUrl,
    controls: {},
    config: ["retentionTagKeys", "maxRetentionDays", "defaultRetentionDays"],
    targets: [
        on<EbsSnapshotArgs, Knobs>("aws:ebs/snapshot:Snapshot", expiryTag("aws.ebs.Snapshot"), addExpiry),
        on<EbsSnapshotCopyArgs, Knobs>("aws:ebs/snapshotCopy:SnapshotCopy", expiryTag("aws.ebs.SnapshotCopy"), addExpiry),
        on<SnapshotArgs, Knobs>("aws:rds/snapshot:Snapshot", expiryTag("aws.rds.Snapshot"), addExpiry),
        on<SnapshotCopyArgs, Knobs>("aws:rds/snapshotCopy:SnapshotCopy", expiryTag("aws.rds.SnapshotCopy"), addExpiry),
        on<ClusterSnapshotArgs, Knobs>("aws:rds/clusterSnapshot:ClusterSnapshot", expiryTag("aws.rds.ClusterSnapshot"), addExpiry),
        on<ClusterSnapshotCopyArgs, Knobs>("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", expiryTag("aws.rds.ClusterSnapshotCopy"), addExpiry),
        on<RedshiftClusterSnapshotArgs, Knobs>("aws:redshift/clusterSnapshot:ClusterSnapshot", (props, ctx) => {
            // A positive manual retention is a native expiry; -1 or omitted keeps the snapshot forever.
            const retention = readNumber(props, "manualSnapshotRetentionPeriod");
            if (retention.kind === "unknown") {
                return [deferred("manualSnapshotRetentionPeriod")];
            }
            if (retention.kind === "number" && retention.value > 0) {
                const max = ctx.config.maxRetentionDays;
                return max !== undefined && retention.value > max
                    ? [violation("manualSnapshotRetentionPeriod", `the snapshot is kept longer than the maximum of ${max} days (maxRetentionDays)`,
                        `lower \`manualSnapshotRetentionPeriod\` on the aws.redshift.ClusterSnapshot to at most ${max} days`)]
                    : [];
            }
            return expiryTag("aws.redshift.ClusterSnapshot (or set `manualSnapshotRetentionPeriod` to a number of days)")(props, ctx);
        }, addExpiry),
        // aws-native (CloudFormation): tags are `{ key, value }` entries.
        on<DbSnapshotArgs, Knobs>("aws-native:rds:DbSnapshot", expiryTag("aws-native.rds.DbSnapshot", true), addExpiryEntry),
        on<NativeClusterSnapshotArgs, Knobs>("aws-native:rds:ClusterSnapshot", expiryTag("aws-native.rds.ClusterSnapshot", true), addExpiryEntry),
    ],
});
