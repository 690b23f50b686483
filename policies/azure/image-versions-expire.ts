import type { SharedImageVersionArgs } from "@pulumi/azure/compute";
import type { GalleryImageVersionArgs } from "@pulumi/azure-native/compute";
import { defineRule, on } from "../../core/rule";
import { checkEndOfLifeAt } from "./lib/end-of-life";

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
        "Set `publishingProfile.endOfLifeDate` (an ISO 8601 date-time) on `azure-native.compute.GalleryImageVersion` (`endOfLifeDate` on the classic `azure.compute.SharedImageVersion`), and " +
        "delete versions once they reach it. The date changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/image-version",
    controls: {},
    config: [],
    targets: [
        on<GalleryImageVersionArgs>("azure-native:compute:GalleryImageVersion", (props, { now }) =>
            checkEndOfLifeAt(props, ["publishingProfile", "endOfLifeDate"], "azure-native.compute.GalleryImageVersion", "image version", now)),
        on<SharedImageVersionArgs>("azure:compute/sharedImageVersion:SharedImageVersion", (props, { now }) =>
            checkEndOfLifeAt(props, ["endOfLifeDate"], "azure.compute.SharedImageVersion", "image version", now)),
    ],
});

