// End-of-life dates of gallery images and image versions (ISO 8601 date or date-time strings).

import { deferred, violation, type Finding } from "../../../core/rule";
import { dig, isUnknown } from "../../../core/values";

const dateLike = /^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$/i;

/** Parses an ISO 8601 date or date-time; `undefined` when it is not one. */
export function parseEndOfLife(text: string): number | undefined {
    const trimmed = text.trim();
    if (!dateLike.test(trimmed)) {
        return undefined;
    }
    const time = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
    return Number.isNaN(time) ? undefined : time;
}

/**
 * `text` is the value as a string (undefined when absent or not a string), `present` whether the
 * property was set at all. Past dates are a finding too: the copy should already be gone.
 */
export function checkEndOfLife(text: string | undefined, present: boolean, path: string, resource: string, what: string, now: Date): Finding[] {
    const fix = `set \`${path}\` to a date (ISO 8601, e.g. "2027-01-31T00:00:00Z") on the ${resource} and delete the ${what} when it is reached`;
    if (text === undefined) {
        return [violation(path, present ? `the end-of-life date is not a date` : `the ${what} has no end-of-life date, so nothing retires it`, fix)];
    }
    const time = parseEndOfLife(text);
    if (time === undefined) {
        return [violation(path, "the end-of-life date is not an ISO 8601 date", fix)];
    }
    if (time < now.getTime()) {
        return [violation(path, `the end-of-life date has passed; the ${what} should be deleted`, fix)];
    }
    return [];
}

/** Reads the end-of-life date at `keys` (unknown defers) and checks it. */
export function checkEndOfLifeAt(props: unknown, keys: string[], resource: string, what: string, now: Date): Finding[] {
    const path = keys.join(".");
    const value = dig(props, ...keys);
    if (isUnknown(value)) {
        return [deferred(path)];
    }
    return checkEndOfLife(typeof value === "string" ? value : undefined, value !== undefined, path, resource, what, now);
}
