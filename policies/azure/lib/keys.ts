// Disk encryption set references: where Azure disks, images and VMs name the customer-managed key.

import { deferred, violation, type Finding } from "../../../core/rule";
import { asString, isUnknown } from "../../../core/values";

/**
 * Judges one disk-encryption-set reference. Omitted is a violation; when `allowedKeyIds` is
 * configured the id must be one of them (compared case-insensitively, as Azure resource ids are),
 * so an unknown id defers; otherwise an unknown id counts as set.
 */
export function requireDes(value: unknown, path: string, allowedKeyIds: readonly string[], missing: string, fix: string): Finding[] {
    const id = asString(value);
    if (isUnknown(id)) {
        return allowedKeyIds.length > 0 ? [deferred(path)] : [];
    }
    if (id === undefined || id.trim() === "") {
        return [violation(path, missing, fix)];
    }
    if (allowedKeyIds.length > 0 && !allowedKeyIds.some((allowed) => allowed.toLowerCase() === id.trim().toLowerCase())) {
        return [violation(path, "the disk encryption set is not one of allowedKeyIds", fix)];
    }
    return [];
}
