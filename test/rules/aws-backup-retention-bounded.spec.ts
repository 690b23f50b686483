import { backupRetentionBounded } from "../../policies/aws/backup-retention-bounded";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "legal hold, ticket LEGAL-3", expires: "2999-01-01" }] };
const plan = (...rules: unknown[]) => ({ name: "daily", rules });
const rule = (lifecycle?: unknown, copyActions?: unknown) => ({
    ruleName: "daily", targetVaultName: "vault", schedule: "cron(0 5 * * ? *)",
    ...(lifecycle === undefined ? {} : { lifecycle }), ...(copyActions === undefined ? {} : { copyActions }),
});

describeRule(backupRetentionBounded, "aws:backup/plan:Plan", [
    { name: "35 days, copy 35 days", props: plan(rule({ deleteAfter: 35 }, [{ destinationVaultArn: "arn", lifecycle: { deleteAfter: 35 } }])), expect: "pass" },
    { name: "lifecycle omitted: recovery points never expire", props: plan(rule()), expect: "fail", paths: ["rules[0].lifecycle.deleteAfter"], message: /never expire \(deleteAfter omitted\) at rules\[0\]\.lifecycle\.deleteAfter; set `lifecycle: \{ deleteAfter: <days> \}` on rules\[0\] of the aws.backup.Plan to at least 7 days/ },
    { name: "deleteAfter omitted with cold storage only", props: plan(rule({ coldStorageAfter: 30 })), expect: "fail", paths: ["rules[0].lifecycle.deleteAfter"] },
    { name: "copy action without lifecycle", props: plan(rule({ deleteAfter: 35 }, [{ destinationVaultArn: "arn" }])), expect: "fail", paths: ["rules[0].copyActions[0].lifecycle.deleteAfter"], message: /copied recovery points never expire/ },
    { name: "below the minimum", props: plan(rule({ deleteAfter: 3 })), expect: "fail", paths: ["rules[0].lifecycle.deleteAfter"], message: /before the minimum of 7 days/ },
    { name: "above the configured maximum", props: plan(rule({ deleteAfter: 400 })), config: { maxRetentionDays: 365 }, expect: "fail", paths: ["rules[0].lifecycle.deleteAfter"], message: /longer than the maximum of 365 days .* to 7 to 365 days/ },
    { name: "raised minimum met", props: plan(rule({ deleteAfter: 35 })), config: { minRetentionDays: 35 }, expect: "pass" },
    { name: "numeric string deleteAfter", props: plan(rule({ deleteAfter: "30" })), expect: "pass" },
    { name: "second rule fails alone", props: plan(rule({ deleteAfter: 35 }), rule({})), expect: "fail", paths: ["rules[1].lifecycle.deleteAfter"] },
    { name: "deleteAfter unknown during preview", props: plan(rule({ deleteAfter: UNKNOWN })), expect: "defer", message: /deleteAfter is unknown/ },
    { name: "lifecycle unknown during preview", props: plan(rule(UNKNOWN)), expect: "defer" },
    { name: "rules unknown during preview", props: { name: "p", rules: UNKNOWN }, expect: "defer" },
    { name: "unknown copy does not hide a missing deleteAfter", props: plan(rule({}, UNKNOWN)), expect: "fail", paths: ["rules[0].lifecycle.deleteAfter"] },
    { name: "never-expiring plan exempted", props: plan(rule()), config: exempt, expect: "exempt" },
    { name: "invalid maximum in config", props: plan(rule({ deleteAfter: 35 })), config: { maxRetentionDays: 0 }, expect: "fail", message: /invalid policy config: .*maxRetentionDays/ },
]);

const dlm = (schedule: Record<string, unknown>, extra: Record<string, unknown> = {}, details: Record<string, unknown> = {}) => ({
    description: "d", executionRoleArn: "r", ...extra,
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: { a: "b" }, schedules: [{ name: "daily", createRule: { interval: 24 }, ...schedule }], ...details },
});

