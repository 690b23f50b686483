// Unknown-safe readers for resource properties.
//
// During `pulumi preview` the engine sends values it cannot know yet as sentinel strings, and the
// policy SDK wraps props in a proxy that throws when such a value is read. Every reader here turns
// an unknown into the UNKNOWN marker instead of throwing, so a rule can decide what an unknown
// means (usually: defer). Readers never spread, stringify or copy whole objects.

import { Secret } from "@pulumi/policy";
import { UNKNOWN_SENTINELS } from "./wire";

export const UNKNOWN: unique symbol = Symbol("unknown");
export type Unknown = typeof UNKNOWN;


export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

/** True for the error the policy SDK's proxy throws when an unknown value is read. */
export function isUnknownValueError(error: unknown): boolean {
    return error instanceof Error && error.constructor.name === "UnknownValueError";
}

function isObjectLike(value: unknown): value is Record<string | number, unknown> {
    return typeof value === "object" && value !== null;
}

/**
 * Reads one property. Absent, `null` and non-object containers give `undefined`; an unknown value
 * (sentinel or proxy error) gives UNKNOWN.
 */
export function prop(container: unknown, key: string | number): unknown {
    if (isUnknown(container)) {
        return UNKNOWN;
    }
    if (!isObjectLike(container)) {
        return undefined;
    }
    let value: unknown;
    try {
        value = container[key];
    } catch (error) {
        if (isUnknownValueError(error)) {
            return UNKNOWN;
        }
        throw error;
    }
    // Remediate passes earlier fixes' results on without the SDK's proxies: secrets are Secret
    // instances there, read as their value like the proxy would.
    if (value instanceof Secret) {
        value = value.value;
    }
    if (typeof value === "string" && UNKNOWN_SENTINELS.has(value)) {
        return UNKNOWN;
    }
    return value === null ? undefined : value;
}

/** Reads a nested property: `dig(props, "rootBlockDevice", "encrypted")`. */
export function dig(container: unknown, ...keys: Array<string | number>): unknown {
    let current = container;
    for (const key of keys) {
        current = prop(current, key);
        if (current === undefined || isUnknown(current)) {
            return current;
        }
    }
    return current;
}

/**
 * Presence check that never reads the value through the proxy: a property whose value is unknown
 * counts as set. `null` counts as omitted.
 */
export function isSet(container: unknown, key: string | number): boolean {
    if (isUnknown(container)) {
        return true;
    }
    if (!isObjectLike(container)) {
        return false;
    }
    // getOwnPropertyDescriptor is not trapped by the SDK proxy, so this does not throw on unknowns.
    const descriptor = Object.getOwnPropertyDescriptor(container, key);
    return descriptor !== undefined && descriptor.value !== undefined && descriptor.value !== null;
}

/** Boolean that may arrive as `"true"`/`"false"` (any case) in string-typed SDK fields. */
export function asBool(value: unknown): boolean | Unknown | undefined {
    if (isUnknown(value) || typeof value === "boolean") {
        return value;
    }
    if (typeof value === "string") {
        const lowered = value.trim().toLowerCase();
        if (lowered === "true") return true;
        if (lowered === "false") return false;
    }
    return undefined;
}

/** Number that may arrive as a numeric string. */
export function asNumber(value: unknown): number | Unknown | undefined {
    if (isUnknown(value) || (typeof value === "number" && Number.isFinite(value))) {
        return value;
    }
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) {
        return Number(value);
    }
    return undefined;
}

export function asString(value: unknown): string | Unknown | undefined {
    return isUnknown(value) || typeof value === "string" ? value : undefined;
}

/**
 * One-or-many: an array gives its elements (each read unknown-safely), a single value gives a
 * one-element list, an omitted value gives an empty list, an unknown array gives UNKNOWN.
 */
export function asList(value: unknown): unknown[] | Unknown {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (value === undefined || value === null) {
        return [];
    }
    if (!Array.isArray(value)) {
        return [value];
    }
    const items: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
        items.push(prop(value, i));
    }
    return items;
}

/** Case-insensitive comparison with enum strings; `undefined` when omitted or not a string. */
export function enumIn(value: unknown, ...candidates: string[]): boolean | Unknown | undefined {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (typeof value !== "string") {
        return undefined;
    }
    const lowered = value.toLowerCase();
    return candidates.some((candidate) => candidate.toLowerCase() === lowered);
}

export type JsonParse = { ok: true; value: unknown } | { ok: false } | Unknown;

/** Parses a JSON document held in a string property. Never echoes the input on failure. */
export function parseJson(value: unknown): JsonParse {
    if (isUnknown(value)) {
        return UNKNOWN;
    }
    if (isObjectLike(value)) {
        return { ok: true, value };
    }
    if (typeof value !== "string") {
        return { ok: false };
    }
    try {
        return { ok: true, value: JSON.parse(value) };
    } catch {
        return { ok: false };
    }
}

const azureVersionedToken = /^(azure-native:[^/:]+)\/v[0-9a-z]+:/i;
const normalisedTokens = new Map<string, string>();

/**
 * Maps versioned azure-native tokens (`azure-native:compute/v20240302:Disk`) to the default token
 * (`azure-native:compute:Disk`); every other token is returned as is.
 */
export function normaliseTypeToken(token: string): string {
    let normalised = normalisedTokens.get(token);
    if (normalised === undefined) {
        normalised = token.replace(azureVersionedToken, "$1:");
        if (normalisedTokens.size < 10_000) {
            normalisedTokens.set(token, normalised);
        }
    }
    return normalised;
}
