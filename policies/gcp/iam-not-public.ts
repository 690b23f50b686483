import type { DiskIamBindingArgs, DiskIamMemberArgs, DiskIamPolicyArgs } from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation, type Finding, type Target } from "../../core/rule";
import { applyEdits, at, UNCHANGED, without } from "../../core/fix";
import { asList, isUnknown, parseJson, prop } from "../../core/values";
import { isPublicMember, judgeMemberValue } from "./lib/members";

type Knobs = "trustedDomains";

const docsUrl = "https://cloud.google.com/compute/docs/images/managing-access-custom-images";

/** Compute Engine resources with IAM resources in @pulumi/gcp 9.37, by class name prefix. */
const resources = ["Image", "Disk", "RegionDisk", "Snapshot", "MachineImage", "InstantSnapshot", "RegionInstantSnapshot"] as const;

// All seven resources declare these inputs identically; the Disk types stand for all of them.
type MemberArgs = Pick<DiskIamMemberArgs, "member" | "condition" | "role">;
type BindingArgs = Pick<DiskIamBindingArgs, "members" | "condition" | "role">;
type PolicyArgs = Pick<DiskIamPolicyArgs, "policyData">;

/**
 * Judges one member string. Never prints the member: only the names of the public principals and
 * the knob name appear in messages.
 */
function judgeMember(member: unknown, path: string, trustedDomains: readonly string[], fix: string): Finding[] {
    const verdict = judgeMemberValue(member, trustedDomains);
    switch (verdict.kind) {
        case "unknown": return [deferred(path)];
        case "public": return [violation(path, verdict.problem, fix)];
        case "untrusted": return [violation(path, verdict.problem, `${fix}, or add the domain to trustedDomains in the policy config`)];
        default: return [];
    }
}

/** `member` of an …IamMember: omitted grants nothing (the provider requires it). */
function checkMember(props: unknown, trustedDomains: readonly string[], resource: string): Finding[] {
    return judgeMember(prop(props, "member"), "member", trustedDomains,
        `remove the ${resource} or set \`member\` to a named user, group or service account`);
}

/** Each entry of `members` of an …IamBinding, with its index. */
function checkBinding(props: unknown, trustedDomains: readonly string[], resource: string): Finding[] {
    const members = asList(prop(props, "members"));
    if (isUnknown(members)) {
        return [deferred("members")];
    }
    return members.flatMap((member, index) =>
        judgeMember(member, `members[${index}]`, trustedDomains, `remove this entry from \`members\` of the ${resource}`));
}

/**
 * Each `bindings[i].members[j]` of the JSON document in `policyData` of an …IamPolicy. A document
 * that does not parse fails closed; bindings and members that are single values count as lists.
 */
function checkPolicy(props: unknown, trustedDomains: readonly string[], resource: string): Finding[] {
    const raw = prop(props, "policyData");
    if (raw === undefined) {
        return [];
    }
    const document = parseJson(raw);
    if (isUnknown(document)) {
        return [deferred("policyData")];
    }
    const fix = `set \`policyData\` of the ${resource} from gcp.organizations.getIAMPolicy bindings that name specific principals`;
    if (!document.ok) {
        return [violation("policyData", "policyData is not valid JSON", fix)];
    }
    const policy = document.value;
    if (typeof policy !== "object" || policy === null || Array.isArray(policy)) {
        return [violation("policyData", "policyData is not an IAM policy (a JSON object with bindings)", fix)];
    }
    const bindings = asList(prop(policy, "bindings"));
    if (isUnknown(bindings)) {
        return [deferred("policyData.bindings")];
    }
    const findings: Finding[] = [];
    bindings.forEach((binding, i) => {
        const path = `policyData.bindings[${i}].members`;
        const members = asList(prop(binding, "members"));
        if (isUnknown(members)) {
            findings.push(deferred(path));
            return;
        }
        members.forEach((member, j) => {
            findings.push(...judgeMember(member, `${path}[${j}]`, trustedDomains,
                `remove this member from \`policyData\` of the ${resource}`));
        });
    });
    return findings;
}

// ---- Remediation: drop allUsers and allAuthenticatedUsers; named principals are left to the owner.

/**
 * `members` of an …IamBinding without the public principals. A binding that would be left with no
 * members cannot be fixed (the provider needs at least one; deleting it is not a fix): unchanged,
 * so the rule still reports.
 */
