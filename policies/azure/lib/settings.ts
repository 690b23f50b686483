// Small shared checks for Azure enum-valued settings whose omission counts as the insecure value.

import { deferred, violation, type Finding } from "../../../core/rule";
import { asBool, enumIn, isUnknown, dig } from "../../../core/values";

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

export interface FlagCheck {
    /** Dotted path of the boolean, e.g. `publicNetworkAccessEnabled`. */
    path: string;
    /** The value that passes. */
    want: boolean;
    /** The provider's default when the flag is omitted (azurerm documents one for most flags). */
    omitted: boolean;
    /** Problem text when the flag is omitted and the default is not `want`. */
    omittedProblem: string;
    /** Problem text when the flag is set to the other value (or is not a boolean). */
    bad: string;
    fix: string;
}

/** A boolean setting (classic azurerm shapes) judged by its value or, when omitted, the provider default. */
export function requireFlag(props: unknown, check: FlagCheck): Finding[] {
    const raw = dig(props, ...check.path.split("."));
    const value = asBool(raw);
    if (isUnknown(value)) {
        return [deferred(check.path)];
    }
    if (raw === undefined) {
        return check.omitted === check.want ? [] : [violation(check.path, check.omittedProblem, check.fix)];
    }
    return value === check.want ? [] : [violation(check.path, check.bad, check.fix)];
}
