import { snapshotsNotPublic } from "../../policies/aws/snapshots-not-public";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

const trusted = "111122223333";
const stranger = "999988887777";
const trust = { trustedAccountIds: [trusted] };
const exempt = { exemptions: [{ resource: "subject", reason: "shared with the auditor, ticket SEC-9", expires: "2999-01-01" }] };
const expired = { exemptions: [{ resource: "subject", reason: "shared with the auditor", expires: "2020-01-01" }] };

describeRule(snapshotsNotPublic, "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", [
    { name: "shared with a trusted account", props: { snapshotId: "snap-1", accountId: trusted }, config: trust, expect: "pass" },
    { name: "shared while no account is trusted (default)", props: { snapshotId: "snap-1", accountId: trusted }, expect: "fail", paths: ["accountId"], message: /not in trustedAccountIds at accountId; remove the aws.ec2.SnapshotCreateVolumePermission/ },
    { name: "shared with an untrusted account", props: { snapshotId: "snap-1", accountId: stranger }, config: trust, expect: "fail", paths: ["accountId"], message: /^(?![\s\S]*999988887777)/ },
    { name: "secret account id that is trusted", props: { snapshotId: "snap-1", accountId: secret(trusted) }, config: trust, expect: "pass" },
    { name: "account id omitted: nothing is shared", props: { snapshotId: "snap-1" }, expect: "pass" },
    { name: "account id unknown during preview", props: { snapshotId: "snap-1", accountId: UNKNOWN }, expect: "defer", message: /accountId is unknown/ },
    { name: "share exempted with a reason", props: { snapshotId: "snap-1", accountId: stranger }, config: exempt, expect: "exempt" },
    { name: "exemption expired", props: { snapshotId: "snap-1", accountId: stranger }, config: expired, expect: "fail", message: /expired/ },
    { name: "invalid trusted account id in config", props: { snapshotId: "snap-1" }, config: { trustedAccountIds: ["1234"] }, expect: "fail", message: /invalid policy config: .*trustedAccountIds\[0\]/ },
]);

for (const [type, base] of [
    ["aws:rds/snapshot:Snapshot", { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s" }],
    ["aws:rds/snapshotCopy:SnapshotCopy", { sourceDbSnapshotIdentifier: "s", targetDbSnapshotIdentifier: "t" }],
    ["aws:rds/clusterSnapshot:ClusterSnapshot", { dbClusterIdentifier: "c", dbClusterSnapshotIdentifier: "s" }],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { sourceDbClusterSnapshotIdentifier: "s", targetDbClusterSnapshotIdentifier: "t" }],
] as const) {
    describeRule(snapshotsNotPublic, type, [
        { name: "shared with a trusted account", props: { ...base, sharedAccounts: [trusted] }, config: trust, expect: "pass" },
        { name: "sharedAccounts omitted: private", props: { ...base }, expect: "pass" },
        { name: "empty sharedAccounts", props: { ...base, sharedAccounts: [] }, expect: "pass" },
        { name: "public: \"all\"", props: { ...base, sharedAccounts: ["all"] }, config: trust, expect: "fail", paths: ["sharedAccounts[0]"], message: /snapshot is public .* at sharedAccounts\[0\]; remove "all"/ },
        { name: "public: \"All\" in mixed case after a trusted account", props: { ...base, sharedAccounts: [trusted, "All"] }, config: trust, expect: "fail", paths: ["sharedAccounts[1]"] },
        { name: "untrusted account", props: { ...base, sharedAccounts: [stranger] }, config: trust, expect: "fail", paths: ["sharedAccounts[0]"], message: /^(?![\s\S]*999988887777)[\s\S]*not in trustedAccountIds/ },
        { name: "any account while none is trusted (default)", props: { ...base, sharedAccounts: [trusted] }, expect: "fail", paths: ["sharedAccounts[0]"] },
        { name: "sharedAccounts unknown during preview", props: { ...base, sharedAccounts: UNKNOWN }, expect: "defer", message: /sharedAccounts is unknown/ },
        { name: "one account unknown, another public", props: { ...base, sharedAccounts: [UNKNOWN, "all"] }, expect: "fail", paths: ["sharedAccounts[1]"] },
        { name: "public snapshot exempted", props: { ...base, sharedAccounts: ["all"] }, config: exempt, expect: "exempt" },
        { name: "invalid trusted account id in config", props: { ...base }, config: { trustedAccountIds: [12] }, expect: "fail", message: /invalid policy config/ },
    ]);
    describeFix(snapshotsNotPublic, type, [
        { name: "\"all\" and an untrusted account dropped, trusted account kept", props: { ...base, sharedAccounts: ["all", trusted, stranger] }, config: trust, expect: "fixed", fixed: { ...base, sharedAccounts: [trusted] } },
        { name: "\"All\" in mixed case dropped; unknown entry kept", props: { ...base, sharedAccounts: [UNKNOWN, "All"] }, config: trust, expect: "fixed", fixed: { ...base, sharedAccounts: [UNKNOWN] } },
        { name: "secret list stays secret", props: { ...base, sharedAccounts: secret(["all", trusted]) }, config: trust, expect: "fixed", fixed: { ...base, sharedAccounts: secret([trusted]) } },
        { name: "no account trusted (default): every share dropped", props: { ...base, sharedAccounts: [trusted] }, expect: "fixed", fixed: { ...base, sharedAccounts: [] } },
        { name: "compliant: trusted account only", props: { ...base, sharedAccounts: [trusted] }, config: trust, expect: "unchanged" },
        { name: "sharedAccounts unknown: nothing changes", props: { ...base, sharedAccounts: UNKNOWN }, expect: "unchanged" },
        { name: "exempted: nothing changes", props: { ...base, sharedAccounts: ["all"] }, config: exempt, expect: "unchanged" },
    ]);
}

const dlm = (shareRule: unknown) => ({
    description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm",
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: { backup: "daily" }, schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, ...(shareRule ? { shareRule } : {}) }] },
});

