import { sharingPermissionsRestricted } from "../../policies/aws/sharing-permissions-restricted";
import { describeRule, UNKNOWN, type Row } from "../harness";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });

/** The same situations for every resource that holds one document in `key` (`policy`, aws-native `policyDocument`). */
function documentRows(base: Record<string, unknown>, key = "policy"): Row[] {
    return [
        { name: "read-only EC2 access", props: { ...base, [key]: doc(allow(["ec2:Describe*", "ec2:CreateSnapshot"])) }, expect: "pass" },
        { name: "snapshot sharing on every resource", props: { ...base, [key]: doc(allow("ec2:ModifySnapshotAttribute")) }, expect: "fail", paths: [`${key}.Statement[0].Action`], message: /ec2:ModifySnapshotAttribute/ },
        { name: "wildcard ec2:Modify* includes image and snapshot sharing", props: { ...base, [key]: doc(allow("ec2:Modify*")) }, expect: "fail", message: /ec2:ModifySnapshotAttribute, ec2:ModifyImageAttribute/ },
        { name: "\"*\" (administrator)", props: { ...base, [key]: { Version: "2012-10-17", Statement: allow("*") } }, expect: "fail", paths: [`${key}.Statement[0].Action`] },
        { name: "NotAction with Allow", props: { ...base, [key]: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }, expect: "fail" },
        { name: "guardrail removal", props: { ...base, [key]: doc(allow(["ec2:DisableEbsEncryptionByDefault", "ec2:DisableImageBlockPublicAccess"])) }, expect: "fail" },
        { name: "RDS snapshot sharing on named snapshots", props: { ...base, [key]: doc(allow("rds:ModifyDBSnapshotAttribute", { Resource: "arn:aws:rds:eu-west-1:111122223333:snapshot:orders-*" })) }, expect: "pass" },
        { name: "sharing under a tag condition", props: { ...base, [key]: doc(allow("ec2:ModifyImageAttribute", { Condition: { StringEquals: { "aws:ResourceTag/team": "images" } } })) }, expect: "pass" },
        { name: "deny statement", props: { ...base, [key]: doc({ Effect: "Deny", Action: "ec2:Modify*", Resource: "*" }) }, expect: "pass" },
        { name: "document omitted", props: { ...base }, expect: "pass" },
        { name: "document unknown during preview", props: { ...base, [key]: UNKNOWN }, expect: "defer", paths: [key] },
        { name: "resource unknown during preview", props: { ...base, [key]: doc(allow("ec2:ModifySnapshotAttribute", { Resource: UNKNOWN })) }, expect: "defer", paths: [`${key}.Statement[0]`] },
        { name: "exempted break-glass policy", props: { ...base, [key]: doc(allow("*")) }, config: { exemptions: [{ resource: "subject", reason: "break-glass administrator", expires: "2999-01-01" }] }, expect: "exempt" },
    ];
}

describeRule(sharingPermissionsRestricted, "aws:iam/policy:Policy", documentRows({ name: "ops" }));
describeRule(sharingPermissionsRestricted, "aws:iam/rolePolicy:RolePolicy", documentRows({ role: "ops" }));
describeRule(sharingPermissionsRestricted, "aws:iam/userPolicy:UserPolicy", documentRows({ user: "ops" }));
describeRule(sharingPermissionsRestricted, "aws:iam/groupPolicy:GroupPolicy", documentRows({ group: "ops" }));
describeRule(sharingPermissionsRestricted, "aws:iam/role:Role", [
    { name: "inline policies without sharing", props: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "read", policy: doc(allow("ec2:Describe*")) }] }, expect: "pass" },
    { name: "second inline policy shares images everywhere", props: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "read", policy: doc(allow("ec2:Describe*")) }, { name: "share", policy: doc(allow("ec2:ModifyImageAttribute")) }] }, expect: "fail", paths: ["inlinePolicies[1].policy.Statement[0].Action"] },
    { name: "inlinePolicies omitted", props: { assumeRolePolicy: "{}" }, expect: "pass" },
    { name: "inline policy document unknown during preview", props: { assumeRolePolicy: "{}", inlinePolicies: [{ name: "x", policy: UNKNOWN }] }, expect: "defer", paths: ["inlinePolicies[0].policy"] },
    { name: "inline policies unknown during preview", props: { assumeRolePolicy: "{}", inlinePolicies: UNKNOWN }, expect: "defer", paths: ["inlinePolicies"] },
]);

// aws-native (CloudFormation): `policyDocument`, inline policies in `policies[]` of roles, users and groups.
describeRule(sharingPermissionsRestricted, "aws-native:iam:ManagedPolicy", documentRows({ managedPolicyName: "ops" }, "policyDocument"));
describeRule(sharingPermissionsRestricted, "aws-native:iam:RolePolicy", documentRows({ roleName: "ops" }, "policyDocument"));
describeRule(sharingPermissionsRestricted, "aws-native:iam:UserPolicy", documentRows({ userName: "ops" }, "policyDocument"));
describeRule(sharingPermissionsRestricted, "aws-native:iam:GroupPolicy", documentRows({ groupName: "ops" }, "policyDocument"));
for (const [type, base] of [
    ["aws-native:iam:Role", { assumeRolePolicyDocument: {} }],
    ["aws-native:iam:User", { userName: "ops" }],
    ["aws-native:iam:Group", { groupName: "ops" }],
] as const) {
    describeRule(sharingPermissionsRestricted, type, [
        { name: "inline policies without sharing", props: { ...base, policies: [{ policyName: "read", policyDocument: { Statement: [allow("ec2:Describe*")] } }] }, expect: "pass" },
        { name: "second inline policy shares images everywhere", props: { ...base, policies: [{ policyName: "read", policyDocument: doc(allow("ec2:Describe*")) }, { policyName: "share", policyDocument: { Statement: [allow("ec2:ModifyImageAttribute")] } }] }, expect: "fail", paths: ["policies[1].policyDocument.Statement[0].Action"], message: new RegExp(type.split(":")[2]) },
        { name: "policies omitted", props: { ...base }, expect: "pass" },
        { name: "inline policy document unknown during preview", props: { ...base, policies: [{ policyName: "x", policyDocument: UNKNOWN }] }, expect: "defer", paths: ["policies[0].policyDocument"] },
        { name: "inline policies unknown during preview", props: { ...base, policies: UNKNOWN }, expect: "defer", paths: ["policies"] },
    ]);
}
