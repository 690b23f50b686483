// Shared helpers for the Google Cloud key rules: where the key fields sit, how KMS key names are
// compared, and how lists of disks are walked without reading more than needed.

import { deferred, type Finding } from "../../../core/rule";
import { asList, isUnknown, prop } from "../../../core/values";

/**
 * A KMS key as the allow-list compares it: the resource name `projects/…/cryptoKeys/…`, without
 * an API host prefix and without a `/cryptoKeyVersions/N` suffix (Compute Engine reports the
 * version it used; the key is what is approved).
 */
export function normaliseKmsKey(key: string): string {
    return key.trim()
        .replace(/^https?:\/\/[a-z0-9.-]*googleapis\.com\/(v[0-9a-z]+\/)?/i, "")
        .replace(/^\/\/cloudkms\.googleapis\.com\//i, "")
        .replace(/\/cryptoKeyVersions\/[^/]+$/i, "");
}

/** True when the string names a key in `allowed` (compared after normalisation, case-sensitive like KMS). */
export function isAllowedKey(key: string, allowed: readonly string[]): boolean {
    const wanted = normaliseKmsKey(key);
    return allowed.some((entry) => normaliseKmsKey(entry) === wanted);
}

/** A string-valued property that is present and non-empty, or unknown (counts as set). */
export function hasValue(container: unknown, key: string): boolean {
    const value = prop(container, key);
    return isUnknown(value) || (typeof value === "string" && value.trim() !== "") || (value !== undefined && typeof value !== "string");
}

/**
 * Calls `visit` for each element of a list property with its path; an unknown list or element
 * becomes a deferral.
 */
export function eachItem(props: unknown, key: string, visit: (item: unknown, path: string) => Finding[]): Finding[] {
    const items = asList(prop(props, key));
    if (isUnknown(items)) {
        return [deferred(key)];
    }
    return items.flatMap((item, index) => {
        const path = `${key}[${index}]`;
        return isUnknown(item) ? [deferred(path)] : visit(item, path);
    });
}