describeRule(snapshotsNotPublic, "aws:dlm/lifecyclePolicy:LifecyclePolicy", [
    { name: "shares with a trusted account", props: dlm({ targetAccounts: [trusted] }), config: trust, expect: "pass" },
    { name: "shareRule omitted: nothing shared", props: dlm(undefined), expect: "pass" },
    { name: "shares with an untrusted account", props: dlm({ targetAccounts: [trusted, stranger] }), config: trust, expect: "fail", paths: ["policyDetails.schedules[0].shareRule.targetAccounts[1]"], message: /every snapshot this schedule creates/ },
    { name: "shares while no account is trusted (default)", props: dlm({ targetAccounts: [trusted] }), expect: "fail", paths: ["policyDetails.schedules[0].shareRule.targetAccounts[0]"] },
    { name: "target accounts unknown during preview", props: dlm({ targetAccounts: UNKNOWN }), expect: "defer" },
    { name: "schedules unknown during preview", props: { policyDetails: { schedules: UNKNOWN } }, expect: "defer" },
    { name: "share exempted", props: dlm({ targetAccounts: [stranger] }), config: exempt, expect: "exempt" },
]);

// aws-native (CloudFormation): a list of share rules per schedule.
const nativeDlm = (shareRules: unknown) => ({
    description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm",
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: [{ key: "backup", value: "daily" }], schedules: [{ name: "daily", retainRule: { count: 7 }, ...(shareRules === undefined ? {} : { shareRules }) }] },
});

describeRule(snapshotsNotPublic, "aws-native:dlm:LifecyclePolicy", [
    { name: "shares with a trusted account", props: nativeDlm([{ targetAccounts: [trusted] }]), config: trust, expect: "pass" },
    { name: "shareRules omitted: nothing shared", props: nativeDlm(undefined), expect: "pass" },
    { name: "second share rule names an untrusted account", props: nativeDlm([{ targetAccounts: [trusted] }, { targetAccounts: [stranger] }]), config: trust, expect: "fail", paths: ["policyDetails.schedules[0].shareRules[1].targetAccounts[0]"], message: /every snapshot this schedule creates .* `shareRules\[\]\.targetAccounts` on the aws-native\.dlm\.LifecyclePolicy/ },
    { name: "shares while no account is trusted (default)", props: nativeDlm([{ targetAccounts: [trusted] }]), expect: "fail", paths: ["policyDetails.schedules[0].shareRules[0].targetAccounts[0]"] },
    { name: "share rules unknown during preview", props: nativeDlm(UNKNOWN), expect: "defer", paths: ["policyDetails.schedules[0].shareRules"] },
    { name: "target accounts unknown during preview", props: nativeDlm([{ targetAccounts: UNKNOWN }]), expect: "defer" },
    { name: "share exempted", props: nativeDlm([{ targetAccounts: [stranger] }]), config: exempt, expect: "exempt" },
]);