function fixBinding(props: Record<string, unknown>): Record<string, unknown> | undefined {
    const members = asList(prop(props, "members"));
    if (isUnknown(members) || !members.some((member) => !isPublicMember(member))) {
        return undefined;
    }
    return applyEdits(props, at(["members"], without(isPublicMember)));
}

/**
 * `policyData` of an …IamPolicy without the public principals; a binding left with no members is
 * removed. The document is written back as JSON only when something changed (a secret document
 * stays secret); a document with unknown parts is left alone.
 */
function fixPolicy(props: Record<string, unknown>): Record<string, unknown> | undefined {
    return applyEdits(props, at(["policyData"], (raw) => {
        const document = parseJson(raw);
        if (isUnknown(document) || !document.ok || typeof document.value !== "object" || document.value === null || Array.isArray(document.value)) {
            return UNCHANGED;
        }
        const policy = document.value as Record<string, unknown>;
        const bindings = prop(policy, "bindings");
        if (!Array.isArray(bindings)) {
            return UNCHANGED;
        }
        let changed = false;
        const kept: unknown[] = [];
        for (const binding of bindings) {
            const members = prop(binding, "members");
            if (typeof binding !== "object" || binding === null || !Array.isArray(members) || !members.some(isPublicMember)) {
                kept.push(binding);
                continue;
            }
            changed = true;
            const named = members.filter((member) => !isPublicMember(member));
            if (named.length > 0) {
                kept.push({ ...(binding as Record<string, unknown>), members: named });
            }
        }
        if (!changed) {
            return UNCHANGED;
        }
        const fixed = { ...policy, bindings: kept };
        return typeof raw === "string" ? JSON.stringify(fixed) : fixed;
    }));
}

/** One target per kind of IAM resource; `type` is the token, `resource` the class as a program names it. */
const kinds = {
    Member: (type: string, resource: string) => on<MemberArgs, Knobs>(type, (props, { config }) =>
        checkMember(props, config.trustedDomains, resource)),
    Binding: (type: string, resource: string) => on<BindingArgs, Knobs>(type, (props, { config }) =>
        checkBinding(props, config.trustedDomains, resource), fixBinding),
    Policy: (type: string, resource: string) => on<PolicyArgs, Knobs>(type, (props, { config }) =>
        checkPolicy(props, config.trustedDomains, resource), fixPolicy),
};

/** `gcp:compute/diskIamMember:DiskIamMember`, `…IamBinding`, `…IamPolicy` for one resource. */
function targetsFor(resource: (typeof resources)[number]): Target<Knobs>[] {
    const module = resource.charAt(0).toLowerCase() + resource.slice(1);
    return (Object.keys(kinds) as Array<keyof typeof kinds>).map((kind) =>
        kinds[kind](`gcp:compute/${module}Iam${kind}:${resource}Iam${kind}`, `gcp.compute.${resource}Iam${kind}`));
}

export const iamNotPublic = defineRule({
    id: "gcp-iam-not-public",
    cloud: "gcp",
    title: "Compute images, disks and snapshots are never shared through IAM with the public or untrusted domains",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "An IAM grant on a Compute Engine image, disk, snapshot, instant snapshot or machine image lets the grantee copy it " +
        "and read every file, key and record it holds. allUsers makes it available to anyone on the internet and " +
        "allAuthenticatedUsers to anyone with a Google account, whatever the role and whatever IAM condition is attached. " +
        "With trustedDomains set, users, groups, service accounts and domains outside the company's domains are blocked too.",
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from `member` of the gcp.compute.…IamMember resources, from `members` " +
        "of the …IamBinding resources and from the bindings in `policyData` of the …IamPolicy resources (usually built with " +
        "`gcp.organizations.getIAMPolicy`); grant named `user:`, `group:` or `serviceAccount:` principals instead. " +
        "Set `trustedDomains` in the policy config to also block principals from other domains (subdomains must be listed " +
        "on their own), and enforce the `iam.allowedPolicyMemberDomains` organization policy as a guardrail.",
    docsUrl,
    controls: {
        prowler: ["compute_image_not_publicly_shared"],
        "gcp-org-policy": ["iam.allowedPolicyMemberDomains"],
    },
    config: ["trustedDomains"],
    targets: resources.flatMap(targetsFor),
});
