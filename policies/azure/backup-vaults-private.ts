import type { BackupVaultArgs } from "@pulumi/azure-native/dataprotection";
import type { VaultArgs as ClassicVaultArgs } from "@pulumi/azure/recoveryservices";
import type { VaultArgs } from "@pulumi/azure-native/recoveryservices";
import { defineRule, on } from "../../core/rule";
import { requireFlag, requireState } from "./lib/settings";

export const backupVaultsPrivate = defineRule({
    id: "azure-backup-vaults-private",
    cloud: "azure",
    title: "Backup vaults do not restore into other subscriptions and Recovery Services vaults are not reachable from public networks",
    category: "exposure",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Disk and VM backups are full copies of the machines. A Backup vault that allows cross-subscription restore lets " +
        "anyone with restore rights materialise those copies in a subscription outside the team's control, and a Recovery " +
        "Services vault with public network access accepts backup and restore traffic from any network. Azure enables both " +
        "when the settings are omitted.",
    remediation:
        "On `azure-native.dataprotection.BackupVault` set `properties.featureSettings.crossSubscriptionRestoreSettings.state` " +
        "to \"Disabled\" (or \"PermanentlyDisabled\"). On `azure-native.recoveryservices.Vault` set " +
        "`properties.publicNetworkAccess: \"Disabled\"` and reach the vault through a private endpoint. Both change in place. " +
        "With the classic provider set `publicNetworkAccessEnabled: false` on `azure.recoveryservices.Vault` (azurerm's default " +
        "is true); azurerm's `azure.dataprotection.BackupVault` has no cross-subscription restore setting, so the Backup vault " +
        "half of this rule cannot be checked there.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/backup/backup-vault-overview#cross-subscription-restore-for-azure-backup-vault",
    controls: { "azure-policy": ["4d479a11-f2b5-4f0a-bb1e-d2332aa95cda", "9ebbbba3-4d65-4da9-bb67-b22cfaaff090"] },
    config: [],
    targets: [
        on<BackupVaultArgs>("azure-native:dataprotection:BackupVault", (props) => requireState(props, {
            path: "properties.featureSettings.crossSubscriptionRestoreSettings.state",
            good: ["Disabled", "PermanentlyDisabled"],
            omitted: "cross-subscription restore is enabled (omitted means Enabled)",
            bad: "cross-subscription restore is not Disabled",
            fix: "set `properties.featureSettings.crossSubscriptionRestoreSettings.state: \"Disabled\"` on the azure-native.dataprotection.BackupVault",
        })),
        on<VaultArgs>("azure-native:recoveryservices:Vault", (props) => requireState(props, {
            path: "properties.publicNetworkAccess",
            good: ["Disabled"],
            omitted: "the vault is reachable from public networks (omitted means Enabled)",
            bad: "the vault's public network access is not Disabled",
            fix: "set `properties.publicNetworkAccess: \"Disabled\"` on the azure-native.recoveryservices.Vault and use a private endpoint",
        })),
        on<ClassicVaultArgs>("azure:recoveryservices/vault:Vault", (props) => requireFlag(props, {
            path: "publicNetworkAccessEnabled",
            want: false,
            omitted: true,
            omittedProblem: "the vault is reachable from public networks (publicNetworkAccessEnabled omitted means true)",
            bad: "the vault is reachable from public networks (publicNetworkAccessEnabled true)",
            fix: "set `publicNetworkAccessEnabled: false` on the azure.recoveryservices.Vault and use a private endpoint",
        })),
    ],
});
