// Who an IAM member string names, as the Google Cloud exposure rules judge it: the public
// principals, and members whose domain is outside `trustedDomains`. Members are never printed.

import { isUnknown } from "../../../core/values";

/** The public principals, keyed lower-case: GCP spells them in camel case, any case is blocked. */
const publicPrincipals = new Map([
    ["allusers", "allUsers grants access to anyone on the internet"],
    ["allauthenticatedusers", "allAuthenticatedUsers grants access to every Google account and service account"],
]);

/** Member prefixes whose identity carries a domain (`user:alice@example.com`, `domain:example.com`). */
const domainPrefixes = new Set(["user", "group", "serviceaccount", "domain"]);

/**
 * The domain of a member, lower-cased: the part after `@` for email members, the value itself for
 * `domain:` members, the identity pool (`PROJECT.svc.id.goog`) for Workload Identity service accounts. `null` when the member has a domain prefix but no readable domain; undefined
 * for members without one (public principals, projectOwner:, principal://...).
 */
function domainOf(member: string): string | null | undefined {
    const colon = member.indexOf(":");
    const prefix = colon < 0 ? "" : member.slice(0, colon).toLowerCase();
    if (!domainPrefixes.has(prefix)) {
        return undefined;
    }
    const identity = member.slice(colon + 1).trim();
    const at = identity.lastIndexOf("@");
    // Workload Identity service accounts are `serviceAccount:PROJECT.svc.id.goog[namespace/name]`.
    const workload = prefix === "serviceaccount" && at < 0 ? /^([a-z0-9.-]+\.svc\.id\.goog)\[[^\]]*\]$/i.exec(identity) : null;
    const domain = prefix === "domain" ? identity : workload ? workload[1] : at < 0 ? "" : identity.slice(at + 1);
    return domain === "" ? null : domain.toLowerCase();
}

export type MemberVerdict =
    | { kind: "public"; problem: string }
    | { kind: "untrusted"; problem: string }
    | { kind: "unknown" }
    | { kind: "fine" };

/** Judges one member value against the public principals and, when set, `trustedDomains`. */
export function judgeMemberValue(member: unknown, trustedDomains: readonly string[]): MemberVerdict {
    if (isUnknown(member)) {
        return { kind: "unknown" };
    }
    if (typeof member !== "string") {
        return { kind: "fine" };
    }
    const trimmed = member.trim();
    const publicProblem = publicPrincipals.get(trimmed.toLowerCase());
    if (publicProblem !== undefined) {
        return { kind: "public", problem: publicProblem };
    }
    if (trustedDomains.length === 0) {
        return { kind: "fine" };
    }
    const domain = domainOf(trimmed);
    if (domain === undefined || trustedDomains.some((trusted) => trusted.toLowerCase() === domain)) {
        return { kind: "fine" };
    }
    return {
        kind: "untrusted",
        problem: domain === null
            ? "a member without a readable domain is granted access while trustedDomains is set"
            : "a member from a domain outside trustedDomains is granted access",
    };
}

export function isPublicMember(member: unknown): boolean {
    return typeof member === "string" && publicPrincipals.has(member.trim().toLowerCase());
}
