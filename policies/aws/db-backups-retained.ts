import type { InstanceArgs } from "@pulumi/aws/rds";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { asNumber, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "minRetentionDays" | "maxRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html";

export const dbBackupsRetained = defineRule({
    id: "aws-db-backups-retained",
    cloud: "aws",
    title: "RDS DB instances keep automated backups for the required number of days",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Automated backups (daily snapshots plus transaction logs) are what point-in-time restore and recovery from " +
        "deletion or corruption depend on. The provider default for `backupRetentionPeriod` is 0, which turns automated " +
        "backups off; a period shorter than the organisation's minimum loses restore points too early, and one longer " +
        "than its maximum keeps copies of the data beyond their purpose.",
    remediation:
        "Set `backupRetentionPeriod` on `aws.rds.Instance` to a number of days within the configured bounds " +
        "(`minRetentionDays`, default 7; `maxRetentionDays` when set; RDS allows 1 to 35). Read replicas " +
        "(`replicateSourceDb` set) are exempt: the source instance's backups cover them. Changing the period between 0 and " +
        "a positive value restarts the instance briefly; it does not replace it.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_133"],
        trivy: ["AWS-0077"],
        kics: ["1dc73fb4-5b51-430c-8c5f-25dcf9090b02"],
        "aws-config": ["db-instance-backup-enabled"],
        prowler: ["rds_instance_backup_enabled"],
    },
    config: ["minRetentionDays", "maxRetentionDays"],
    targets: [
        on<InstanceArgs, Knobs>("aws:rds/instance:Instance", (props, { config }) => {
            // A read replica has no automated backups of its own to judge; unknown source still means a replica.
            if (isSet(props, "replicateSourceDb")) {
                return [];
            }
            const retention = asNumber(prop(props, "backupRetentionPeriod"));
            if (isUnknown(retention)) {
                return [deferred("backupRetentionPeriod")];
            }
            const { minRetentionDays: min, maxRetentionDays: max } = config;
            const bounds = max === undefined ? `at least ${min} days` : `${min} to ${max} days`;
            const fix = `set \`backupRetentionPeriod\` on the aws.rds.Instance to ${bounds} (RDS allows 1 to 35)`;
            if (retention === undefined) {
                if (isSet(props, "backupRetentionPeriod")) {
                    return [violation("backupRetentionPeriod", "backup retention is not a number of days", fix)];
                }
                return min > 0
                    ? [violation("backupRetentionPeriod", "automated backups are off (omitted means 0 days)", fix)]
                    : [];
            }
            if (retention < min) {
                const problem = retention <= 0
                    ? "automated backups are turned off"
                    : `backup retention is below the minimum of ${min} days (minRetentionDays)`;
                return [violation("backupRetentionPeriod", problem, fix)];
            }
            if (max !== undefined && retention > max) {
                return [violation("backupRetentionPeriod", `backup retention is above the maximum of ${max} days (maxRetentionDays)`, fix)];
            }
            return [];
        }),
    ],
});
