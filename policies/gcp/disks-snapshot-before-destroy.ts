import type { DiskArgs, RegionDiskArgs } from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";

const docsUrl = "https://www.pulumi.com/registry/packages/gcp/api-docs/compute/disk/";

function finalSnapshot(resource: string) {
    return (props: unknown): Finding[] => {
        const enabled = asBool(prop(props, "createSnapshotBeforeDestroy"));
        if (isUnknown(enabled)) {
            return [deferred("createSnapshotBeforeDestroy")];
        }
        if (enabled === true) {
            return [];
        }
        return [violation("createSnapshotBeforeDestroy", enabled === false
            ? "the disk is destroyed without a final snapshot"
            : "the disk is destroyed without a final snapshot (omitted means false)",
        `set \`createSnapshotBeforeDestroy: true\` on the ${resource} (an in-place change)`)];
    };
}

export const disksSnapshotBeforeDestroy = defineRule({
    id: "gcp-disks-snapshot-before-destroy",
    cloud: "gcp",
    title: "Persistent disks take a final snapshot before Pulumi destroys them",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "When a program drops or replaces a `gcp.compute.Disk` or `gcp.compute.RegionDisk`, its data is gone unless a " +
        "snapshot was taken first. `createSnapshotBeforeDestroy: true` makes the provider snapshot the disk before it " +
        "deletes it, so a mistaken destroy or a replacement can be undone. Pair the final snapshot with an expiry label " +
        "or a clean-up job so it does not live forever.",
    remediation:
        "Set `createSnapshotBeforeDestroy: true` (optionally `createSnapshotBeforeDestroyPrefix`) on gcp.compute.Disk and " +
        "gcp.compute.RegionDisk. The setting only changes provider behaviour and does not replace the disk.",
    docsUrl,
    config: [],
    targets: [
        on<Pick<DiskArgs, "createSnapshotBeforeDestroy">>("gcp:compute/disk:Disk", finalSnapshot("gcp.compute.Disk")),
        on<Pick<RegionDiskArgs, "createSnapshotBeforeDestroy">>("gcp:compute/regionDisk:RegionDisk", finalSnapshot("gcp.compute.RegionDisk")),
    ],
});
