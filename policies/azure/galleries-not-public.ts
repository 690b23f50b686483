import type { GalleryArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";
import { galleryGroupTargets, SHARE_ONLY_WITH_TRUSTED } from "./lib/gallery-groups";

type Knobs = "trustedTenantIds" | "trustedSubscriptionIds";

const docsUrl = "https://learn.microsoft.com/en-us/azure/virtual-machines/share-gallery-community";

export const galleriesNotPublic = defineRule({
    id: "azure-galleries-not-public",
    cloud: "azure",
    title: "Compute galleries are never shared with the public or with untrusted subscriptions and tenants",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "A community gallery (`sharingProfile.permissions: \"Community\"`) publishes every image version in it to all Azure " +
        "users: anyone can create a VM from the images and read the disks, with whatever credentials, keys and data were " +
        "baked in. Sharing with groups is safer but only as long as every subscription and tenant in the group belongs to " +
        "the organisation.",
    remediation:
        "On `azure-native.compute.Gallery` set `sharingProfile.permissions` to \"Private\", or to \"Groups\" and share only with " +
        "the subscriptions and tenants listed in `trustedSubscriptionIds` / `trustedTenantIds`. Community sharing cannot be " +
        "undone once images have been copied by others, so stop it before the first image version is published.",
    docsUrl,
    controls: {},
    config: ["trustedTenantIds", "trustedSubscriptionIds"],
    targets: [
        on<GalleryArgs, Knobs>("azure-native:compute:Gallery", (props, { config }) => {
            const permissions = prop(prop(props, "sharingProfile"), "permissions");
            const community = enumIn(permissions, "Community");
            if (isUnknown(community)) {
                return [deferred("sharingProfile.permissions")];
            }
            if (community) {
                return [violation("sharingProfile.permissions",
                    "the gallery is a community gallery, public to every Azure user (permissions Community)",
                    "set `sharingProfile.permissions` to \"Private\" (or \"Groups\" with trusted subscriptions and tenants) on the azure-native.compute.Gallery")];
            }
            if (enumIn(permissions, "Groups") !== true) {
                return [];
            }
            const targets = galleryGroupTargets(props, config, SHARE_ONLY_WITH_TRUSTED);
            return [...targets.untrusted, ...targets.unknown];
        }),
    ],
});
