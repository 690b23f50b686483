import { sharingPermissionsRestricted } from "../../policies/aws/sharing-permissions-restricted";
import { describeRule, UNKNOWN, type Row } from "../harness";

const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Action: unknown, extra: Record<string, unknown> = {}) => ({ Effect: "Allow", Action, Resource: "*", ...extra });

/** The same situations for every resource that holds one document in `policy`. */
function documentRows(base: Record<string, unknown>): Row[] {
    return [
        { name: "read-only EC2 access", props: { ...base, policy: doc(allow(["ec2:Describe*", "ec2:CreateSnapshot"])) }, expect: "pass" },
        { name: "snapshot sharing on every resource", props: { ...base, policy: doc(allow("ec2:ModifySnapshotAttribute")) }, expect: "fail", paths: ["policy.Statement[0].Action"], message: /ec2:ModifySnapshotAttribute/ },
        { name: "wildcard ec2:Modify* includes image and snapshot sharing", props: { ...base, policy: doc(allow("ec2:Modify*")) }, expect: "fail", message: /ec2:ModifySnapshotAttribute, ec2:ModifyImageAttribute/ },
        { name: "\"*\" (administrator)", props: { ...base, policy: { Version: "2012-10-17", Statement: allow("*") } }, expect: "fail", paths: ["policy.Statement[0].Action"] },
        { name: "NotAction with Allow", props: { ...base, policy: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }, expect: "fail" },
        { name: "guardrail removal", props: { ...base, policy: doc(allow(["ec2:DisableEbsEncryptionByDefault", "ec2:DisableImageBlockPublicAccess"])) }, expect: "fail" },
        { name: "RDS snapshot sharing on named snapshots", props: { ...base, policy: doc(allow("rds:ModifyDBSnapshotAttribute", { Resource: "arn:aws:rds:eu-west-1:111122223333:snapshot:orders-*" })) }, expect: "pass" },
        { name: "sharing under a tag condition", props: { ...base, policy: doc(allow("ec2:ModifyImageAttribute", { Condition: { StringEquals: { "aws:ResourceTag/team": "images" } } })) }, expect: "pass" },
        { name: "deny statement", props: { ...base, policy: doc({ Effect: "Deny", Action: "ec2:Modify*", Resource: "*" }) }, expect: "pass" },
        { name: "policy omitted", props: { ...base }, expect: "pass" },
        { name: "policy unknown during preview", props: { ...base, policy: UNKNOWN }, expect: "defer", paths: ["policy"] },
        { name: "resource unknown during preview", props: { ...base, policy: doc(allow("ec2:ModifySnapshotAttribute", { Resource: UNKNOWN })) }, expect: "defer", paths: ["policy.Statement[0]"] },
        { name: "exempted break-glass policy", props: { ...base, policy: doc(allow("*")) }, config: { exemptions: [{ resource: "subject", reason: "break-glass administrator", expires: "2999-01-01" }] }, expect: "exempt" },
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
