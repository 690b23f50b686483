// Exemptions: per-rule, per-resource waivers with a reason and an optional expiry date.

import type { Exemption } from "./config";

export type ExemptionMatch =
    | { state: "active"; exemption: Exemption }
    | { state: "expired"; exemption: Exemption }
    | { state: "none" };

const globCache = new Map<string, RegExp>();

function globToRegExp(glob: string): RegExp {
    let compiled = globCache.get(glob);
    if (!compiled) {
        const body = glob.split("").map((char) => {
            if (char === "*") return ".*";
            if (char === "?") return ".";
            return char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
        }).join("");
        compiled = new RegExp(`^${body}$`);
        globCache.set(glob, compiled);
    }
    return compiled;
}

/** A pattern with `*` or `?` is a glob; any other names exactly one URN or resource name. */
export function isGlob(pattern: string): boolean {
    return pattern.includes("*") || pattern.includes("?");
}

/** `resource` is a URN, a resource name, or a glob (`*`, `?`) over either. */
export function exemptionCovers(pattern: string, urn: string, name: string): boolean {
    if (pattern === urn || pattern === name) {
        return true;
    }
    if (!isGlob(pattern)) {
        return false;
    }
    const regex = globToRegExp(pattern);
    return regex.test(urn) || regex.test(name);
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
