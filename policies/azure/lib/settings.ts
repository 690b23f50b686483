// Small shared checks for Azure enum-valued settings whose omission counts as the insecure value.

import { deferred, violation, type Finding } from "../../../core/rule";
import { enumIn, isUnknown, dig } from "../../../core/values";

export interface StateCheck {
    /** Dotted path of the setting, e.g. `properties.publicNetworkAccess`. */
    path: string;
    /** Values that pass (compared case-insensitively). */
    good: readonly string[];
    /** Problem text when the setting is omitted. */
    omitted: string;
    /** Problem text when it holds another value. */
    bad: string;
    fix: string;
}

/** Reads the dotted path and passes only when it holds one of `good`; omitted fails, unknown defers. */
export function requireState(props: unknown, check: StateCheck): Finding[] {
    const value = dig(props, ...check.path.split("."));
    if (isUnknown(value)) {
        return [deferred(check.path)];
    }
    if (enumIn(value, ...check.good) === true) {
        return [];
    }
    return [violation(check.path, value === undefined ? check.omitted : check.bad, check.fix)];
}
