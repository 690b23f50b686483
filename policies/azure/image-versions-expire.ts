import type { GalleryImageVersionArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on } from "../../core/rule";
import { dig, isUnknown } from "../../core/values";
import { checkEndOfLife } from "./lib/end-of-life";

export const imageVersionsExpire = defineRule({
    id: "azure-image-versions-expire",
    cloud: "azure",
    title: "Gallery image versions carry an end-of-life date",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "A gallery image version is a full copy of a machine's disks, replicated to every target region. Without " +
        "`publishingProfile.endOfLifeDate` nothing marks it as retired, so old images with outdated software and baked-in " +
        "secrets stay available for new VMs and keep their copies alive indefinitely.",
    remediation:
        "Set `publishingProfile.endOfLifeDate` (an ISO 8601 date-time) on `azure-native.compute.GalleryImageVersion`, and " +
        "delete versions once they reach it. The date changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/image-version",
    controls: {},
    config: [],
    targets: [
        on<GalleryImageVersionArgs>("azure-native:compute:GalleryImageVersion", (props, { now }) => {
            const value = dig(props, "publishingProfile", "endOfLifeDate");
            if (isUnknown(value)) {
                return [deferred("publishingProfile.endOfLifeDate")];
            }
            return checkEndOfLife(typeof value === "string" ? value : undefined, value !== undefined, "publishingProfile.endOfLifeDate",
                "azure-native.compute.GalleryImageVersion", "image version", now);
        }),
    ],
});

