// Exemptions: per-rule, per-resource waivers with a reason and an optional expiry date.

import type { Exemption } from "./config";
import { globMatches, isGlob } from "./glob";

export type ExemptionMatch =
    | { state: "active"; exemption: Exemption }
    | { state: "expired"; exemption: Exemption }
    | { state: "none" };

/** `resource` is a URN, a resource name, or a glob (`*`, `?`) over either. */
export function exemptionCovers(pattern: string, urn: string, name: string): boolean {
    if (pattern === urn || pattern === name) {
        return true;
    }
    return isGlob(pattern) && (globMatches(pattern, urn) || globMatches(pattern, name));
}

/** An exemption applies through the whole of its `expires` day (UTC). */
export function isExpired(exemption: Exemption, now: Date): boolean {
    if (!exemption.expires) {
        return false;
    }
    return now.getTime() >= Date.parse(`${exemption.expires}T00:00:00Z`) + 24 * 60 * 60 * 1000;
}

/** Finds the exemption for a resource; an active one wins over an expired one. */
export function findExemption(exemptions: readonly Exemption[], urn: string, name: string, now: Date): ExemptionMatch {
    let expired: Exemption | undefined;
    for (const exemption of exemptions) {
        if (!exemptionCovers(exemption.resource, urn, name)) {
            continue;
        }
        if (!isExpired(exemption, now)) {
            return { state: "active", exemption };
        }
        expired = expired ?? exemption;
    }
    return expired ? { state: "expired", exemption: expired } : { state: "none" };
}
