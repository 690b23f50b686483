import type { LifecyclePolicyArgs } from "@pulumi/aws/dlm";
import type { LifecyclePolicyArgs as NativeLifecyclePolicyArgs } from "@pulumi/aws-native/dlm";
import type { SnapshotCreateVolumePermissionArgs } from "@pulumi/aws/ec2";
import type { ClusterSnapshotArgs, ClusterSnapshotCopyArgs, SnapshotArgs, SnapshotCopyArgs } from "@pulumi/aws/rds";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { applyEdits, at, without } from "../../core/fix";
import { asString, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { accountTrust, requireTrustedList } from "./lib/checks";
import { DLM, eachSchedule, eachShareRule, NATIVE_DLM, type DlmShape } from "./lib/dlm";

type Knobs = "trustedAccountIds";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ShareSnapshot.html";

/** `sharedAccounts` on an RDS snapshot resource: "all" is public, every other id must be trusted. */
function sharedAccounts(resource: string) {
    return (props: Record<string, unknown>, { config }: { config: { trustedAccountIds: string[] } }): Finding[] => {
        const findings: Finding[] = [];
        requireTrustedList(findings, props, "sharedAccounts", "", {
            isTrusted: accountTrust(config.trustedAccountIds),
            untrusted: "snapshot shared with an account that is not in trustedAccountIds",
            fix: `remove the account from \`sharedAccounts\` on the ${resource} or add it to trustedAccountIds in the policy config`,
            publicValue: {
                value: "all",
                problem: "snapshot is public (\"all\" in sharedAccounts lets every AWS account restore it)",
                fix: `remove "all" from \`sharedAccounts\` on the ${resource} and list only accounts in trustedAccountIds`,
            },
        });
        return findings;
    };
}

/** Every account a DLM schedule shares its snapshots with must be trusted. */
function dlmShares(shape: DlmShape) {
    return (props: Record<string, unknown>, { config }: { config: { trustedAccountIds: string[] } }): Finding[] => {
        const findings: Finding[] = [];
        eachSchedule(findings, props, (schedule, path) => {
            eachShareRule(findings, schedule, path, shape, (share, sharePath) => {
                requireTrustedList(findings, share, "targetAccounts", sharePath, {
                    isTrusted: accountTrust(config.trustedAccountIds),
                    untrusted: "every snapshot this schedule creates is shared with an account that is not in trustedAccountIds",
                    fix: `remove the account from \`${shape.native ? "shareRules[].targetAccounts" : "shareRule.targetAccounts"}\` on the ${shape.resource} or add it to trustedAccountIds in the policy config`,
                });
            });
        });
        return findings;
    };
}

/** Remediation: drop "all" and every account not in trustedAccountIds from `sharedAccounts` (in place). */
function unshare(props: Record<string, unknown>, { config }: { config: { trustedAccountIds: string[] } }): Record<string, unknown> | undefined {
    const trusted = accountTrust(config.trustedAccountIds);
    return applyEdits(props, at(["sharedAccounts"], without((account) =>
        typeof account !== "string" || enumIn(account.trim(), "all") === true || !trusted(account.trim()))));
}

export const snapshotsNotPublic = defineRule({
    id: "aws-snapshots-not-public",
    cloud: "aws",
    title: "EBS and RDS snapshots are never shared publicly or with untrusted accounts",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "A snapshot is a full copy of a volume or database. Whoever may restore it reads every row, file and key in it: " +
        "\"all\" in an RDS snapshot's `sharedAccounts` makes it public, and a share with an account outside the " +
        "company's control hands the data to that party. Data Lifecycle Manager share rules do the same for every " +
        "snapshot the policy creates.",
    remediation:
        "Remove \"all\" from `sharedAccounts` on `aws.rds.Snapshot`, `SnapshotCopy`, `ClusterSnapshot` and " +
        "`ClusterSnapshotCopy`, and share only with accounts listed in `trustedAccountIds` (empty by default, so every " +
        "cross-account share is blocked until the platform team lists the account). The same list governs " +
        "`accountId` on `aws.ec2.SnapshotCreateVolumePermission` and `shareRule.targetAccounts` in " +
        "`aws.dlm.LifecyclePolicy` schedules (`shareRules[].targetAccounts` in `aws-native.dlm.LifecyclePolicy`). The " +
        "aws-native RDS snapshot types have no sharing input, so they cannot be shared from a program.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_302"],
        "aws-config": ["rds-snapshots-public-prohibited", "ebs-snapshot-public-restorable-check"],
        prowler: ["rds_snapshots_public_access", "ec2_ebs_public_snapshot"],
    },
    config: ["trustedAccountIds"],
    targets: [
        on<SnapshotCreateVolumePermissionArgs, Knobs>("aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", (props, { config }) => {
            const value = asString(prop(props, "accountId"));
            if (isUnknown(value)) {
                return [deferred("accountId")];
            }
            const fix = "remove the aws.ec2.SnapshotCreateVolumePermission or add the account to trustedAccountIds in the policy config";
            if (value === undefined) {
                return isSet(props, "accountId")
                    ? [violation("accountId", "EBS snapshot shared with an account that is not in trustedAccountIds", fix)]
                    : [];
            }
            return accountTrust(config.trustedAccountIds)(value.trim())
                ? []
                : [violation("accountId", "EBS snapshot shared with an account that is not in trustedAccountIds", fix)];
        }),
        on<SnapshotArgs, Knobs>("aws:rds/snapshot:Snapshot", sharedAccounts("aws.rds.Snapshot"), unshare),
        on<SnapshotCopyArgs, Knobs>("aws:rds/snapshotCopy:SnapshotCopy", sharedAccounts("aws.rds.SnapshotCopy"), unshare),
        on<ClusterSnapshotArgs, Knobs>("aws:rds/clusterSnapshot:ClusterSnapshot", sharedAccounts("aws.rds.ClusterSnapshot"), unshare),
        on<ClusterSnapshotCopyArgs, Knobs>("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", sharedAccounts("aws.rds.ClusterSnapshotCopy"), unshare),
        on<LifecyclePolicyArgs, Knobs>("aws:dlm/lifecyclePolicy:LifecyclePolicy", dlmShares(DLM)),
        on<NativeLifecyclePolicyArgs, Knobs>("aws-native:dlm:LifecyclePolicy", dlmShares(NATIVE_DLM)),
    ],
});
