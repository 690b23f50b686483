import { backupImmutability } from "../../policies/azure/backup-immutability";
import { describeRule, UNKNOWN, type Row } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "test vault, emptied weekly", expires: "2999-01-01" }] };
const path = "properties.securitySettings.immutabilitySettings.state";

function rows(make: (state?: unknown) => Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "immutability locked", props: make("Locked"), expect: "pass" },
        { name: "immutability unlocked", props: make("Unlocked"), expect: "pass" },
        { name: "lower-case locked", props: make("locked"), expect: "pass" },
        { name: "immutability disabled", props: make("Disabled"), expect: "fail", paths: [path], message: new RegExp(`not Unlocked or Locked.*on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "upper-case DISABLED", props: make("DISABLED"), expect: "fail", paths: [path] },
        { name: "immutability omitted", props: make(), expect: "fail", paths: [path], message: /omitted means Disabled/ },
        { name: "immutability unknown during preview", props: make(UNKNOWN), expect: "defer", paths: [path] },
        { name: "exempted with a reason", props: make(), config: exempt, expect: "exempt" },
        { name: "knobs are not settings of this rule", props: make("Locked"), config: { minRetentionDays: 7 }, expect: "fail", message: /invalid policy config/ },
    ];
}

const storageSettings = [{ datastoreType: "VaultStore", type: "LocallyRedundant" }];
const backupVault = (state?: unknown) => ({
    resourceGroupName: "rg", location: "westeurope",
    properties: { storageSettings, ...(state === undefined ? {} : { securitySettings: { immutabilitySettings: { state } } }) },
});
const vault = (state?: unknown) => ({
    resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard" },
    properties: state === undefined ? {} : { securitySettings: { immutabilitySettings: { state } } },
});

describeRule(backupImmutability, "azure-native:dataprotection:BackupVault", rows(backupVault, "azure-native.dataprotection.BackupVault"));
describeRule(backupImmutability, "azure-native:recoveryservices:Vault", rows(vault, "azure-native.recoveryservices.Vault"));
describeRule(backupImmutability, "azure-native:dataprotection/v20250901:BackupVault", [
    { name: "versioned token: omitted", props: backupVault(), expect: "fail", paths: [path] },
    { name: "versioned token: locked", props: backupVault("Locked"), expect: "pass" },
]);
describeRule(backupImmutability, "azure-native:recoveryservices/v20240401:Vault", [
    { name: "versioned token: disabled", props: vault("Disabled"), expect: "fail", paths: [path] },
    { name: "versioned token: unlocked", props: vault("Unlocked"), expect: "pass" },
]);

// Classic azure (azurerm): a top-level `immutability`, Disabled when omitted.
for (const [type, resource] of [
    ["azure:dataprotection/backupVault:BackupVault", "azure.dataprotection.BackupVault"],
    ["azure:recoveryservices/vault:Vault", "azure.recoveryservices.Vault"],
] as const) {
    describeRule(backupImmutability, type, [
        { name: "immutability locked", props: { resourceGroupName: "rg", immutability: "Locked" }, expect: "pass" },
        { name: "immutability unlocked", props: { resourceGroupName: "rg", immutability: "Unlocked" }, expect: "pass" },
        { name: "immutability omitted: Disabled", props: { resourceGroupName: "rg" }, expect: "fail", paths: ["immutability"], message: new RegExp(`omitted means Disabled.*on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "immutability disabled", props: { resourceGroupName: "rg", immutability: "Disabled" }, expect: "fail", paths: ["immutability"] },
        { name: "unknown during preview", props: { resourceGroupName: "rg", immutability: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: { resourceGroupName: "rg" }, config: exempt, expect: "exempt" },
    ]);
}
