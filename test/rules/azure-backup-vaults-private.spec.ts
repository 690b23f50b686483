import { backupVaultsPrivate } from "../../policies/azure/backup-vaults-private";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "restore drill into the DR subscription", expires: "2999-01-01" }] };
const storageSettings = [{ datastoreType: "VaultStore", type: "LocallyRedundant" }];

function backupVault(crossSubscription?: unknown) {
    const featureSettings = crossSubscription === undefined ? undefined : { crossSubscriptionRestoreSettings: { state: crossSubscription } };
    return { resourceGroupName: "rg", location: "westeurope", properties: { storageSettings, ...(featureSettings ? { featureSettings } : {}) } };
}

describeRule(backupVaultsPrivate, "azure-native:dataprotection:BackupVault", [
    { name: "cross-subscription restore disabled", props: backupVault("Disabled"), expect: "pass" },
    { name: "cross-subscription restore permanently disabled", props: backupVault("PermanentlyDisabled"), expect: "pass" },
    { name: "lower-case disabled", props: backupVault("disabled"), expect: "pass" },
    { name: "cross-subscription restore enabled", props: backupVault("Enabled"), expect: "fail", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"], message: /not Disabled.*crossSubscriptionRestoreSettings.state: "Disabled"/ },
    { name: "upper-case ENABLED", props: backupVault("ENABLED"), expect: "fail", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"] },
    { name: "feature settings omitted: enabled by default", props: backupVault(), expect: "fail", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"], message: /omitted means Enabled/ },
    { name: "state omitted", props: { ...backupVault(), properties: { storageSettings, featureSettings: { crossSubscriptionRestoreSettings: {} } } }, expect: "fail", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"] },
    { name: "state unknown during preview", props: backupVault(UNKNOWN), expect: "defer", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"] },
    { name: "properties unknown during preview", props: { resourceGroupName: "rg", properties: UNKNOWN }, expect: "defer" },
    { name: "exempted with a reason", props: backupVault("Enabled"), config: exempt, expect: "exempt" },
    { name: "knobs are not settings of this rule", props: backupVault("Disabled"), config: { minRetentionDays: 7 }, expect: "fail", message: /invalid policy config: .*not a setting of this rule/ },
]);
describeRule(backupVaultsPrivate, "azure-native:dataprotection/v20250901:BackupVault", [
    { name: "versioned token: enabled", props: backupVault("Enabled"), expect: "fail", paths: ["properties.featureSettings.crossSubscriptionRestoreSettings.state"] },
    { name: "versioned token: disabled", props: backupVault("Disabled"), expect: "pass" },
]);

function vault(publicNetworkAccess?: unknown) {
    return { resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard" }, properties: publicNetworkAccess === undefined ? {} : { publicNetworkAccess } };
}

describeRule(backupVaultsPrivate, "azure-native:recoveryservices:Vault", [
    { name: "public network access disabled", props: vault("Disabled"), expect: "pass" },
    { name: "lower-case disabled", props: vault("disabled"), expect: "pass" },
    { name: "public network access enabled", props: vault("Enabled"), expect: "fail", paths: ["properties.publicNetworkAccess"], message: /not Disabled.*publicNetworkAccess: "Disabled"/ },
    { name: "public network access omitted: enabled by default", props: vault(), expect: "fail", paths: ["properties.publicNetworkAccess"], message: /omitted means Enabled/ },
    { name: "properties omitted", props: { resourceGroupName: "rg", sku: { name: "Standard" } }, expect: "fail", paths: ["properties.publicNetworkAccess"] },
    { name: "public network access unknown during preview", props: vault(UNKNOWN), expect: "defer", paths: ["properties.publicNetworkAccess"] },
    { name: "exempted with a reason", props: vault("Enabled"), config: exempt, expect: "exempt" },
]);
describeRule(backupVaultsPrivate, "azure-native:recoveryservices/v20240401:Vault", [
    { name: "versioned token: ENABLED", props: vault("ENABLED"), expect: "fail", paths: ["properties.publicNetworkAccess"] },
    { name: "versioned token: disabled", props: vault("Disabled"), expect: "pass" },
]);

// Classic azure (azurerm): `publicNetworkAccessEnabled`, true unless set.
describeRule(backupVaultsPrivate, "azure:recoveryservices/vault:Vault", [
    { name: "public network access off", props: { resourceGroupName: "rg", sku: "Standard", publicNetworkAccessEnabled: false }, expect: "pass" },
    { name: "publicNetworkAccessEnabled omitted: azurerm default true", props: { resourceGroupName: "rg", sku: "Standard" }, expect: "fail", paths: ["publicNetworkAccessEnabled"], message: /omitted means true.*`publicNetworkAccessEnabled: false` on the azure\.recoveryservices\.Vault/ },
    { name: "public network access on", props: { resourceGroupName: "rg", sku: "Standard", publicNetworkAccessEnabled: true }, expect: "fail", paths: ["publicNetworkAccessEnabled"] },
    { name: "unknown during preview", props: { resourceGroupName: "rg", sku: "Standard", publicNetworkAccessEnabled: UNKNOWN }, expect: "defer" },
    { name: "exempted", props: { resourceGroupName: "rg", sku: "Standard" }, config: exempt, expect: "exempt" },
]);
