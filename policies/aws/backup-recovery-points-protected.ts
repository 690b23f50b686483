import type { VaultArgs, VaultLockConfigurationArgs } from "@pulumi/aws/backup";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isSet } from "../../core/values";
import { readNumber, requireNotTrue } from "./lib/checks";

type Knobs = "minRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html";

export const backupRecoveryPointsProtected = defineRule({
    id: "aws-backup-recovery-points-protected",
    aliases: ["aws-backup-vault-locked"],
    cloud: "aws",
    title: "Backup vaults protect recovery points from early deletion",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Ransomware and careless clean-ups delete backups first. A vault with `forceDestroy: true` loses every recovery " +
        "point on `pulumi destroy`; a Vault Lock in governance mode (no `changeableForDays`) can be removed by anyone with " +
        "enough permissions, and one without `minRetentionDays` lets recovery points be deleted the moment they exist.",
    remediation:
        "Leave `forceDestroy` off `aws.backup.Vault`. On `aws.backup.VaultLockConfiguration` set `changeableForDays` " +
        "(compliance mode, immutable once the grace period ends) and `minRetentionDays` of at least `minRetentionDays` " +
        "(default 7). Whether every vault has a lock at all is checked by the stack rule `aws-backup-vaults-locked`.",
    docsUrl,
    controls: {
        "aws-config": ["backup-recovery-point-manual-deletion-disabled"],
    },
    config: ["minRetentionDays"],
    targets: [
        on<VaultArgs, Knobs>("aws:backup/vault:Vault", (props) => requireNotTrue(props, "forceDestroy", "", false,
            "destroying the vault deletes every recovery point in it (forceDestroy true)",
            "remove `forceDestroy` from the aws.backup.Vault (or set it to false)")),
        on<VaultLockConfigurationArgs, Knobs>("aws:backup/vaultLockConfiguration:VaultLockConfiguration", (props, { config }) => {
            const findings: Finding[] = [];
            if (!isSet(props, "changeableForDays")) {
                findings.push(violation("changeableForDays", "the vault lock is in governance mode and can be removed (changeableForDays omitted)",
                    "set `changeableForDays` (at least 3) on the aws.backup.VaultLockConfiguration to lock the vault in compliance mode"));
            }
            const min = readNumber(props, "minRetentionDays");
            const fix = `set \`minRetentionDays\` on the aws.backup.VaultLockConfiguration to at least ${config.minRetentionDays}`;
            if (min.kind === "unknown") {
                findings.push(deferred("minRetentionDays"));
            } else if (min.kind === "omitted") {
                findings.push(violation("minRetentionDays", "recovery points can be deleted at any time (minRetentionDays omitted)", fix));
            } else if (min.kind === "invalid") {
                findings.push(violation("minRetentionDays", "minRetentionDays is not a number of days", fix));
            } else if (min.value < config.minRetentionDays) {
                findings.push(violation("minRetentionDays", `the lock's minimum retention is below ${config.minRetentionDays} days (minRetentionDays)`, fix));
            }
            return findings;
        }),
    ],
});
