import type { ImageArgs as ClassicImageArgs, SnapshotArgs as ClassicSnapshotArgs } from "@pulumi/azure/compute";
import type { ImageArgs, SnapshotArgs } from "@pulumi/azure-native/compute";
import { addExpiryTag, checkExpiryTag } from "../../core/expiry";
import { defineRule, on, type CheckContext } from "../../core/rule";

type Knobs = "retentionTagKeys" | "maxRetentionDays" | "defaultRetentionDays";

/** The check and the remediation for one resource type: an expiry tag in `tags`. */
function expiryTag(resource: string) {
    type Context = CheckContext<Knobs>;
    return [
        (props: Record<string, unknown>, { config, now }: Context) => checkExpiryTag(props, { container: "tags", resource: `the ${resource}`, now, ...config }),
        (props: Record<string, unknown>, { config, now }: Context) => addExpiryTag(props, { container: "tags", now, ...config }),
    ] as const;
}

export const snapshotsExpire = defineRule({
    id: "azure-snapshots-expire",
    cloud: "azure",
    title: "Standalone snapshots and managed images carry an expiry tag",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Managed disk snapshots and managed images have no native expiry: once created they keep a full copy of the disk " +
        "until someone deletes them, long after the machine they came from is gone. An expiry tag gives clean-up automation " +
        "and reviewers a date to act on.",
    remediation:
        "Add a tag named by `retentionTagKeys` (default `expires-on` with a YYYY-MM-DD date not in the past, or " +
        "`retention-days` with a positive whole number) to `tags` on `azure-native.compute.Snapshot` and " +
        "`azure-native.compute.Image` (or `azure.compute.Snapshot` and `azure.compute.Image` of the classic provider), and delete the copy when it expires. Tags change in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/tag-resources",
    controls: {},
    config: ["retentionTagKeys", "maxRetentionDays", "defaultRetentionDays"],
    targets: [
        on<SnapshotArgs, Knobs>("azure-native:compute:Snapshot", ...expiryTag("azure-native.compute.Snapshot")),
        on<ImageArgs, Knobs>("azure-native:compute:Image", ...expiryTag("azure-native.compute.Image")),
        on<ClassicSnapshotArgs, Knobs>("azure:compute/snapshot:Snapshot", ...expiryTag("azure.compute.Snapshot")),
        on<ClassicImageArgs, Knobs>("azure:compute/image:Image", ...expiryTag("azure.compute.Image")),
    ],
});
