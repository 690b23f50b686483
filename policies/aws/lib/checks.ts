// Building blocks the AWS rules share: unknown-safe walks over lists, boolean requirements judged
// by the provider default, trust-list membership and retention bounds. Values are never printed.

import { deferred, violation, type Finding } from "../../../core/rule";
import { asBool, asList, asNumber, asString, enumIn, isSet, isUnknown, prop } from "../../../core/values";

export function at(path: string, key: string | number): string {
    if (typeof key === "number") return `${path}[${key}]`;
    return path === "" ? key : `${path}.${key}`;
}

/**
 * Calls `visit` for every element of the list at `container[key]`. An unknown list defers the
 * list's path; an unknown element defers that element's path; an omitted list visits nothing.
 */
export function eachItem(
    findings: Finding[], container: unknown, key: string, path: string,
    visit: (item: unknown, itemPath: string, index: number) => void,
): void {
    const listPath = at(path, key);
    const items = asList(prop(container, key));
    if (isUnknown(items)) {
        findings.push(deferred(listPath));
        return;
    }
    items.forEach((item, index) => {
        const itemPath = `${listPath}[${index}]`;
        if (isUnknown(item)) {
            findings.push(deferred(itemPath));
        } else {
            visit(item, itemPath, index);
        }
    });
}

/** Reads an object-valued property; an unknown one defers its path and gives undefined. */
export function objectAt(findings: Finding[], container: unknown, key: string, path: string): unknown {
    const value = prop(container, key);
    if (isUnknown(value)) {
        findings.push(deferred(at(path, key)));
        return undefined;
    }
    return value;
}

export interface BoolRequirement {
    /** The value the provider uses when the property is omitted. */
    omitted: boolean;
    /** Problem when the effective value is false and was written explicitly. */
    off: string;
    /** Problem when the property is omitted and the default is false. */
    absent?: string;
    fix: string;
}

/** The boolean at `container[key]` (string booleans accepted) must be true. */
export function requireTrue(container: unknown, key: string, path: string, rule: BoolRequirement): Finding[] {
    const fullPath = at(path, key);
    const value = asBool(prop(container, key));
    if (isUnknown(value)) {
        return [deferred(fullPath)];
    }
    const effective = value ?? (isSet(container, key) ? undefined : rule.omitted);
    if (effective === true) {
        return [];
    }
    if (effective === undefined) {
        return [violation(fullPath, `${rule.off} (the value is not a boolean)`, rule.fix)];
    }
    return [violation(fullPath, value === undefined ? (rule.absent ?? `${rule.off} (omitted)`) : rule.off, rule.fix)];
}

/** Whether data is left unencrypted: yes, no, or not known until deploy (with the path of the unknown value). */
export type EncryptionOff = boolean | { unknown: string };

/**
 * Whether the encryption flag at `container[key]` leaves the data unencrypted, judged as the
 * mandatory encryption rules judge it with `requireTrue`: false, a value that is not a boolean, or
 * omitted while `omitted` (the provider default) is false.
 */
export function encryptionOff(container: unknown, key: string, path: string, omitted: boolean): EncryptionOff {
    const value = asBool(prop(container, key));
    if (isUnknown(value)) return { unknown: at(path, key) };
    if (value !== undefined) return !value;
    return isSet(container, key) ? true : !omitted;
}

/** The boolean at `container[key]` must not be true; `omitted` is the provider default. */
export function requireNotTrue(container: unknown, key: string, path: string, omitted: boolean, problem: string, fix: string): Finding[] {
    const fullPath = at(path, key);
    const value = asBool(prop(container, key));
    if (isUnknown(value)) {
        return [deferred(fullPath)];
    }
    const effective = value ?? omitted;
    return effective === true ? [violation(fullPath, value === undefined ? `${problem} (omitted means true)` : problem, fix)] : [];
}

export interface TrustCheck {
    isTrusted: (value: string) => boolean;
    /** Problem for an untrusted element, e.g. "snapshot shared with an account that is not in trustedAccountIds". */
    untrusted: string;
    fix: string;
    /** When set, this value (any case) means public, with its own problem and fix. */
    publicValue?: { value: string; problem: string; fix: string };
}

/** Every element of the list at `container[key]` must be trusted (or, when allowed, public is flagged apart). */
export function requireTrustedList(findings: Finding[], container: unknown, key: string, path: string, check: TrustCheck): void {
    eachItem(findings, container, key, path, (item, itemPath) => {
        if (item === undefined) {
            return;
        }
        const text = asString(item);
        if (text === undefined) {
            findings.push(violation(itemPath, check.untrusted, check.fix));
            return;
        }
        if (isUnknown(text)) {
            findings.push(deferred(itemPath));
            return;
        }
        if (check.publicValue && enumIn(text.trim(), check.publicValue.value) === true) {
            findings.push(violation(itemPath, check.publicValue.problem, check.publicValue.fix));
            return;
        }
        if (!check.isTrusted(text.trim())) {
            findings.push(violation(itemPath, check.untrusted, check.fix));
        }
    });
}

export function accountTrust(trustedAccountIds: readonly string[]): (value: string) => boolean {
    const accounts = new Set(trustedAccountIds);
    return (value) => accounts.has(value);
}

// arn:<partition>:organizations::<management account>:ou/<organization id>/<ou id>
const organizationalUnitArn = /^arn:(aws[a-z-]*):organizations::([0-9]{12}):ou\/(o-[a-z0-9]+)\/ou-[a-z0-9-]+$/;

/** The ARN of the organization an OU ARN belongs to, or undefined when it is not an OU ARN. */
export function organizationOf(ouArn: string): string | undefined {
    const match = organizationalUnitArn.exec(ouArn);
    return match ? `arn:${match[1]}:organizations::${match[2]}:organization/${match[3]}` : undefined;
}

export function organizationTrust(trustedOrganizationArns: readonly string[]): (value: string) => boolean {
    const organizations = new Set(trustedOrganizationArns);
    return (value) => organizations.has(value) || organizations.has(organizationOf(value) ?? "");
}

export type NumberRead = { kind: "number"; value: number } | { kind: "omitted" } | { kind: "invalid" } | { kind: "unknown" };

/** Reads a number (numeric strings accepted) and says whether it was omitted, unknown or not a number. */
export function readNumber(container: unknown, key: string): NumberRead {
    const value = asNumber(prop(container, key));
    if (isUnknown(value)) return { kind: "unknown" };
    if (value !== undefined) return { kind: "number", value };
    return isSet(container, key) ? { kind: "invalid" } : { kind: "omitted" };
}

export function retentionBounds(min: number, max: number | undefined): string {
    return max === undefined ? `at least ${min} days` : `${min} to ${max} days`;
}

/**
 * An account guardrail's `state` (EBS snapshot or AMI block public access) must be one of the
 * `blocking` values; "unblocked", another value and an omitted state each get their own problem.
 */
export function requireBlockingState(props: unknown, guardrail: string, blocking: readonly [string, ...string[]], fix: string): Finding[] {
    const state = prop(props, "state");
    const blocked = enumIn(state, ...blocking);
    if (isUnknown(blocked)) return [deferred("state")];
    if (blocked === true) return [];
    const expected = blocking.length === 1 ? `is not "${blocking[0]}"` : `is neither ${blocking.map((value) => `"${value}"`).join(" nor ")}`;
    const problem = enumIn(state, "unblocked") === true
        ? `${guardrail} is turned off (state "unblocked")`
        : isSet(props, "state")
            ? `${guardrail} is not turned on (state ${expected})`
            : `${guardrail} is not set (state omitted)`;
    return [violation("state", problem, fix)];
}
