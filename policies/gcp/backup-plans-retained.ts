import type { BackupPlanArgs } from "@pulumi/gcp/backupdisasterrecovery";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asList, asNumber, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "minRetentionDays" | "maxRetentionDays";

const docsUrl = "https://cloud.google.com/backup-disaster-recovery/docs/backup-admin/backup-plans";
const resource = "gcp.backupdisasterrecovery.BackupPlan";

export const backupPlansRetained = defineRule({
    id: "gcp-backup-plans-retained",
    cloud: "gcp",
    title: "Backup and DR backup plans schedule backups and keep them for the required number of days",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "A Backup and DR backup plan decides how long the backups of Compute Engine instances and disks are kept. A rule " +
        "with `backupRetentionDays` below the organization's minimum loses restore points too early, and a plan without " +
        "backup rules takes no scheduled backups at all. With `maxRetentionDays` set, longer retentions are flagged too.",
    remediation:
        "Give the gcp.backupdisasterrecovery.BackupPlan at least one entry in `backupRules`, each with `backupRetentionDays` " +
        "within the configured bounds (`minRetentionDays`, default 7; `maxRetentionDays` when set) and a `standardSchedule`. " +
        "The vault's `backupMinimumEnforcedRetentionDuration` must not exceed the plan's retention.",
    docsUrl,
    config: ["minRetentionDays", "maxRetentionDays"],
    targets: [
        on<Pick<BackupPlanArgs, "backupRules">, Knobs>("gcp:backupdisasterrecovery/backupPlan:BackupPlan", (props, { config }) => {
            const { minRetentionDays: min, maxRetentionDays: max } = config;
            const bounds = max === undefined ? `at least ${min}` : `${min} to ${max}`;
            const rules = asList(prop(props, "backupRules"));
            if (isUnknown(rules)) {
                return [deferred("backupRules")];
            }
            if (rules.length === 0) {
                return [violation("backupRules", "the backup plan has no backup rules, so it takes no scheduled backups",
                    `add a \`backupRules\` entry to the ${resource} with a \`standardSchedule\` and \`backupRetentionDays\` of ${bounds}`)];
            }
            const findings: Finding[] = [];
            rules.forEach((rule, index) => {
                const path = `backupRules[${index}].backupRetentionDays`;
                if (isUnknown(rule)) {
                    findings.push(deferred(`backupRules[${index}]`));
                    return;
                }
                const fix = `set \`${path}\` on the ${resource} to ${bounds} days`;
                const days = asNumber(prop(rule, "backupRetentionDays"));
                if (isUnknown(days)) {
                    findings.push(deferred(path));
                } else if (days === undefined) {
                    findings.push(violation(path, isSet(rule, "backupRetentionDays")
                        ? "the backup retention is not a number of days"
                        : "the backup retention is not set", fix));
                } else if (days < min) {
                    findings.push(violation(path, `the backup retention is below the minimum of ${min} days (minRetentionDays)`, fix));
                } else if (max !== undefined && days > max) {
                    findings.push(violation(path, `the backup retention is above the maximum of ${max} days (maxRetentionDays)`, fix));
                }
            });
            return findings;
        }),
    ],
});
