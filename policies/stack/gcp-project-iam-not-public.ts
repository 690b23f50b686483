import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asList, isUnknown, parseJson, prop, UNKNOWN } from "../../core/values";
import { judgeMemberValue } from "../gcp/lib/members";
import { isCustomRoleName, isImageReadingPermission, isImageReadingRole } from "../gcp/lib/roles";
import { anyBad, deferredAt, memo, StackGraph, violationAt, type Verdict } from "./lib/graph";

const docsUrl = "https://cloud.google.com/compute/docs/images/managing-access-custom-images";

/** IAM resources of the resource hierarchy, with the class a program names them by. */
const scopes = [
    ["projects", "gcp.projects"],
    ["folder", "gcp.folder"],
    ["organizations", "gcp.organizations"],
] as const;
const token = (module: string, kind: string) => `gcp:${module}/iAM${kind}:IAM${kind}`;
const MEMBER_TYPES = scopes.map(([module]) => token(module, "Member"));
const BINDING_TYPES = scopes.map(([module]) => token(module, "Binding"));
const POLICY_TYPES = scopes.map(([module]) => token(module, "Policy"));
const CUSTOM_ROLES = [token("projects", "CustomRole"), token("organizations", "CustomRole")];

function className(type: string): string {
    const [, module, name] = type.split(":");
    return `gcp.${module.split("/")[0]}.${name}`;
}

export const gcpProjectIamNotPublic = defineStackRule({
    id: "gcp-project-iam-not-public",
    cloud: "gcp",
    title: "Projects, folders and organizations never grant roles that read images, snapshots or disks to the public or untrusted domains",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "IAM granted on a project, folder or organization applies to every Compute Engine image, snapshot, disk and " +
        "machine image below it: one binding of `roles/compute.imageUser` for allAuthenticatedUsers on the project " +
        "lets every Google account copy every image of the project, without touching an image. The rule judges " +
        "`gcp.projects`, `gcp.folder` and `gcp.organizations` `IAMMember`, `IAMBinding` and `IAMPolicy` grants of roles that " +
        "read images, snapshots, disks or machine images (`roles/compute.imageUser`, `roles/compute.storageAdmin`, " +
        "`roles/compute.admin`, the basic roles, and custom roles of the stack holding `compute.images.useReadOnly`, " +
        "`compute.snapshots.useReadOnly`, `compute.disks.useReadOnly` or `compute.machineImages.useReadOnly`). Custom roles " +
        "are followed by reference or name to `gcp.projects.IAMCustomRole`/`gcp.organizations.IAMCustomRole` in the stack; " +
        "a custom role defined elsewhere is not judged.",
    remediation:
        "Remove `allUsers` and `allAuthenticatedUsers` from `member`/`members`/`policyData` of the project, folder or " +
        "organization IAM resources that grant these roles, and grant the role to named `group:` or `serviceAccount:` " +
        "principals instead (or share single images with gcp.compute.ImageIamMember). With `trustedDomains` set, " +
        "principals from other domains are blocked too; enforce the `iam.allowedPolicyMemberDomains` organization policy " +
        "as a guardrail.",
    docsUrl,
    controls: { "gcp-org-policy": ["iam.allowedPolicyMemberDomains"] },
    config: ["trustedDomains"],
    stackTypes: [...MEMBER_TYPES, ...BINDING_TYPES, ...POLICY_TYPES, ...CUSTOM_ROLES],
    checkStack: (resources, { config }) => {
        const graph = new StackGraph(resources, Object.fromEntries(CUSTOM_ROLES.map((type) => [type, ["name"]])));
        const findings: Finding[] = [];

        /** True when the custom role holds a permission that reads images, snapshots, disks or machine images. */
        const customRoleReads = memo((role: StackResource): Verdict => {
            const permissions = asList(prop(role.props, "permissions"));
            if (isUnknown(permissions)) return UNKNOWN;
            return anyBad(permissions.map((permission) =>
                isUnknown(permission) ? UNKNOWN : typeof permission === "string" && isImageReadingPermission(permission)));
        }, false);

        /** Whether a role (read from `key` of `resource`, or from inside it) reads image data. */
        const roleReads = (resource: StackResource, key: string, role: unknown): Verdict => {
            if (typeof role === "string" && isImageReadingRole(role)) return true;
            if (typeof role === "string" && !isCustomRoleName(role)) return false;
            const found = graph.resolveIn(resource, key, role, CUSTOM_ROLES);
            return isUnknown(found) ? UNKNOWN : anyBad(found.map(customRoleReads));
        };

        /** Judges one member of a grant whose role is at `rolePath`. */
        const judge = (resource: StackResource, reads: Verdict, rolePath: string, member: unknown, path: string, fix: string) => {
            if (reads === false) return;
            const verdict = judgeMemberValue(member, config.trustedDomains);
            if (verdict.kind === "fine") return;
            if (verdict.kind === "unknown" || isUnknown(reads)) {
                findings.push(deferredAt(resource, verdict.kind === "unknown" ? path : rolePath));
                return;
            }
            findings.push(violationAt(resource, path, `${verdict.problem}, with a role that reads every image, snapshot and disk below it`,
                verdict.kind === "untrusted" ? `${fix}, or add the domain to trustedDomains in the policy config` : fix));
        };

        for (const member of graph.of(...MEMBER_TYPES)) {
            const reads = roleReads(member, "role", prop(member.props, "role"));
            judge(member, reads, "role", prop(member.props, "member"), "member",
                `remove the ${className(member.type)} or grant the role to a named group or service account`);
        }

        for (const binding of graph.of(...BINDING_TYPES)) {
            const reads = roleReads(binding, "role", prop(binding.props, "role"));
            if (reads === false) continue;
            const members = asList(prop(binding.props, "members"));
            if (isUnknown(members)) {
                findings.push(deferredAt(binding, "members"));
                continue;
            }
            members.forEach((member, index) => judge(binding, reads, "role", member, `members[${index}]`,
                `remove this entry from \`members\` of the ${className(binding.type)}`));
        }

        for (const policy of graph.of(...POLICY_TYPES)) {
            const raw = prop(policy.props, "policyData");
            if (raw === undefined) continue;
            const document = parseJson(raw);
            const fix = `remove this member from \`policyData\` of the ${className(policy.type)}`;
            if (isUnknown(document)) {
                findings.push(deferredAt(policy, "policyData"));
                continue;
            }
            if (!document.ok || typeof document.value !== "object" || document.value === null) {
                findings.push(violationAt(policy, "policyData", "policyData is not an IAM policy (a JSON object with bindings)",
                    `set \`policyData\` of the ${className(policy.type)} from gcp.organizations.getIAMPolicy bindings that name specific principals`));
                continue;
            }
            const bindings = asList(prop(document.value, "bindings"));
            if (isUnknown(bindings)) {
                findings.push(deferredAt(policy, "policyData.bindings"));
                continue;
            }
            bindings.forEach((binding, i) => {
                const path = `policyData.bindings[${i}]`;
                if (isUnknown(binding)) {
                    findings.push(deferredAt(policy, path));
                    return;
                }
                const reads = roleReads(policy, "policyData", prop(binding, "role"));
                if (reads === false) return;
                const members = asList(prop(binding, "members"));
                if (isUnknown(members)) {
                    findings.push(deferredAt(policy, `${path}.members`));
                    return;
                }
                members.forEach((member, j) => judge(policy, reads, `${path}.role`, member, `${path}.members[${j}]`, fix));
            });
        }
        return findings;
    },
});
