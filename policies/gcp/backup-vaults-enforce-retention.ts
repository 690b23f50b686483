import type { BackupVaultArgs } from "@pulumi/gcp/backupdisasterrecovery";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, asString, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "minRetentionDays";

const docsUrl = "https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-vault";
const resource = "gcp.backupdisasterrecovery.BackupVault";
const DAY_SECONDS = 24 * 60 * 60;

/** Seconds in a protobuf duration string such as `"604800s"` or `"3.5s"`; undefined when malformed. */
function durationSeconds(text: string): number | undefined {
    const match = /^\s*([0-9]+(\.[0-9]+)?)s\s*$/.exec(text);
    return match ? Number(match[1]) : undefined;
}

export const backupVaultsEnforceRetention = defineRule({
    id: "gcp-backup-vaults-enforce-retention",
    cloud: "gcp",
    title: "Backup and DR vaults enforce the minimum retention and are not force-deleted with their backups",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A backup vault's `backupMinimumEnforcedRetentionDuration` is what stops anyone, including an attacker with " +
        "admin rights, from deleting backups early; shorter than the organization's minimum retention, it leaves recent " +
        "backups deletable. `forceDelete: true` (and its successor `ignoreInactiveDatasources: true`) lets a destroy of " +
        "the vault delete it even while it still holds backups.",
    remediation:
        "Set `backupMinimumEnforcedRetentionDuration` on gcp.backupdisasterrecovery.BackupVault to at least " +
        "`minRetentionDays` (default 7) in seconds, e.g. `\"604800s\"` for 7 days, and remove `forceDelete` and " +
        "`ignoreInactiveDatasources` (or set them to false).",
    docsUrl,
    config: ["minRetentionDays"],
    targets: [
        on<BackupVaultArgs, Knobs>("gcp:backupdisasterrecovery/backupVault:BackupVault", (props, { config }) => {
            const findings: Finding[] = [];
            const min = config.minRetentionDays;
            const path = "backupMinimumEnforcedRetentionDuration";
            const fix = `set \`${path}\` on the ${resource} to at least "${min * DAY_SECONDS}s" (${min} days, minRetentionDays)`;
            const duration = asString(prop(props, path));
            if (isUnknown(duration)) {
                findings.push(deferred(path));
            } else if (duration === undefined) {
                if (min > 0) {
                    findings.push(violation(path, isSet(props, path)
                        ? "the enforced retention is not a duration string"
                        : "no minimum retention is enforced on the vault's backups", fix));
                }
            } else {
                const seconds = durationSeconds(duration);
                if (seconds === undefined) {
                    findings.push(violation(path, "the enforced retention is not a duration in seconds such as \"604800s\"", fix));
                } else if (seconds < min * DAY_SECONDS) {
                    findings.push(violation(path, `the enforced retention is shorter than the minimum of ${min} days (minRetentionDays)`, fix));
                }
            }
            for (const flag of ["forceDelete", "ignoreInactiveDatasources"]) {
                const value = asBool(prop(props, flag));
                if (isUnknown(value)) {
                    findings.push(deferred(flag));
                } else if (value === true) {
                    findings.push(violation(flag, "destroying the vault deletes it even while it still holds backups",
                        `remove \`${flag}\` from the ${resource} or set it to false`));
                }
            }
            return findings;
        }),
    ],
});
