import type { BackupVaultArgs } from "@pulumi/azure-native/dataprotection";
import type { BackupVaultArgs as ClassicBackupVaultArgs } from "@pulumi/azure/dataprotection";
import type { VaultArgs as ClassicVaultArgs } from "@pulumi/azure/recoveryservices";
import type { VaultArgs } from "@pulumi/azure-native/recoveryservices";
import { defineRule, on } from "../../core/rule";
import { requireState } from "./lib/settings";

/** azurerm: `immutability` (`Disabled` / `Unlocked` / `Locked`), Disabled when omitted. */
function classicImmutability(resource: string) {
    return (props: Record<string, unknown>) => requireState(props, {
        path: "immutability",
        good: ["Unlocked", "Locked"],
        omitted: "recovery points can be deleted early (immutability omitted means Disabled)",
        bad: "recovery points can be deleted early (immutability is not Unlocked or Locked)",
        fix: `set \`immutability: "Locked"\` (or "Unlocked") on the ${resource}`,
    });
}

export const backupImmutability = defineRule({
    id: "azure-backup-immutability",
    cloud: "azure",
    title: "Backup vaults are immutable, so recovery points cannot be deleted before they expire",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "An attacker or a mistaken clean-up with rights on the vault can otherwise delete recovery points or shorten their " +
        "retention, which removes the copies exactly when they are needed. Immutability is off unless set.",
    remediation:
        "Set `properties.securitySettings.immutabilitySettings.state` to \"Unlocked\" (reversible) or \"Locked\" (permanent) on " +
        "`azure-native.dataprotection.BackupVault` and `azure-native.recoveryservices.Vault`; with the classic provider, " +
        "`immutability` on `azure.dataprotection.BackupVault` and `azure.recoveryservices.Vault` (omitted means Disabled).",
    docsUrl: "https://learn.microsoft.com/en-us/azure/backup/backup-azure-immutable-vault-concept",
    controls: { "azure-policy": ["2514263b-bc0d-4b06-ac3e-f262c0979018", "d6f6f560-14b7-49a4-9fc8-d2c3a9807868"] },
    config: [],
    targets: [
        on<BackupVaultArgs>("azure-native:dataprotection:BackupVault", (props) => requireState(props, {
            path: "properties.securitySettings.immutabilitySettings.state",
            good: ["Unlocked", "Locked"],
            omitted: "recovery points can be deleted early (immutability omitted means Disabled)",
            bad: "recovery points can be deleted early (immutability is not Unlocked or Locked)",
            fix: "set `properties.securitySettings.immutabilitySettings.state: \"Locked\"` (or \"Unlocked\") on the azure-native.dataprotection.BackupVault",
        })),
        on<VaultArgs>("azure-native:recoveryservices:Vault", (props) => requireState(props, {
            path: "properties.securitySettings.immutabilitySettings.state",
            good: ["Unlocked", "Locked"],
            omitted: "recovery points can be deleted early (immutability omitted means Disabled)",
            bad: "recovery points can be deleted early (immutability is not Unlocked or Locked)",
            fix: "set `properties.securitySettings.immutabilitySettings.state: \"Locked\"` (or \"Unlocked\") on the azure-native.recoveryservices.Vault",
        })),
        on<ClassicBackupVaultArgs>("azure:dataprotection/backupVault:BackupVault", classicImmutability("azure.dataprotection.BackupVault")),
        on<ClassicVaultArgs>("azure:recoveryservices/vault:Vault", classicImmutability("azure.recoveryservices.Vault")),
    ],
});
