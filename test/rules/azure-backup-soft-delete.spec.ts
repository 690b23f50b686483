import { backupSoftDelete } from "../../policies/azure/backup-soft-delete";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "ephemeral test vault", expires: "2999-01-01" }] };
const storageSettings = [{ datastoreType: "VaultStore", type: "LocallyRedundant" }];
const bvPath = "properties.securitySettings.softDeleteSettings.state";
const backupVault = (state?: unknown) => ({
    resourceGroupName: "rg", location: "westeurope",
    properties: { storageSettings, ...(state === undefined ? {} : { securitySettings: { softDeleteSettings: { state, retentionDurationInDays: 14 } } }) },
});

describeRule(backupSoftDelete, "azure-native:dataprotection:BackupVault", [
    { name: "soft delete always on", props: backupVault("AlwaysOn"), expect: "pass" },
    { name: "soft delete on", props: backupVault("On"), expect: "pass" },
    { name: "lower-case alwayson", props: backupVault("alwayson"), expect: "pass" },
    { name: "soft delete off", props: backupVault("Off"), expect: "fail", paths: [bvPath], message: /turned off.*azure-native.dataprotection.BackupVault/ },
    { name: "upper-case OFF", props: backupVault("OFF"), expect: "fail", paths: [bvPath] },
    { name: "soft delete omitted", props: backupVault(), expect: "fail", paths: [bvPath], message: /not set in the program/ },
    { name: "soft delete unknown during preview", props: backupVault(UNKNOWN), expect: "defer", paths: [bvPath] },
    { name: "exempted with a reason", props: backupVault("Off"), config: exempt, expect: "exempt" },
    { name: "knobs are not settings of this rule", props: backupVault("On"), config: { minRetentionDays: 7 }, expect: "fail", message: /invalid policy config/ },
]);
describeRule(backupSoftDelete, "azure-native:dataprotection/v20250901:BackupVault", [
    { name: "versioned token: off", props: backupVault("Off"), expect: "fail", paths: [bvPath] },
    { name: "versioned token: on", props: backupVault("On"), expect: "pass" },
]);

const rsPath = "properties.securitySettings.softDeleteSettings.softDeleteState";
const vault = (softDeleteState?: unknown) => ({
    resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard" },
    properties: softDeleteState === undefined ? {} : { securitySettings: { softDeleteSettings: { softDeleteState } } },
});

describeRule(backupSoftDelete, "azure-native:recoveryservices:Vault", [
    { name: "soft delete always on", props: vault("AlwaysON"), expect: "pass" },
    { name: "soft delete enabled", props: vault("Enabled"), expect: "pass" },
    { name: "lower-case alwayson", props: vault("alwayson"), expect: "pass" },
    { name: "soft delete disabled", props: vault("Disabled"), expect: "fail", paths: [rsPath], message: /turned off.*azure-native.recoveryservices.Vault/ },
    { name: "soft delete Invalid", props: vault("Invalid"), expect: "fail", paths: [rsPath] },
    { name: "soft delete omitted", props: vault(), expect: "fail", paths: [rsPath], message: /softDeleteState omitted/ },
    { name: "soft delete unknown during preview", props: vault(UNKNOWN), expect: "defer", paths: [rsPath] },
    { name: "exempted with a reason", props: vault("Disabled"), config: exempt, expect: "exempt" },
]);
describeRule(backupSoftDelete, "azure-native:recoveryservices/v20240401:Vault", [
    { name: "versioned token: disabled", props: vault("DISABLED"), expect: "fail", paths: [rsPath] },
    { name: "versioned token: enabled", props: vault("Enabled"), expect: "pass" },
]);

const gPath = "softDeletePolicy.isSoftDeleteEnabled";
const gallery = (softDeletePolicy?: unknown) => ({ resourceGroupName: "rg", location: "westeurope", ...(softDeletePolicy === undefined ? {} : { softDeletePolicy }) });

describeRule(backupSoftDelete, "azure-native:compute:Gallery", [
    { name: "gallery soft delete on", props: gallery({ isSoftDeleteEnabled: true }), expect: "pass" },
    { name: "gallery soft delete as string \"true\"", props: gallery({ isSoftDeleteEnabled: "true" }), expect: "pass" },
    { name: "gallery soft delete off", props: gallery({ isSoftDeleteEnabled: false }), expect: "fail", paths: [gPath], message: /turned off.*azure-native.compute.Gallery/ },
    { name: "gallery soft delete omitted", props: gallery(), expect: "fail", paths: [gPath], message: /omitted means off/ },
    { name: "gallery soft delete unknown during preview", props: gallery({ isSoftDeleteEnabled: UNKNOWN }), expect: "defer", paths: [gPath] },
    { name: "exempted with a reason", props: gallery(), config: exempt, expect: "exempt" },
]);
describeRule(backupSoftDelete, "azure-native:compute/v20240303:Gallery", [
    { name: "versioned token: omitted", props: gallery(), expect: "fail", paths: [gPath] },
    { name: "versioned token: on", props: gallery({ isSoftDeleteEnabled: true }), expect: "pass" },
]);

// Classic azure (azurerm): the provider's defaults keep soft delete on; only turning it off fails.
describeRule(backupSoftDelete, "azure:dataprotection/backupVault:BackupVault", [
    { name: "always on", props: { resourceGroupName: "rg", datastoreType: "VaultStore", redundancy: "LocallyRedundant", softDelete: "AlwaysOn" }, expect: "pass" },
    { name: "softDelete omitted: azurerm default On", props: { resourceGroupName: "rg", datastoreType: "VaultStore", redundancy: "LocallyRedundant" }, expect: "pass" },
    { name: "turned off", props: { resourceGroupName: "rg", softDelete: "Off" }, expect: "fail", paths: ["softDelete"], message: /turned off.*azure\.dataprotection\.BackupVault/ },
    { name: "unknown during preview", props: { resourceGroupName: "rg", softDelete: UNKNOWN }, expect: "defer" },
    { name: "exempted", props: { resourceGroupName: "rg", softDelete: "off" }, config: exempt, expect: "exempt" },
]);

describeRule(backupSoftDelete, "azure:recoveryservices/vault:Vault", [
    { name: "softDeleteEnabled omitted: azurerm default true", props: { resourceGroupName: "rg", sku: "Standard" }, expect: "pass" },
    { name: "enabled", props: { resourceGroupName: "rg", sku: "Standard", softDeleteEnabled: true }, expect: "pass" },
    { name: "turned off", props: { resourceGroupName: "rg", sku: "Standard", softDeleteEnabled: false }, expect: "fail", paths: ["softDeleteEnabled"], message: /azure\.recoveryservices\.Vault/ },
    { name: "unknown during preview", props: { resourceGroupName: "rg", softDeleteEnabled: UNKNOWN }, expect: "defer" },
]);
