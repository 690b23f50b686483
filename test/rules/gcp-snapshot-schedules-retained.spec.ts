import { snapshotSchedulesRetained } from "../../policies/gcp/snapshot-schedules-retained";
import { describeRule, UNKNOWN } from "../harness";

const POLICY = "gcp:compute/resourcePolicy:ResourcePolicy";
const schedule = { dailySchedule: { daysInCycle: 1, startTime: "04:00" } };
const policy = (retentionPolicy: unknown) => ({ region: "us-central1", snapshotSchedulePolicy: { schedule, retentionPolicy } });
const retention = (maxRetentionDays: unknown, onSourceDiskDelete: unknown = "APPLY_RETENTION_POLICY") => policy({ maxRetentionDays, onSourceDiskDelete });
const base = "snapshotSchedulePolicy.retentionPolicy";
const exempt = { exemptions: [{ resource: "subject", reason: "legal hold schedule", expires: "2999-01-01" }] };

describeRule(snapshotSchedulesRetained, POLICY, [
    { name: "14 days, applied after the disk is deleted", props: retention(14), expect: "pass" },
    { name: "exactly the minimum", props: retention(7), expect: "pass" },
    { name: "on-delete value in lower case", props: retention(14, "apply_retention_policy"), expect: "pass" },
    { name: "not a snapshot schedule (instance schedule)", props: { region: "us-central1", instanceSchedulePolicy: { timeZone: "UTC" } }, expect: "pass" },
    { name: "snapshot schedule policy omitted (placement policy)", props: { region: "us-central1", groupPlacementPolicy: { collocation: "COLLOCATED" } }, expect: "pass" },
    { name: "retention policy omitted", props: { region: "us-central1", snapshotSchedulePolicy: { schedule } }, expect: "fail", paths: [base], message: /kept forever at snapshotSchedulePolicy\.retentionPolicy; add/ },
    { name: "on-delete omitted (default KEEP_AUTO_SNAPSHOTS)", props: policy({ maxRetentionDays: 14 }), expect: "fail", paths: [`${base}.onSourceDiskDelete`], message: /omitted means KEEP_AUTO_SNAPSHOTS.*APPLY_RETENTION_POLICY/ },
    { name: "on-delete KEEP_AUTO_SNAPSHOTS", props: retention(14, "KEEP_AUTO_SNAPSHOTS"), expect: "fail", paths: [`${base}.onSourceDiskDelete`] },
    { name: "retention below the minimum", props: retention(3), expect: "fail", paths: [`${base}.maxRetentionDays`], message: /below the minimum of 7 days/ },
    { name: "short retention and keep on delete report both", props: retention(2, "KEEP_AUTO_SNAPSHOTS"), expect: "fail", paths: [`${base}.maxRetentionDays`, `${base}.onSourceDiskDelete`] },
    { name: "retention days omitted", props: policy({ onSourceDiskDelete: "APPLY_RETENTION_POLICY" }), expect: "fail", paths: [`${base}.maxRetentionDays`], message: /not set/ },
    { name: "retention days as a numeric string", props: retention("10"), expect: "pass" },
    { name: "retention days not a number", props: retention("ten"), expect: "fail", paths: [`${base}.maxRetentionDays`], message: /not a number/ },
    { name: "whole schedule unknown during preview", props: { snapshotSchedulePolicy: UNKNOWN }, expect: "defer", paths: ["snapshotSchedulePolicy"] },
    { name: "retention policy unknown during preview", props: policy(UNKNOWN), expect: "defer", paths: [base] },
    { name: "retention days unknown during preview", props: retention(UNKNOWN), expect: "defer", paths: [`${base}.maxRetentionDays`] },
    { name: "unknown days do not hide KEEP_AUTO_SNAPSHOTS", props: retention(UNKNOWN, "KEEP_AUTO_SNAPSHOTS"), expect: "fail", paths: [`${base}.onSourceDiskDelete`] },
    { name: "on-delete unknown does not hide a short retention", props: retention(1, UNKNOWN), expect: "fail", paths: [`${base}.maxRetentionDays`] },
    { name: "above maxRetentionDays", props: retention(90), config: { maxRetentionDays: 30 }, expect: "fail", paths: [`${base}.maxRetentionDays`], message: /above the maximum of 30 days.*7 to 30 days/ },
    { name: "within maxRetentionDays", props: retention(30), config: { maxRetentionDays: 30 }, expect: "pass" },
    { name: "higher minRetentionDays", props: retention(14), config: { minRetentionDays: 30 }, expect: "fail", paths: [`${base}.maxRetentionDays`] },
    { name: "keeps snapshots but exempted with a reason", props: retention(14, "KEEP_AUTO_SNAPSHOTS"), config: exempt, expect: "exempt" },
    { name: "maxRetentionDays of zero is invalid config", props: retention(14), config: { maxRetentionDays: 0 }, expect: "fail", message: /invalid policy config: "gcp-snapshot-schedules-retained\.maxRetentionDays"/ },
]);
