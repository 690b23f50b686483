import type { ResourcePolicyArgs } from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asNumber, enumIn, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "minRetentionDays" | "maxRetentionDays";

const docsUrl = "https://cloud.google.com/compute/docs/disks/scheduled-snapshots";
const resource = "gcp.compute.ResourcePolicy";
const base = "snapshotSchedulePolicy.retentionPolicy";

export const snapshotSchedulesRetained = defineRule({
    id: "gcp-snapshot-schedules-retained",
    cloud: "gcp",
    title: "Snapshot schedules delete their snapshots after a bounded retention, also once the disk is gone",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "A snapshot schedule (`gcp.compute.ResourcePolicy` with `snapshotSchedulePolicy`) without a retention policy keeps " +
        "every snapshot it takes forever, so copies of the disk's data pile up beyond their purpose. A retention shorter " +
        "than the organization's minimum loses restore points too early. And with the default `onSourceDiskDelete: " +
        "KEEP_AUTO_SNAPSHOTS`, the snapshots of a deleted disk are never deleted at all.",
    remediation:
        "Add `snapshotSchedulePolicy.retentionPolicy` to the gcp.compute.ResourcePolicy with `maxRetentionDays` within " +
        "the configured bounds (`minRetentionDays`, default 7; `maxRetentionDays` when set) and " +
        "`onSourceDiskDelete: \"APPLY_RETENTION_POLICY\"`.",
    docsUrl,
    config: ["minRetentionDays", "maxRetentionDays"],
    targets: [
        on<Pick<ResourcePolicyArgs, "snapshotSchedulePolicy">, Knobs>("gcp:compute/resourcePolicy:ResourcePolicy", (props, { config }) => {
            const schedule = prop(props, "snapshotSchedulePolicy");
            if (isUnknown(schedule)) {
                return [deferred("snapshotSchedulePolicy")];
            }
            if (schedule === undefined) {
                return []; // placement, instance or consistency-group policy: takes no snapshots
            }
            const { minRetentionDays: min, maxRetentionDays: max } = config;
            const bounds = max === undefined ? `at least ${min}` : `${min} to ${max}`;
            const retention = prop(schedule, "retentionPolicy");
            if (isUnknown(retention)) {
                return [deferred(base)];
            }
            if (retention === undefined) {
                return [violation(base, "the snapshot schedule has no retention policy, so its snapshots are kept forever",
                    `add \`${base}\` to the ${resource} with \`maxRetentionDays\` of ${bounds} and \`onSourceDiskDelete: "APPLY_RETENTION_POLICY"\``)];
            }
            const findings: Finding[] = [];
            const daysPath = `${base}.maxRetentionDays`;
            const daysFix = `set \`${daysPath}\` on the ${resource} to ${bounds} days`;
            const days = asNumber(prop(retention, "maxRetentionDays"));
            if (isUnknown(days)) {
                findings.push(deferred(daysPath));
            } else if (days === undefined) {
                findings.push(violation(daysPath, isSet(retention, "maxRetentionDays")
                    ? "the snapshot retention is not a number of days"
                    : "the snapshot retention is not set", daysFix));
            } else if (days < min) {
                findings.push(violation(daysPath, `the snapshot retention is below the minimum of ${min} days (minRetentionDays)`, daysFix));
            } else if (max !== undefined && days > max) {
                findings.push(violation(daysPath, `the snapshot retention is above the maximum of ${max} days (maxRetentionDays)`, daysFix));
            }
            const deletePath = `${base}.onSourceDiskDelete`;
            const apply = enumIn(prop(retention, "onSourceDiskDelete"), "APPLY_RETENTION_POLICY");
            if (isUnknown(apply)) {
                findings.push(deferred(deletePath));
            } else if (apply !== true) {
                findings.push(violation(deletePath, apply === undefined && !isSet(retention, "onSourceDiskDelete")
                    ? "snapshots are kept forever once the disk is deleted (omitted means KEEP_AUTO_SNAPSHOTS)"
                    : "snapshots are kept forever once the disk is deleted (only APPLY_RETENTION_POLICY expires them)",
                `set \`${deletePath}: "APPLY_RETENTION_POLICY"\` on the ${resource}`));
            }
            return findings;
        }),
    ],
});
