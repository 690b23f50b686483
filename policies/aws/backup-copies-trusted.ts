import type { PlanArgs } from "@pulumi/aws/backup";
import type { BackupPlanArgs } from "@pulumi/aws-native/backup";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asString, isSet, isUnknown, prop } from "../../core/values";
import { eachItem } from "./lib/checks";
import { eachPlanRule, NATIVE_PLAN, PLAN, type PlanShape } from "./lib/backup-plan";

type Knobs = "trustedAccountIds";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-cross-account-backup.html";

// arn:<partition>:backup:<region>:<account>:backup-vault:<name>
const vaultArn = /^arn:aws[a-z-]*:backup:[a-z0-9-]*:([0-9]{12}):backup-vault:.+$/;

/** Every copy action of every backup rule must write into a vault of a trusted account. */
function copyDestinations(props: unknown, shape: PlanShape, trustedAccountIds: readonly string[]): Finding[] {
    const trusted = new Set(trustedAccountIds);
    const findings: Finding[] = [];
    const key = shape.destinationKey;
    eachPlanRule(findings, props, shape, (rule, rulePath) => {
        eachItem(findings, rule, "copyActions", rulePath, (copy, copyPath) => {
            const path = `${copyPath}.${key}`;
            const arn = asString(prop(copy, key));
            if (isUnknown(arn)) {
                findings.push(deferred(path));
                return;
            }
            if (arn === undefined && !isSet(copy, key)) return; // required by the provider
            const account = arn === undefined ? undefined : vaultArn.exec(arn.trim())?.[1];
            if (account === undefined) {
                findings.push(violation(path, "the copy goes to a vault whose account cannot be read (not a backup vault ARN)",
                    `set \`${key}\` to the ARN of a backup vault (for example \`vault.arn\`) in an account listed in trustedAccountIds`));
            } else if (!trusted.has(account)) {
                findings.push(violation(path, "recovery points are copied to a vault in an account that is not in trustedAccountIds",
                    "copy only into a vault of a trusted account, or add the account to trustedAccountIds in the policy config if the company owns it"));
            }
        });
    });
    return findings;
}

export const backupCopiesTrusted = defineRule({
    id: "aws-backup-copies-trusted",
    cloud: "aws",
    title: "AWS Backup plans copy recovery points only into vaults of trusted accounts",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "A copy action in an AWS Backup plan writes every recovery point of the rule (full copies of volumes, databases " +
        "and file systems) into the destination vault. When that vault belongs to an account outside the company's " +
        "control, the data leaves the organisation on every backup run, and whoever owns that account decides how long " +
        "the copies live and who else may read them.",
    remediation:
        "Point `rules[].copyActions[].destinationVaultArn` of `aws.backup.Plan` only at vaults in accounts listed in " +
        "`trustedAccountIds`. The list is empty by default: list your own accounts there (the plan's account and your " +
        "backup or recovery accounts), or every cross-account copy is blocked. Give the copy a " +
        "`lifecycle.deleteAfter` too (aws-backup-retention-bounded checks it). With aws-native the same applies to " +
        "`backupPlan.backupPlanRule[].copyActions[].destinationBackupVaultArn` of `aws-native.backup.BackupPlan`.",
    docsUrl,
    controls: {},
    config: ["trustedAccountIds"],
    targets: [
        on<PlanArgs, Knobs>("aws:backup/plan:Plan", (props, { config }) =>
            copyDestinations(props, PLAN, config.trustedAccountIds)),
        on<BackupPlanArgs, Knobs>("aws-native:backup:BackupPlan", (props, { config }) =>
            copyDestinations(props, NATIVE_PLAN, config.trustedAccountIds)),
    ],
});
