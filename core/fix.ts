// Writers for remediation fixes. A fix returns the complete corrected props as new plain objects:
// every container it copies is copied through property descriptors, so values it does not own are
// carried over exactly as the policy SDK decoded them: unknown sentinels stay unknown (the SDK's
// proxy throws when they are *read*; descriptors are not trapped), and `Secret` instances stay
// secret-wrapped, so the SDK's serializeProperties sends them back as secrets. Fixes decide with
// the readers in core/values.ts and change things only through these helpers; they never mutate
// the props they are given.

import { Secret } from "@pulumi/policy";
import { UNKNOWN_SENTINELS } from "./wire";

/** A fix's "nothing to change here". */
export const UNCHANGED: unique symbol = Symbol("unchanged");
export type Unchanged = typeof UNCHANGED;

function isObjectLike(value: unknown): value is Record<string | number, unknown> {
    return typeof value === "object" && value !== null;
}

/** The stored value of one property, read without the SDK proxy (a Secret stays a Secret). */
export function rawValue(container: unknown, key: string | number): unknown {
    if (!isObjectLike(container)) {
        return undefined;
    }
    return Object.getOwnPropertyDescriptor(container, key)?.value;
}

function isUnknownRaw(value: unknown): boolean {
    return typeof value === "string" && UNKNOWN_SENTINELS.has(value);
}

/** Shallow copy of an object's or array's own properties, values as stored. */
function copyContainer(container: unknown): Record<string | number, unknown> | unknown[] {
    if (Array.isArray(container)) {
        const length = Object.getOwnPropertyDescriptor(container, "length")?.value as number;
        const copy: unknown[] = [];
        for (let i = 0; i < length; i++) copy.push(rawValue(container, i));
        return copy;
    }
    const copy: Record<string, unknown> = {};
    if (isObjectLike(container)) {
        for (const key of Object.keys(container)) copy[key] = rawValue(container, key);
    }
    return copy;
}

/**
 * A copy of `container` whose `key` is replaced by `edit(current)`. `current` is the stored value
 * with a Secret wrapper removed (the result is wrapped again, so a secret stays secret). An
 * unknown stored value is never edited. Returns UNCHANGED when `edit` does.
 */
export function update(container: unknown, key: string | number, edit: (current: unknown) => unknown | Unchanged): unknown | Unchanged {
    const stored = rawValue(container, key);
    if (isUnknownRaw(stored)) {
        return UNCHANGED;
    }
    const secret = stored instanceof Secret;
    const current = secret ? (stored as Secret).value : stored;
    if (isUnknownRaw(current)) {
        return UNCHANGED;
    }
    const next = edit(current);
    if (next === UNCHANGED) {
        return UNCHANGED;
    }
    const copy = copyContainer(container) as Record<string | number, unknown>;
    copy[key] = secret ? new Secret(next) : next;
    return copy;
}

/** `update` along a path: `updateIn(props, ["tags"], (tags) => …)`. */
export function updateIn(container: unknown, path: ReadonlyArray<string | number>, edit: (current: unknown) => unknown | Unchanged): unknown | Unchanged {
    if (path.length === 0) {
        return edit(container);
    }
    const [head, ...rest] = path;
    return update(container, head, (inner) => (rest.length === 0 ? edit(inner) : updateIn(inner, rest, edit)));
}

/** Sets `value` unless the stored value is unknown; `same` says when the current value already fits. */
export function assign(value: unknown, same: (current: unknown) => boolean = (current) => current === value) {
    return (current: unknown): unknown | Unchanged => (same(current) ? UNCHANGED : value);
}

/** Edits each element of an array (stored values; unknown elements are left alone). */
export function eachElement(edit: (element: unknown, index: number) => unknown | Unchanged) {
    return (current: unknown): unknown | Unchanged => {
        if (!Array.isArray(current)) {
            return UNCHANGED;
        }
        let result: unknown = current;
        let changed = false;
        const length = Object.getOwnPropertyDescriptor(current, "length")?.value as number;
        for (let i = 0; i < length; i++) {
            const next = update(result, i, (element) => edit(element, i));
            if (next !== UNCHANGED) {
                result = next;
                changed = true;
            }
        }
        return changed ? result : UNCHANGED;
    };
}

/** Drops the elements `drop` selects (it sees unwrapped values; unknown elements are kept). */
export function without(drop: (element: unknown) => boolean) {
    return (current: unknown): unknown | Unchanged => {
        if (!Array.isArray(current)) {
            return UNCHANGED;
        }
        const kept = (copyContainer(current) as unknown[]).filter((element) => {
            const value = element instanceof Secret ? element.value : element;
            return isUnknownRaw(value) || !drop(value);
        });
        return kept.length === current.length ? UNCHANGED : kept;
    };
}

/** Applies edits one after another to the props; `undefined` when none of them changed anything. */
export function applyEdits(props: Record<string, unknown>, ...edits: Array<(props: unknown) => unknown | Unchanged>): Record<string, unknown> | undefined {
    let result: unknown = props;
    let changed = false;
    for (const edit of edits) {
        const next = edit(result);
        if (next !== UNCHANGED) {
            result = next;
            changed = true;
        }
    }
    return changed ? (result as Record<string, unknown>) : undefined;
}

/** One edit for `applyEdits`: `at(["blockDeviceMappings"], eachElement(…))`. */
export function at(path: ReadonlyArray<string | number>, edit: (current: unknown) => unknown | Unchanged) {
    return (props: unknown) => updateIn(props, path, edit);
}
