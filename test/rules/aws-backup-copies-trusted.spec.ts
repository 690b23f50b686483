import { backupCopiesTrusted } from "../../policies/aws/backup-copies-trusted";
import { describeRule, secret, UNKNOWN } from "../harness";

const TYPE = "aws:backup/plan:Plan";
const trusted = "111122223333";
const stranger = "999988887777";
const trust = { trustedAccountIds: [trusted] };
const vault = (account: string) => `arn:aws:backup:eu-west-1:${account}:backup-vault:recovery`;
const plan = (...copyActions: unknown[]) => ({
    name: "daily",
    rules: [{ ruleName: "daily", targetVaultName: "backups", schedule: "cron(0 5 * * ? *)", lifecycle: { deleteAfter: 35 }, copyActions }],
});
const copy = (destinationVaultArn: unknown) => ({ destinationVaultArn, lifecycle: { deleteAfter: 35 } });

describeRule(backupCopiesTrusted, TYPE, [
    { name: "copy to a vault of a trusted account", props: plan(copy(vault(trusted))), config: trust, expect: "pass" },
    { name: "copy to a trusted account in the GovCloud partition", props: plan(copy(`arn:aws-us-gov:backup:us-gov-west-1:${trusted}:backup-vault:r`)), config: trust, expect: "pass" },
    { name: "copyActions omitted (no copy)", props: plan(), expect: "pass" },
    { name: "rules omitted", props: { name: "daily" }, expect: "pass" },
    { name: "destination vault ARN omitted in a copy action", props: plan({ lifecycle: { deleteAfter: 35 } }), expect: "pass" },
    { name: "copy to an untrusted account", props: plan(copy(vault(trusted)), copy(vault(stranger))), config: trust, expect: "fail", paths: ["rules[0].copyActions[1].destinationVaultArn"], message: /^(?![\s\S]*999988887777)[\s\S]*not in trustedAccountIds/ },
    { name: "copy to another account while trustedAccountIds is empty (default)", props: plan(copy(vault(trusted))), expect: "fail", paths: ["rules[0].copyActions[0].destinationVaultArn"] },
    { name: "destination that is not a backup vault ARN", props: plan(copy("recovery")), config: trust, expect: "fail", message: /cannot be read/ },
    { name: "destination that is not a string", props: plan(copy(42)), config: trust, expect: "fail", paths: ["rules[0].copyActions[0].destinationVaultArn"] },
    { name: "secret destination is judged without being printed", props: plan(copy(secret(vault(stranger)))), config: trust, expect: "fail", message: /^(?![\s\S]*999988887777)/ },
    { name: "destination unknown during preview", props: plan(copy(UNKNOWN)), config: trust, expect: "defer", paths: ["rules[0].copyActions[0].destinationVaultArn"] },
    { name: "copy actions unknown during preview", props: { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "b", copyActions: UNKNOWN }] }, expect: "defer", paths: ["rules[0].copyActions"] },
    { name: "unknown destination does not hide an untrusted one", props: plan(copy(UNKNOWN), copy(vault(stranger))), config: trust, expect: "fail", paths: ["rules[0].copyActions[1].destinationVaultArn"] },
    { name: "copy to a recovery account exempted", props: plan(copy(vault(stranger))), config: { ...trust, exemptions: [{ resource: "subject", reason: "vendor-run recovery account", expires: "2999-01-01" }] }, expect: "exempt" },
]);

// aws-native (CloudFormation): rules under `backupPlan.backupPlanRule`, destination `destinationBackupVaultArn`.
const nativePlan = (...copyActions: unknown[]) => ({
    backupPlan: { backupPlanName: "daily", backupPlanRule: [{ ruleName: "daily", targetBackupVault: "backups", lifecycle: { deleteAfterDays: 35 }, copyActions }] },
});
const nativeCopy = (destinationBackupVaultArn: unknown) => ({ destinationBackupVaultArn, lifecycle: { deleteAfterDays: 35 } });

describeRule(backupCopiesTrusted, "aws-native:backup:BackupPlan", [
    { name: "copy to a vault of a trusted account", props: nativePlan(nativeCopy(vault(trusted))), config: trust, expect: "pass" },
    { name: "copyActions omitted (no copy)", props: nativePlan(), expect: "pass" },
    { name: "backupPlan omitted", props: {}, expect: "pass" },
    { name: "copy to an untrusted account", props: nativePlan(nativeCopy(vault(trusted)), nativeCopy(vault(stranger))), config: trust, expect: "fail", paths: ["backupPlan.backupPlanRule[0].copyActions[1].destinationBackupVaultArn"], message: /^(?![\s\S]*999988887777)[\s\S]*not in trustedAccountIds/ },
    { name: "destination that is not a backup vault ARN", props: nativePlan(nativeCopy("recovery")), config: trust, expect: "fail", message: /cannot be read .*`destinationBackupVaultArn`/ },
    { name: "destination unknown during preview", props: nativePlan(nativeCopy(UNKNOWN)), config: trust, expect: "defer", paths: ["backupPlan.backupPlanRule[0].copyActions[0].destinationBackupVaultArn"] },
    { name: "plan unknown during preview", props: { backupPlan: UNKNOWN }, expect: "defer", paths: ["backupPlan"] },
]);