describeRule(backupRetentionBounded, "aws:dlm/lifecyclePolicy:LifecyclePolicy", [
    { name: "count-based retention", props: dlm({ retainRule: { count: 14 } }), expect: "pass" },
    { name: "interval-based retention", props: dlm({ retainRule: { interval: 2, intervalUnit: "WEEKS" } }), config: { maxRetentionDays: 30 }, expect: "pass" },
    { name: "state omitted means ENABLED", props: dlm({ retainRule: { count: 7 } }), expect: "pass" },
    { name: "disabled", props: dlm({ retainRule: { count: 7 } }, { state: "DISABLED" }), expect: "fail", paths: ["state"], message: /disabled/ },
    { name: "disabled in lower case", props: dlm({ retainRule: { count: 7 } }, { state: "disabled" }), expect: "fail", paths: ["state"] },
    { name: "retainRule omitted", props: dlm({}), expect: "fail", paths: ["policyDetails.schedules[0].retainRule"], message: /never deleted \(retainRule omitted\)/ },
    { name: "retainRule without count or interval", props: dlm({ retainRule: {} }), expect: "fail", paths: ["policyDetails.schedules[0].retainRule"] },
    { name: "interval above the configured maximum", props: dlm({ retainRule: { interval: 2, intervalUnit: "YEARS" } }), config: { maxRetentionDays: 365 }, expect: "fail", paths: ["policyDetails.schedules[0].retainRule.interval"] },
    { name: "cross-region copy without retainRule", props: dlm({ retainRule: { count: 7 }, crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].retainRule"] },
    { name: "cross-region copy with retainRule", props: dlm({ retainRule: { count: 7 }, crossRegionCopyRules: [{ target: "us-east-1", encrypted: true, retainRule: { interval: 7, intervalUnit: "DAYS" } }] }), expect: "pass" },
    { name: "event-based copy without retainRule", props: { policyDetails: { policyType: "EVENT_BASED_POLICY", action: { name: "a", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }] } } }, expect: "fail", paths: ["policyDetails.action.crossRegionCopies[0].retainRule"] },
    { name: "simplified default policy without schedules", props: { defaultPolicy: "VOLUME", policyDetails: { policyLanguage: "SIMPLIFIED", retainInterval: 7 } }, expect: "pass" },
    { name: "state unknown during preview", props: dlm({ retainRule: { count: 7 } }, { state: UNKNOWN }), expect: "defer" },
    { name: "retainRule unknown during preview", props: dlm({ retainRule: UNKNOWN }), expect: "defer" },
    { name: "interval unit unknown with a maximum configured", props: dlm({ retainRule: { interval: 2, intervalUnit: UNKNOWN } }), config: { maxRetentionDays: 30 }, expect: "defer" },
    { name: "disabled policy exempted", props: dlm({ retainRule: { count: 7 } }, { state: "DISABLED" }), config: exempt, expect: "exempt" },
]);

for (const [type, key, base] of [
    ["aws:redshift/cluster:Cluster", "manualSnapshotRetentionPeriod", { clusterIdentifier: "c", nodeType: "ra3.xlplus" }],
    ["aws:redshift/snapshotCopy:SnapshotCopy", "manualSnapshotRetentionPeriod", { clusterIdentifier: "c", destinationRegion: "us-east-1" }],
    ["aws:redshiftserverless/snapshot:Snapshot", "retentionPeriod", { namespaceName: "n", snapshotName: "s" }],
] as const) {
    describeRule(backupRetentionBounded, type, [
        { name: "30 days", props: { ...base, [key]: 30 }, expect: "pass" },
        { name: "retention omitted: default -1 keeps snapshots forever", props: { ...base }, expect: "fail", paths: [key], message: /kept forever \(omitted means -1\)/ },
        { name: "explicit -1", props: { ...base, [key]: -1 }, expect: "fail", paths: [key], message: /kept forever \(-1\)/ },
        { name: "string \"-1\"", props: { ...base, [key]: "-1" }, expect: "fail", paths: [key] },
        { name: "above the configured maximum", props: { ...base, [key]: 3653 }, config: { maxRetentionDays: 365 }, expect: "fail", paths: [key], message: /maximum of 365 days/ },
        { name: "within the configured maximum", props: { ...base, [key]: 90 }, config: { maxRetentionDays: 365 }, expect: "pass" },
        { name: "retention unknown during preview", props: { ...base, [key]: UNKNOWN }, expect: "defer" },
        { name: "kept forever but exempted", props: { ...base }, config: exempt, expect: "exempt" },
    ]);
}

