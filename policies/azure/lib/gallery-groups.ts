// Sharing targets of a gallery shared with `permissions: "Groups"`. The azure-native SDK has no
// input for the targets (they are set through the gallery's share action, not the Gallery resource),
// but recorded state (`pulumi stack export`, update-time outputs) carries `sharingProfile.groups[]`
// with `type` (`Subscriptions` / `AADTenants`) and `ids`, so rules read them when they are there.

import { deferred, violation, type Finding } from "../../../core/rule";
import { asList, asString, enumIn, isUnknown, prop } from "../../../core/values";

/** The fix for group sharing, the same in every gallery rule. */
export const SHARE_ONLY_WITH_TRUSTED = "share the azure-native.compute.Gallery only with subscriptions in `trustedSubscriptionIds` " +
    "and tenants in `trustedTenantIds`, or set `sharingProfile.permissions: \"Private\"`";

export interface TrustLists {
    trustedTenantIds: readonly string[];
    trustedSubscriptionIds: readonly string[];
}

export interface GroupTargets {
    /** Targets that are visible and outside the configured trust lists. */
    untrusted: Finding[];
    /** Deferrals for targets whose type or id is unknown. */
    unknown: Finding[];
    subscriptions: number;
    tenants: number;
}

function trusted(list: readonly string[], id: string): boolean {
    const lowered = id.trim().toLowerCase();
    return list.some((entry) => entry.toLowerCase() === lowered);
}

/**
 * Walks `sharingProfile.groups[]`. A target counts as untrusted only when the list for its kind is
 * configured (an empty list means "not checked").
 */
export function galleryGroupTargets(props: unknown, lists: TrustLists, fix: string): GroupTargets {
    const result: GroupTargets = { untrusted: [], unknown: [], subscriptions: 0, tenants: 0 };
    const groups = asList(prop(prop(props, "sharingProfile"), "groups"));
    if (isUnknown(groups)) {
        result.unknown.push(deferred("sharingProfile.groups"));
        return result;
    }
    groups.forEach((group, i) => {
        const type = prop(group, "type");
        const isSubscriptions = enumIn(type, "Subscriptions");
        const isTenants = enumIn(type, "AADTenants");
        if (isUnknown(isSubscriptions) || isUnknown(isTenants)) {
            result.unknown.push(deferred(`sharingProfile.groups[${i}].type`));
            return;
        }
        const ids = asList(prop(group, "ids"));
        if (isUnknown(ids)) {
            result.unknown.push(deferred(`sharingProfile.groups[${i}].ids`));
            return;
        }
        const list = isSubscriptions ? lists.trustedSubscriptionIds : isTenants ? lists.trustedTenantIds : undefined;
        const kind = isSubscriptions ? "subscription" : "tenant";
        ids.forEach((id, j) => {
            if (isSubscriptions) result.subscriptions++;
            if (isTenants) result.tenants++;
            const path = `sharingProfile.groups[${i}].ids[${j}]`;
            const text = asString(id);
            if (isUnknown(text)) {
                result.unknown.push(deferred(path));
                return;
            }
            if (list === undefined || list.length === 0) {
                return;
            }
            if (text === undefined || !trusted(list, text)) {
                const knob = isSubscriptions ? "trustedSubscriptionIds" : "trustedTenantIds";
                result.untrusted.push(violation(path, `the gallery is shared with a ${kind} that is not in ${knob}`, fix));
            }
        });
    });
    return result;
}
