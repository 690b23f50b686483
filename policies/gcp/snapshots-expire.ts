import type { ImageArgs, SnapshotArgs } from "@pulumi/gcp/compute";
import { addExpiryTag, checkExpiryTag } from "../../core/expiry";
import { defineRule, on } from "../../core/rule";

type Knobs = "retentionTagKeys" | "maxRetentionDays" | "defaultRetentionDays";

const docsUrl = "https://cloud.google.com/compute/docs/labeling-resources";

/**
 * The expiry label check for one labelled resource. GCP label keys can only be lower case, so the
 * configured keys are lower-cased: the messages then name keys a program can actually set.
 */
function expiryLabel(resource: string) {
    return (props: unknown, config: { retentionTagKeys: string[]; maxRetentionDays: number | undefined }, now: Date) =>
        checkExpiryTag(props, {
            container: "labels",
            noun: "label",
            resource,
            retentionTagKeys: config.retentionTagKeys.map((key) => key.toLowerCase()),
            maxRetentionDays: config.maxRetentionDays,
            now,
        });
}

/** Remediation: an `expires-on` label, today + defaultRetentionDays, where no expiry label exists (labels change in place). */
function addExpiryLabel(props: Record<string, unknown>, config: { retentionTagKeys: string[]; maxRetentionDays: number | undefined; defaultRetentionDays: number }, now: Date) {
    return addExpiryTag(props, { ...config, container: "labels", retentionTagKeys: config.retentionTagKeys.map((key) => key.toLowerCase()), now });
}

const snapshot = expiryLabel("the gcp.compute.Snapshot");
const image = expiryLabel("the gcp.compute.Image");

export const snapshotsExpire = defineRule({
    id: "gcp-snapshots-expire",
    cloud: "gcp",
    title: "Standalone snapshots and images carry an expiry label",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "mandatory",
    rationale:
        "A `gcp.compute.Snapshot` or `gcp.compute.Image` created in a program has no expiry of its own: it keeps a full " +
        "copy of the disk's data until someone deletes it. An expiry label (`expires-on: YYYY-MM-DD` or " +
        "`retention-days: N`) tells clean-up jobs and reviewers when the copy may go, and `maxRetentionDays` bounds it. " +
        "Scheduled snapshots are governed by their schedule's retention policy instead. Machine images take no labels " +
        "in this SDK, so they are not checked here.",
    remediation:
        "Add one of the `retentionTagKeys` (default `expires-on`, `retention-days`) to `labels` of the gcp.compute.Snapshot " +
        "or gcp.compute.Image: `expires-on` with a date `YYYY-MM-DD` that has not passed, or `retention-days` with a " +
        "positive whole number. GCP label keys and values must be lower case. Labels can be changed in place.",
    docsUrl,
    config: ["retentionTagKeys", "maxRetentionDays", "defaultRetentionDays"],
    targets: [
        on<SnapshotArgs, Knobs>("gcp:compute/snapshot:Snapshot", (props, { config, now }) => snapshot(props, config, now),
            (props, { config, now }) => addExpiryLabel(props, config, now)),
        on<ImageArgs, Knobs>("gcp:compute/image:Image", (props, { config, now }) => image(props, config, now),
            (props, { config, now }) => addExpiryLabel(props, config, now)),
    ],
});
