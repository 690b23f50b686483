import type { GroupPolicyArgs, PolicyArgs, RoleArgs, RolePolicyArgs, UserPolicyArgs } from "@pulumi/aws/iam";
import type {
    GroupArgs as NativeGroupArgs, GroupPolicyArgs as NativeGroupPolicyArgs, ManagedPolicyArgs, RoleArgs as NativeRoleArgs,
    RolePolicyArgs as NativeRolePolicyArgs, UserArgs as NativeUserArgs, UserPolicyArgs as NativeUserPolicyArgs,
} from "@pulumi/aws-native/iam";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isUnknown, prop } from "../../core/values";
import { eachItem } from "./lib/checks";
import { allows, coversAllResources, grantedActions, hasCondition, readPolicyDocument } from "./lib/policy-document";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots-work.html";

/** Actions that share snapshots and images, or switch off the account guardrails against it. */
export const SHARING_ACTIONS = [
    "ec2:ModifySnapshotAttribute",
    "ec2:ModifyImageAttribute",
    "rds:ModifyDBSnapshotAttribute",
    "rds:ModifyDBClusterSnapshotAttribute",
    "ec2:DisableSnapshotBlockPublicAccess",
    "ec2:DisableImageBlockPublicAccess",
    "ec2:DisableEbsEncryptionByDefault",
] as const;

/**
 * Findings for one identity policy document at `path`: each Allow statement that grants a sharing
 * action on every resource without a condition. Unparseable documents are left to the provider
 * (it rejects them); this is an advisory hardening rule.
 */
function judgeDocument(raw: unknown, path: string, resource: string): Finding[] {
    const document = readPolicyDocument(raw);
    if (document.kind === "unknown") return [deferred(path)];
    if (document.kind === "invalid") return [];
    if (isUnknown(document.statements)) return [deferred(path)];
    const findings: Finding[] = [];
    document.statements.forEach((statement, index) => {
        const at = `${path}.Statement[${index}]`;
        const allowed = allows(statement);
        if (allowed === false) return;
        const actions = isUnknown(allowed) ? allowed : grantedActions(statement, SHARING_ACTIONS);
        if (!isUnknown(actions) && actions.length === 0) return;
        const everywhere = coversAllResources(statement);
        const conditional = hasCondition(statement);
        if (everywhere === false || conditional === true) return;
        if (isUnknown(actions) || isUnknown(everywhere) || isUnknown(conditional)) {
            findings.push(deferred(at));
            return;
        }
        findings.push(violation(`${at}.Action`,
            `the statement lets its holders share snapshots and images or switch off the guardrails (${actions.join(", ")}) on every resource without a condition`,
            `limit \`Resource\` to the snapshots and images this identity manages, or add a condition (for example on \`aws:ResourceTag\`), in this statement of \`${path}\` on the ${resource}`));
    });
    return findings;
}

function documentTarget<Args>(type: string, resource: string, key = "policy") {
    return on<Args>(type, (props) => {
        const raw = prop(props, key);
        return raw === undefined ? [] : judgeDocument(raw, key, resource);
    });
}

/** Inline policies of a role, user or group: `listKey[].documentKey`. */
function inlineTarget<Args>(type: string, resource: string, listKey: string, documentKey: string) {
    return on<Args>(type, (props) => {
        const findings: Finding[] = [];
        eachItem(findings, props, listKey, "", (inline, path) => {
            const raw = prop(inline, documentKey);
            if (raw !== undefined) findings.push(...judgeDocument(raw, `${path}.${documentKey}`, resource));
        });
        return findings;
    });
}

export const sharingPermissionsRestricted = defineRule({
    id: "aws-sharing-permissions-restricted",
    cloud: "aws",
    title: "IAM policies do not let identities share snapshots and images, or switch off the guardrails, on every resource without a condition",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Whoever may call `ec2:ModifySnapshotAttribute`, `ec2:ModifyImageAttribute`, `rds:ModifyDBSnapshotAttribute` or " +
        "`rds:ModifyDBClusterSnapshotAttribute` on any resource can make any snapshot or image public or hand it to " +
        "another account, and `ec2:DisableSnapshotBlockPublicAccess`, `ec2:DisableImageBlockPublicAccess` and " +
        "`ec2:DisableEbsEncryptionByDefault` remove the guardrails against it. Wildcards such as `ec2:Modify*`, `ec2:*` " +
        "or `*`, and `NotAction` with Allow, grant them too. This rule reads identity policies (`aws.iam.Policy`, " +
        "`RolePolicy`, `UserPolicy`, `GroupPolicy` and `inlinePolicies` of `aws.iam.Role`; with aws-native, `policyDocument` of " +
        "`aws-native.iam.ManagedPolicy`, `RolePolicy`, `UserPolicy` and `GroupPolicy` and of the inline `policies` of `Role`, " +
        "`User` and `Group`).",
    remediation:
        "Give sharing and guardrail actions only to the identities that need them, on named resources (`Resource` with " +
        "snapshot or image ARNs) or under a condition (for example `aws:ResourceTag/team`), and leave them out of wildcard " +
        "grants; enforce an SCP that denies the guardrail-removal actions.",
    docsUrl,
    controls: {},
    config: [],
    targets: [
        documentTarget<PolicyArgs>("aws:iam/policy:Policy", "aws.iam.Policy"),
        documentTarget<RolePolicyArgs>("aws:iam/rolePolicy:RolePolicy", "aws.iam.RolePolicy"),
        documentTarget<UserPolicyArgs>("aws:iam/userPolicy:UserPolicy", "aws.iam.UserPolicy"),
        documentTarget<GroupPolicyArgs>("aws:iam/groupPolicy:GroupPolicy", "aws.iam.GroupPolicy"),
        inlineTarget<RoleArgs>("aws:iam/role:Role", "aws.iam.Role", "inlinePolicies", "policy"),
        // aws-native (CloudFormation): `policyDocument` (an object or JSON), inline policies in `policies[]`.
        documentTarget<ManagedPolicyArgs>("aws-native:iam:ManagedPolicy", "aws-native.iam.ManagedPolicy", "policyDocument"),
        documentTarget<NativeRolePolicyArgs>("aws-native:iam:RolePolicy", "aws-native.iam.RolePolicy", "policyDocument"),
        documentTarget<NativeUserPolicyArgs>("aws-native:iam:UserPolicy", "aws-native.iam.UserPolicy", "policyDocument"),
        documentTarget<NativeGroupPolicyArgs>("aws-native:iam:GroupPolicy", "aws-native.iam.GroupPolicy", "policyDocument"),
        inlineTarget<NativeRoleArgs>("aws-native:iam:Role", "aws-native.iam.Role", "policies", "policyDocument"),
        inlineTarget<NativeUserArgs>("aws-native:iam:User", "aws-native.iam.User", "policies", "policyDocument"),
        inlineTarget<NativeGroupArgs>("aws-native:iam:Group", "aws-native.iam.Group", "policies", "policyDocument"),
    ],
});
