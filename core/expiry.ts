// The expiry-tag contract shared by every cloud: a standalone snapshot or image with no native
// expiry carries a tag (AWS, Azure) or label (GCP) whose key is one of `retentionTagKeys`, holding
// either an ISO date (`expires-on: 2027-01-31`, not in the past) or a positive whole number of days
// (`retention-days: 30`). Both are bounded by `maxRetentionDays` when it is configured. Tags are a
// key → value map, or (CloudFormation shapes, `list: true`) a list of `{ key, value }` entries.

import { applyEdits, assign, at, rawValue, UNCHANGED, update } from "./fix";
import { UNKNOWN_SENTINELS } from "./wire";
import { deferred, violation, type Finding } from "./rule";
import { isUnknown, prop } from "./values";

export interface ExpiryOptions {
    /** Property that holds the tags or labels, e.g. `tags` or `labels`. */
    container: string;
    /** What the cloud calls them in messages: "tag" (AWS, Azure, the default) or "label" (GCP). */
    noun?: "tag" | "label";
    /** Where the fix should add the tag, in Pulumi terms, e.g. "the aws.ebs.Snapshot". */
    resource: string;
    retentionTagKeys: readonly string[];
    maxRetentionDays: number | undefined;
    now: Date;
    /** Tags as a list of `{ key, value }` entries (aws-native), not a map. */
    list?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDate = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;

function parseIsoDate(text: string): number | undefined {
    if (!isoDate.test(text)) return undefined;
    const time = Date.parse(`${text}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text) ? time : undefined;
}

function startOfDay(now: Date): number {
    return Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
}

function keyPath(container: string, key: string): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${container}.${key}` : `${container}["${key}"]`;
}

/** Expiry tags present in the container: their paths and values, or the path of an unknown entry. */
type ExpiryTags = { found: Array<{ path: string; value: unknown }>; unknownAt?: string };

function expiryTags(tags: unknown, container: string, wanted: Set<string>, list: boolean): ExpiryTags {
    if (typeof tags !== "object" || tags === null) return { found: [] };
    if (!list || !Array.isArray(tags)) {
        const keys = Array.isArray(tags) ? [] : Object.keys(tags).filter((key) => wanted.has(key.toLowerCase()));
        return { found: keys.map((key) => ({ path: keyPath(container, key), value: prop(tags, key) })) };
    }
    const result: ExpiryTags = { found: [] };
    for (let index = 0; index < tags.length; index++) {
        const entry = prop(tags, index);
        const key = prop(entry, "key");
        if (isUnknown(entry) || isUnknown(key)) {
            result.unknownAt ??= `${container}[${index}]`;
        } else if (typeof key === "string" && wanted.has(key.toLowerCase())) {
            result.found.push({ path: `${container}[${index}].value`, value: prop(entry, "value") });
        }
    }
    return result;
}

/** Checks the expiry tag of one resource; tag values are never printed. */
export function checkExpiryTag(props: unknown, options: ExpiryOptions): Finding[] {
    const { container, resource, retentionTagKeys, maxRetentionDays, now } = options;
    const noun = options.noun ?? "tag";
    const example = `${retentionTagKeys[0] ?? "expires-on"}`;
    const addFix = (options.list
        ? `add a ${noun} such as \`{ key: "${example}", value: "YYYY-MM-DD" }\` or \`{ key: "retention-days", value: "30" }\` to \`${container}\` on ${resource}`
        : `add a ${noun} such as \`${example}: "YYYY-MM-DD"\` or \`retention-days: "30"\` to \`${container}\` on ${resource}`) +
        (maxRetentionDays !== undefined ? ` (at most ${maxRetentionDays} days ahead)` : "");
    const tags = prop(props, container);
    if (isUnknown(tags)) {
        return [deferred(container)];
    }
    const wanted = new Set(retentionTagKeys.map((key) => key.toLowerCase()));
    const { found, unknownAt } = expiryTags(tags, container, wanted, options.list === true);
    if (found.length === 0) {
        if (unknownAt !== undefined) return [deferred(unknownAt)];
        return [violation(container, `no expiry ${noun} (one of ${retentionTagKeys.join(", ")}), so nothing ever deletes this copy`, addFix)];
    }
    const findings: Finding[] = [];
    for (const { path, value } of found) {
        if (isUnknown(value)) {
            findings.push(deferred(path));
            continue;
        }
        const text = typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
        const date = parseIsoDate(text);
        if (date !== undefined) {
            const daysAhead = (date - startOfDay(now)) / DAY_MS;
            if (daysAhead < 0) {
                findings.push(violation(path, "the expiry date has passed", `delete the copy or move the date forward; ${addFix}`));
            } else if (maxRetentionDays !== undefined && daysAhead > maxRetentionDays) {
                findings.push(violation(path, `the expiry date is more than ${maxRetentionDays} days ahead (maxRetentionDays)`, addFix));
            } else {
                return [];
            }
            continue;
        }
        if (/^[0-9]+$/.test(text) && Number(text) > 0) {
            if (maxRetentionDays !== undefined && Number(text) > maxRetentionDays) {
                findings.push(violation(path, `the retention is longer than ${maxRetentionDays} days (maxRetentionDays)`, addFix));
                continue;
            }
            return [];
        }
        findings.push(violation(path, `the expiry ${noun} is malformed (expected a date YYYY-MM-DD or a positive whole number of days)`, addFix));
    }
    return findings;
}

export interface AddExpiryOptions {
    container: string;
    retentionTagKeys: readonly string[];
    maxRetentionDays: number | undefined;
    /** Days from today (UTC) the added expiry lies ahead; capped at maxRetentionDays. */
    defaultRetentionDays: number;
    now: Date;
    /** Tags as a list of `{ key, value }` entries (aws-native): the tag is appended as an entry. */
    list?: boolean;
}

/** `YYYY-MM-DD`, `days` after the UTC day of `now`. */
export function expiryDate(now: Date, days: number): string {
    return new Date(startOfDay(now) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Remediation: adds `expires-on` (or the first of `retentionTagKeys` when that is not listed) with
 * today + defaultRetentionDays to a tag or label map that has no expiry key at all. An existing
 * expiry key, even a malformed or past one, is the owner's to change: nothing is touched then, nor
 * when the map is unknown or not a map. Other tags stay exactly as they are.
 */
export function addExpiryTag(props: Record<string, unknown>, options: AddExpiryOptions): Record<string, unknown> | undefined {
    const { container, retentionTagKeys, maxRetentionDays, defaultRetentionDays, now } = options;
    const key = retentionTagKeys.find((candidate) => candidate.toLowerCase() === "expires-on") ?? retentionTagKeys[0];
    if (key === undefined) {
        return undefined;
    }
    const wanted = new Set(retentionTagKeys.map((candidate) => candidate.toLowerCase()));
    const date = expiryDate(now, Math.min(defaultRetentionDays, maxRetentionDays ?? defaultRetentionDays));
    if (options.list) {
        return applyEdits(props, at([container], (tags) => {
            if (tags === undefined || tags === null) {
                return [{ key, value: date }];
            }
            if (!Array.isArray(tags)) {
                return UNCHANGED;
            }
            const length = tags.length;
            for (let index = 0; index < length; index++) {
                const name = rawValue(rawValue(tags, index), "key");
                // An entry whose key is not known yet (or is secret) could be the expiry tag: leave the list alone.
                if (typeof name !== "string" || UNKNOWN_SENTINELS.has(name) || wanted.has(name.toLowerCase())) {
                    return UNCHANGED;
                }
            }
            return update(tags, length, () => ({ key, value: date }));
        }));
    }
    return applyEdits(props, at([container], (tags) => {
        if (tags === undefined || tags === null) {
            return { [key]: date };
        }
        if (typeof tags !== "object" || Array.isArray(tags) || Object.keys(tags).some((name) => wanted.has(name.toLowerCase()))) {
            return UNCHANGED;
        }
        return update(tags, key, assign(date));
    }));
}