describeRule(backupRetentionBounded, "aws:redshift/cluster:Cluster", [
    { name: "retention omitted and no snapshot in the program: still blocked, and the message says why", props: { clusterIdentifier: "c" }, expect: "fail", paths: ["manualSnapshotRetentionPeriod"],
        message: /^manual snapshots of this cluster, including those taken outside Pulumi \(console, CLI, scripts\), are kept forever \(omitted means -1\) at manualSnapshotRetentionPeriod; set `manualSnapshotRetentionPeriod` on the aws\.redshift\.Cluster to a number of days instead of -1 \(the default retention of every manual snapshot of the cluster that does not set its own, whoever takes it\)$/m },
]);

describeRule(backupRetentionBounded, "aws:redshift/snapshotCopy:SnapshotCopy", [
    { name: "copies: the message is about the copied snapshots only", props: { clusterIdentifier: "c", destinationRegion: "us-east-1" }, expect: "fail", paths: ["manualSnapshotRetentionPeriod"], message: /^manual snapshots are kept forever \(omitted means -1\) at manualSnapshotRetentionPeriod; set `manualSnapshotRetentionPeriod` on the aws\.redshift\.SnapshotCopy to a number of days instead of -1$/m },
]);

// ---- Remediation: a missing lifecycle.deleteAfter on backup plan rules and copy actions ---------

const planRule = (extra: Record<string, unknown>) => ({ ruleName: "daily", targetVaultName: "vault", schedule: "cron(0 5 * * ? *)", ...extra });

describeFix(backupRetentionBounded, "aws:backup/plan:Plan", [
    { name: "lifecycle omitted: deleteAfter 30 added", props: { name: "p", rules: [planRule({})] }, expect: "fixed",
        fixed: { name: "p", rules: [planRule({ lifecycle: { deleteAfter: 30 } })] } },
    { name: "copy action without lifecycle; rule already bounded; secret vault ARN kept", props: { name: "p", rules: [planRule({ lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: secret("arn:aws:backup:eu-west-1:111122223333:backup-vault:dr") }] })] }, expect: "fixed",
        fixed: { name: "p", rules: [planRule({ lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: secret("arn:aws:backup:eu-west-1:111122223333:backup-vault:dr"), lifecycle: { deleteAfter: 30 } }] })] } },
    { name: "both missing, within configured bounds", props: { name: "p", rules: [planRule({ lifecycle: {}, copyActions: [{ destinationVaultArn: "arn" }] })] }, config: { minRetentionDays: 40, defaultRetentionDays: 30 }, expect: "fixed",
        fixed: { name: "p", rules: [planRule({ lifecycle: { deleteAfter: 40 }, copyActions: [{ destinationVaultArn: "arn", lifecycle: { deleteAfter: 40 } }] })] } },
    { name: "cold storage without deleteAfter is left to the owner: unchanged, still reported", props: { name: "p", rules: [planRule({ lifecycle: { coldStorageAfter: 30 } })] }, expect: "unchanged" },
    { name: "out-of-bounds deleteAfter is the owner's: unchanged", props: { name: "p", rules: [planRule({ lifecycle: { deleteAfter: 1 } })] }, expect: "unchanged" },
    { name: "one rule unknown, another missing deleteAfter", props: { name: "p", rules: [UNKNOWN, planRule({})] }, expect: "fixed",
        fixed: { name: "p", rules: [UNKNOWN, planRule({ lifecycle: { deleteAfter: 30 } })] } },
    { name: "lifecycle unknown: nothing changes", props: { name: "p", rules: [planRule({ lifecycle: UNKNOWN })] }, expect: "unchanged" },
    { name: "exempted: nothing changes", props: { name: "p", rules: [planRule({})] }, config: exempt, expect: "unchanged" },
]);

