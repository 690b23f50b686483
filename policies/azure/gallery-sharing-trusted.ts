import type { SharedImageGalleryArgs } from "@pulumi/azure/compute";
import type { GalleryArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";
import { galleryGroupTargets, SHARE_ONLY_WITH_TRUSTED } from "./lib/gallery-groups";

type Knobs = "trustedTenantIds" | "trustedSubscriptionIds";

const docsUrl = "https://learn.microsoft.com/en-us/azure/virtual-machines/share-gallery";

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export const gallerySharingTrusted = defineRule({
    id: "azure-gallery-sharing-trusted",
    cloud: "azure",
    title: "Compute galleries shared with groups are reviewed against the trusted subscriptions and tenants",
    category: "exposure",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A gallery with `sharingProfile.permissions: \"Groups\"` lets other subscriptions and Entra tenants create VMs from " +
        "its images. The azure-native Gallery resource does not carry the list of targets (they are set with the gallery's " +
        "share action), so a program can share a gallery without the list ever appearing in review. This rule points out " +
        "group sharing until every visible target is in the configured trust lists.",
    remediation:
        "Keep `sharingProfile.permissions: \"Private\"` on `azure-native.compute.Gallery` unless sharing is needed; when it is, " +
        "list the organisation's subscriptions in `trustedSubscriptionIds` and tenants in `trustedTenantIds` so recorded " +
        "stacks can be checked, and share only with them. The classic `azure.compute.SharedImageGallery` shares with groups " +
        "through `sharing.permission: \"Groups\"` and never shows the targets, so group sharing there is always pointed out.",
    docsUrl,
    controls: {},
    config: ["trustedTenantIds", "trustedSubscriptionIds"],
    targets: [
        on<GalleryArgs, Knobs>("azure-native:compute:Gallery", (props, { config }) => {
            const permissions = prop(prop(props, "sharingProfile"), "permissions");
            const groups = enumIn(permissions, "Groups");
            if (isUnknown(groups)) {
                return [deferred("sharingProfile.permissions")];
            }
            if (!groups) {
                return [];
            }
            const fix = SHARE_ONLY_WITH_TRUSTED;
            const targets = galleryGroupTargets(props, config, fix);
            if (targets.untrusted.length > 0 || targets.unknown.length > 0) {
                return [...targets.untrusted, ...targets.unknown];
            }
            const configured = config.trustedSubscriptionIds.length > 0 || config.trustedTenantIds.length > 0;
            const total = targets.subscriptions + targets.tenants;
            if (total === 0) {
                return [violation("sharingProfile.permissions",
                    "the gallery is shared with groups (permissions Groups) whose subscriptions and tenants the program does not show", fix)];
            }
            // Every visible target is checked against a configured list: nothing left to review.
            const subscriptionsChecked = targets.subscriptions === 0 || config.trustedSubscriptionIds.length > 0;
            const tenantsChecked = targets.tenants === 0 || config.trustedTenantIds.length > 0;
            if (configured && subscriptionsChecked && tenantsChecked) {
                return [];
            }
            return [violation("sharingProfile.permissions",
                `the gallery is shared with ${plural(targets.subscriptions, "subscription")} and ${plural(targets.tenants, "tenant")} ` +
                "(permissions Groups) that no trust list covers", fix)];
        }),
        // azurerm: `sharing.permission`; the targets are set through the gallery's share action and never appear in inputs or state.
        on<SharedImageGalleryArgs, Knobs>("azure:compute/sharedImageGallery:SharedImageGallery", (props) => {
            const groups = enumIn(prop(prop(props, "sharing"), "permission"), "Groups");
            if (isUnknown(groups)) {
                return [deferred("sharing.permission")];
            }
            return groups
                ? [violation("sharing.permission", "the gallery is shared with groups (permission Groups) whose subscriptions and tenants the program does not show",
                    "share the azure.compute.SharedImageGallery only with subscriptions in `trustedSubscriptionIds` and tenants in `trustedTenantIds`, or set `sharing.permission: \"Private\"`")]
                : [];
        }),
    ],
});
