import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asString, isSet, isUnknown, prop } from "../../core/values";
import { N, providerKey, T } from "./lib/aws";
import { deferredAt, StackGraph, violationAt } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html";

/** Two resources' own `region` inputs name different regions (omitted or unknown: the provider's, no conflict). */
function regionsDiffer(a: StackResource, b: StackResource): boolean {
    const first = asString(prop(a.props, "region"));
    const second = asString(prop(b.props, "region"));
    return typeof first === "string" && typeof second === "string" && first.trim() !== "" && second.trim() !== ""
        && first.trim().toLowerCase() !== second.trim().toLowerCase();
}

/** The vault's name is not known yet (preview): neither `name` nor `id` is a known string. */
function nameUnknown(vault: StackResource): boolean {
    const name = prop(vault.props, "name");
    const id = prop(vault.props, "id");
    return (isUnknown(name) || isUnknown(id)) && typeof asString(name) !== "string" && typeof asString(id) !== "string";
}

export const awsBackupVaultsLocked = defineStackRule({
    id: "aws-backup-vaults-locked",
    cloud: "aws",
    title: "Every AWS Backup vault in the stack has a Vault Lock",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Without a Vault Lock, anyone allowed to delete recovery points (or a compromised role, or ransomware) can empty " +
        "a backup vault, whatever the backup plan's retention says. The lock is a separate " +
        "`aws.backup.VaultLockConfiguration` naming the vault in `backupVaultName`, so whether a vault is locked is only " +
        "visible across resources. The rule indexes the stack's vaults once by `name` and `id` and resolves each lock's " +
        "`backupVaultName` through its dependency on the vault (exact, also during preview) or by name, within the same " +
        "provider; a lock whose target is unknown during preview makes the unlocked vaults of its provider defer. The " +
        "lock's own mode and minimum retention are judged by `aws-backup-recovery-points-protected`; logically air-gapped vaults are " +
        "always locked and are not checked. Advisory by default: some organisations lock vaults from a separate stack.",
    remediation:
        "Add an `aws.backup.VaultLockConfiguration` with `backupVaultName: vault.name`, `minRetentionDays` of at least " +
        "the pack's `minRetentionDays` and `changeableForDays` (compliance mode), with the vault's provider. Exempt vaults " +
        "whose lock is managed outside this stack. An `aws-native.backup.BackupVault` is locked by its own " +
        "`lockConfiguration` (or by an aws.backup.VaultLockConfiguration that references it).",
    docsUrl,
    controls: {
        "aws-config": ["backup-recovery-point-manual-deletion-disabled"],
    },
    config: [],
    stackTypes: [T.backupVault, T.backupVaultLock, N.backupVault],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, { [T.backupVault]: ["name"], [N.backupVault]: ["backupVaultName"] });
        const vaults = graph.of(T.backupVault);
        const nativeVaults = graph.of(N.backupVault);
        if (vaults.length === 0 && nativeVaults.length === 0) return [];
        const locked = new Set<StackResource>();
        // Provider groups with a lock whose vault is unknown during preview (it could lock any vault
        // there), and with a lock naming a vault that is not in the stack (it could be a vault whose
        // name is not known yet).
        const pending = new Set<string>();
        const unmatched = new Set<string>();
        for (const lock of graph.of(T.backupVaultLock)) {
            // An aws lock can name an aws-native vault; only an exact reference counts across providers.
            const nativeTargets = graph.dependencies(lock, "backupVaultName", [N.backupVault]);
            if (nativeTargets.length > 0) {
                nativeTargets.forEach((vault) => locked.add(vault));
                continue;
            }
            const group = providerKey(lock);
            const targets = graph.resolve(lock, "backupVaultName", [T.backupVault]);
            if (isUnknown(targets)) {
                pending.add(group);
                continue;
            }
            const mine = targets.filter((vault) => providerKey(vault) === group && !regionsDiffer(vault, lock));
            if (mine.length === 0) unmatched.add(group);
            mine.forEach((vault) => locked.add(vault));
        }
        const findings: Finding[] = [];
        for (const vault of vaults) {
            if (locked.has(vault)) continue;
            const group = providerKey(vault);
            if (pending.has(group) || (unmatched.has(group) && nameUnknown(vault))) {
                findings.push(deferredAt(vault, "name"));
                continue;
            }
            findings.push(violationAt(vault, "name",
                "no aws.backup.VaultLockConfiguration in this stack locks this backup vault, so its recovery points can be deleted at any time",
                "add an aws.backup.VaultLockConfiguration with `backupVaultName: vault.name`, `minRetentionDays` of at least the pack's `minRetentionDays` and `changeableForDays` for compliance mode, or exempt the vault when its lock is managed outside this stack"));
        }
        for (const vault of nativeVaults) {
            if (locked.has(vault) || isSet(vault.props, "lockConfiguration")) continue; // an unknown lock counts as set
            findings.push(violationAt(vault, "lockConfiguration",
                "the backup vault has no Vault Lock (lockConfiguration omitted), so its recovery points can be deleted at any time",
                "set `lockConfiguration` with `minRetentionDays` of at least the pack's `minRetentionDays` and `changeableForDays` for compliance mode on the aws-native.backup.BackupVault, or exempt the vault when its lock is managed outside this stack"));
        }
        return findings;
    },
});
