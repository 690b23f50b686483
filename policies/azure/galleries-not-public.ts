import type { SharedImageGalleryArgs } from "@pulumi/azure/compute";
import type { GalleryArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";
import { galleryGroupTargets, SHARE_ONLY_WITH_TRUSTED } from "./lib/gallery-groups";

type Knobs = "trustedTenantIds" | "trustedSubscriptionIds";

/** Findings when the permission is Community or unknown; `undefined` when it is neither (decide further). */
function notCommunity(permissions: unknown, path: string, resource: string): Finding[] | undefined {
    const community = enumIn(permissions, "Community");
    if (isUnknown(community)) {
        return [deferred(path)];
    }
    if (community) {
        return [violation(path, "the gallery is a community gallery, public to every Azure user (permission Community)",
            `set \`${path}\` to "Private" (or "Groups" with trusted subscriptions and tenants) on the ${resource}`)];
    }
    return undefined;
}

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
        "undone once images have been copied by others, so stop it before the first image version is published. With the " +
        "classic provider, set `sharing.permission` on `azure.compute.SharedImageGallery` the same way.",
    docsUrl,
    controls: {},
    config: ["trustedTenantIds", "trustedSubscriptionIds"],
    targets: [
        on<GalleryArgs, Knobs>("azure-native:compute:Gallery", (props, { config }) => {
            const permissions = prop(prop(props, "sharingProfile"), "permissions");
            const community = notCommunity(permissions, "sharingProfile.permissions", "azure-native.compute.Gallery");
            if (community !== undefined) {
                return community;
            }
            if (enumIn(permissions, "Groups") !== true) {
                return [];
            }
            const targets = galleryGroupTargets(props, config, SHARE_ONLY_WITH_TRUSTED);
            return [...targets.untrusted, ...targets.unknown];
        }),
        // azurerm shares with groups through the gallery's share action too; its inputs carry no targets.
        on<SharedImageGalleryArgs, Knobs>("azure:compute/sharedImageGallery:SharedImageGallery", (props) =>
            notCommunity(prop(prop(props, "sharing"), "permission"), "sharing.permission", "azure.compute.SharedImageGallery") ?? []),
    ],
});
