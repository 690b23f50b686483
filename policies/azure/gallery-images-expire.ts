import type { SharedImageArgs } from "@pulumi/azure/compute";
import type { GalleryImageArgs } from "@pulumi/azure-native/compute";
import { defineRule, on } from "../../core/rule";
import { checkEndOfLifeAt } from "./lib/end-of-life";

export const galleryImagesExpire = defineRule({
    id: "azure-gallery-images-expire",
    cloud: "azure",
    title: "Gallery image definitions carry an end-of-life date",
    category: "lifecycle",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "The end-of-life date of a gallery image definition tells consumers when the whole image line is retired. Without " +
        "it, definitions and their versions accumulate and nobody knows which images may still be used for new machines.",
    remediation:
        "Set `endOfLifeDate` (an ISO 8601 date-time) on `azure-native.compute.GalleryImage` or the classic `azure.compute.SharedImage`. The date changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/shared-image-galleries",
    controls: {},
    config: [],
    targets: [
        on<GalleryImageArgs>("azure-native:compute:GalleryImage", (props, { now }) =>
            checkEndOfLifeAt(props, ["endOfLifeDate"], "azure-native.compute.GalleryImage", "image definition", now)),
        on<SharedImageArgs>("azure:compute/sharedImage:SharedImage", (props, { now }) =>
            checkEndOfLifeAt(props, ["endOfLifeDate"], "azure.compute.SharedImage", "image definition", now)),
    ],
});