// aws-native (CloudFormation): lists of tags, event copies under `actions[].crossRegionCopy[]`.
const nativeDlm = (schedule: Record<string, unknown>, extra: Record<string, unknown> = {}, details: Record<string, unknown> = {}) => ({
    description: "d", executionRoleArn: "r", ...extra,
    policyDetails: { resourceTypes: ["VOLUME"], targetTags: [{ key: "a", value: "b" }], schedules: [{ name: "daily", createRule: { interval: 24 }, ...schedule }], ...details },
});

describeRule(backupRetentionBounded, "aws-native:dlm:LifecyclePolicy", [
    { name: "count-based retention", props: nativeDlm({ retainRule: { count: 14 } }), expect: "pass" },
    { name: "state omitted", props: nativeDlm({ retainRule: { count: 7 } }), expect: "pass" },
    { name: "disabled", props: nativeDlm({ retainRule: { count: 7 } }, { state: "DISABLED" }), expect: "fail", paths: ["state"], message: /disabled.* on the aws-native\.dlm\.LifecyclePolicy/ },
    { name: "retainRule omitted", props: nativeDlm({}), expect: "fail", paths: ["policyDetails.schedules[0].retainRule"], message: /never deleted \(retainRule omitted\) .* of the aws-native\.dlm\.LifecyclePolicy/ },
    { name: "interval above the configured maximum", props: nativeDlm({ retainRule: { interval: 2, intervalUnit: "YEARS" } }), config: { maxRetentionDays: 365 }, expect: "fail", paths: ["policyDetails.schedules[0].retainRule.interval"] },
    { name: "cross-region copy without retainRule", props: nativeDlm({ retainRule: { count: 7 }, crossRegionCopyRules: [{ target: "us-east-1", encrypted: true }] }), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].retainRule"] },
    { name: "event-based copy without retainRule", props: { policyDetails: { policyType: "EVENT_BASED_POLICY", actions: [{ name: "a", crossRegionCopy: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }] }] } }, expect: "fail", paths: ["policyDetails.actions[0].crossRegionCopy[0].retainRule"] },
    { name: "default policy without schedules", props: { defaultPolicy: "VOLUME", retainInterval: 7 }, expect: "pass" },
    { name: "retainRule unknown during preview", props: nativeDlm({ retainRule: UNKNOWN }), expect: "defer" },
    { name: "state unknown during preview", props: nativeDlm({ retainRule: { count: 7 } }, { state: UNKNOWN }), expect: "defer" },
]);

// aws-native (CloudFormation): `backupPlan.backupPlanRule[]`, `lifecycle.deleteAfterDays`.
const nativePlan = (...backupPlanRule: unknown[]) => ({ backupPlan: { backupPlanName: "daily", backupPlanRule } });
const nativeRule = (extra: Record<string, unknown>) => ({ ruleName: "daily", targetBackupVault: "vault", scheduleExpression: "cron(0 5 * * ? *)", ...extra });

