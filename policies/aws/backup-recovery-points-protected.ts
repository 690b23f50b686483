import type { VaultArgs, VaultLockConfigurationArgs } from "@pulumi/aws/backup";
import type { BackupVaultArgs } from "@pulumi/aws-native/backup";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isSet, isUnknown, prop } from "../../core/values";
import { at, readNumber, requireNotTrue } from "./lib/checks";

type Knobs = "minRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html";

/** A Vault Lock's mode and minimum retention; `path` is where the lock settings sit (`""` on the lock resource). */
function lockSettings(lock: unknown, path: string, resource: string, minRetentionDays: number): Finding[] {
    const findings: Finding[] = [];
    const where = path === "" ? `the ${resource}` : `${path} of the ${resource}`;
    if (!isSet(lock, "changeableForDays")) {
        findings.push(violation(at(path, "changeableForDays"), "the vault lock is in governance mode and can be removed (changeableForDays omitted)",
            `set \`changeableForDays\` (at least 3) on ${where} to lock the vault in compliance mode`));
    }
    const key = at(path, "minRetentionDays");
    const min = readNumber(lock, "minRetentionDays");
    const fix = `set \`minRetentionDays\` on ${where} to at least ${minRetentionDays}`;
    if (min.kind === "unknown") {
        findings.push(deferred(key));
    } else if (min.kind === "omitted") {
        findings.push(violation(key, "recovery points can be deleted at any time (minRetentionDays omitted)", fix));
    } else if (min.kind === "invalid") {
        findings.push(violation(key, "minRetentionDays is not a number of days", fix));
    } else if (min.value < minRetentionDays) {
        findings.push(violation(key, `the lock's minimum retention is below ${minRetentionDays} days (minRetentionDays)`, fix));
    }
    return findings;
}

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
        "(default 7); with aws-native, the same settings in `lockConfiguration` of `aws-native.backup.BackupVault`. Whether " +
        "every vault has a lock at all is checked by the stack rule `aws-backup-vaults-locked`.",
    docsUrl,
    controls: {
        "aws-config": ["backup-recovery-point-manual-deletion-disabled"],
    },
    config: ["minRetentionDays"],
    targets: [
        on<VaultArgs, Knobs>("aws:backup/vault:Vault", (props) => requireNotTrue(props, "forceDestroy", "", false,
            "destroying the vault deletes every recovery point in it (forceDestroy true)",
            "remove `forceDestroy` from the aws.backup.Vault (or set it to false)")),
        on<VaultLockConfigurationArgs, Knobs>("aws:backup/vaultLockConfiguration:VaultLockConfiguration", (props, { config }) =>
            lockSettings(props, "", "aws.backup.VaultLockConfiguration", config.minRetentionDays)),
        // aws-native (CloudFormation): the lock is the vault's `lockConfiguration`; a vault without one is
        // aws-backup-vaults-locked's. CloudFormation has no forceDestroy (it cannot delete a vault that holds recovery points).
        on<BackupVaultArgs, Knobs>("aws-native:backup:BackupVault", (props, { config }) => {
            const lock = prop(props, "lockConfiguration");
            if (isUnknown(lock)) return [deferred("lockConfiguration")];
            return lock === undefined ? [] : lockSettings(lock, "lockConfiguration", "aws-native.backup.BackupVault", config.minRetentionDays);
        }),
    ],
});