describeRule(backupRetentionBounded, "aws-native:backup:BackupPlan", [
    { name: "35 days, copy 35 days", props: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 35 }, copyActions: [{ destinationBackupVaultArn: "arn", lifecycle: { deleteAfterDays: 35 } }] })), expect: "pass" },
    { name: "lifecycle omitted: recovery points never expire", props: nativePlan(nativeRule({})), expect: "fail", paths: ["backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays"], message: /never expire \(deleteAfterDays omitted\) .*`lifecycle: \{ deleteAfterDays: <days> \}` on backupPlan\.backupPlanRule\[0\] of the aws-native\.backup\.BackupPlan/ },
    { name: "copy action without lifecycle", props: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 35 }, copyActions: [{ destinationBackupVaultArn: "arn" }] })), expect: "fail", paths: ["backupPlan.backupPlanRule[0].copyActions[0].lifecycle.deleteAfterDays"] },
    { name: "below the minimum", props: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 3 } })), expect: "fail", paths: ["backupPlan.backupPlanRule[0].lifecycle.deleteAfterDays"], message: /before the minimum of 7 days/ },
    { name: "rules unknown during preview", props: nativePlan(UNKNOWN), expect: "defer" },
    { name: "deleteAfterDays unknown during preview", props: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: UNKNOWN } })), expect: "defer" },
]);

describeFix(backupRetentionBounded, "aws-native:backup:BackupPlan", [
    { name: "lifecycle omitted: deleteAfterDays 30 added", props: nativePlan(nativeRule({})), expect: "fixed",
        fixed: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 30 } })) },
    { name: "copy action without lifecycle; secret vault ARN kept", props: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 35 }, copyActions: [{ destinationBackupVaultArn: secret("arn:aws:backup:eu-west-1:111122223333:backup-vault:dr") }] })), expect: "fixed",
        fixed: nativePlan(nativeRule({ lifecycle: { deleteAfterDays: 35 }, copyActions: [{ destinationBackupVaultArn: secret("arn:aws:backup:eu-west-1:111122223333:backup-vault:dr"), lifecycle: { deleteAfterDays: 30 } }] })) },
    { name: "cold storage without deleteAfterDays is left to the owner: unchanged", props: nativePlan(nativeRule({ lifecycle: { moveToColdStorageAfterDays: 30 } })), expect: "unchanged" },
    { name: "plan unknown: nothing changes", props: { backupPlan: UNKNOWN }, expect: "unchanged" },
]);

describeRule(backupRetentionBounded, "aws-native:redshift:Cluster", [
    { name: "30 days of manual snapshot retention", props: { clusterType: "single-node", manualSnapshotRetentionPeriod: 30 }, expect: "pass" },
    { name: "retention omitted: default -1 keeps snapshots (and their copies) forever", props: { clusterType: "single-node" }, expect: "fail", paths: ["manualSnapshotRetentionPeriod"], message: /kept forever \(omitted means -1\).*aws-native\.redshift\.Cluster/ },
    { name: "manual copies kept forever in the destination region", props: { manualSnapshotRetentionPeriod: 30, destinationRegion: "us-east-1", snapshotCopyManual: true, snapshotCopyRetentionPeriod: -1 }, expect: "fail", paths: ["snapshotCopyRetentionPeriod"] },
    { name: "manual copies kept 14 days", props: { manualSnapshotRetentionPeriod: 30, destinationRegion: "us-east-1", snapshotCopyManual: true, snapshotCopyRetentionPeriod: 14 }, expect: "pass" },
    { name: "copy retention applies to automated copies only (snapshotCopyManual omitted)", props: { manualSnapshotRetentionPeriod: 30, destinationRegion: "us-east-1", snapshotCopyRetentionPeriod: 7 }, expect: "pass" },
    { name: "retention unknown during preview", props: { manualSnapshotRetentionPeriod: UNKNOWN }, expect: "defer" },
    { name: "snapshotCopyManual unknown during preview", props: { manualSnapshotRetentionPeriod: 30, snapshotCopyManual: UNKNOWN }, expect: "defer" },
]);

describeRule(backupRetentionBounded, "aws-native:redshiftserverless:Snapshot", [
    { name: "30 days", props: { namespaceName: "n", retentionPeriod: 30 }, expect: "pass" },
    { name: "retention omitted: kept forever", props: { namespaceName: "n" }, expect: "fail", paths: ["retentionPeriod"], message: /aws-native\.redshiftserverless\.Snapshot/ },
    { name: "retention unknown during preview", props: { retentionPeriod: UNKNOWN }, expect: "defer" },
]);
