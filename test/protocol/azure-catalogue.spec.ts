// Protocol tests for the Azure catalogue: the compiled pack is started once and, for every Azure
// rule and every resource type it covers, one violating and one compliant resource go through real
// gRPC. Verdicts are checked by rule id and enforcement level (the rule's default level), and the
// violation must name the expected property path.

import * as assert from "assert";
import { UNKNOWN, type PolicyPackConfig } from "../../cli/analyzer-client";
import { resource, show, useCompiledPack } from "./pack";
import { isStackRule, type Rule } from "../../core/rule";
import { azureRules } from "../../policies/azure";

const des = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/cmk";
const sub = "11111111-1111-1111-1111-111111111111";
const otherSub = "22222222-2222-2222-2222-222222222222";
const future = "2099-01-01";
const futureTime = "2099-01-01T00:00:00Z";

const disk = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };
const gallery = { resourceGroupName: "rg", location: "westeurope" };
const storageSettings = [{ datastoreType: "VaultStore", type: "LocallyRedundant" }];
const backupVault = (extra: Record<string, unknown>) => ({ resourceGroupName: "rg", location: "westeurope", properties: { storageSettings, ...extra } });
const rsVault = (properties: Record<string, unknown>) => ({ resourceGroupName: "rg", location: "westeurope", sku: { name: "Standard" }, properties });
const imageDef = { resourceGroupName: "rg", galleryName: "g", osType: "Linux", osState: "Generalized", identifier: { publisher: "p", offer: "o", sku: "s" } };
const imageVersion = (publishingProfile: Record<string, unknown>) => ({
    resourceGroupName: "rg", galleryName: "g", galleryImageName: "i", storageProfile: { source: { id: "/subscriptions/0000/images/base" } }, publishingProfile,
});
const managedImage = (osDisk: Record<string, unknown>, tags?: Record<string, string>) => ({
    resourceGroupName: "rg", location: "westeurope", storageProfile: { osDisk: { osType: "Linux", osState: "Generalized", ...osDisk } }, ...(tags ? { tags } : {}),
});
const retention = (duration: string) => ({
    objectType: "AzureRetentionRule", name: "Default", isDefault: true,
    lifecycles: [{ deleteAfter: { objectType: "AbsoluteDeleteOption", duration }, sourceDataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" } }],
});
const backupPolicy = (duration: string) => ({
    resourceGroupName: "rg", vaultName: "v",
    properties: { objectType: "BackupPolicy", datasourceTypes: ["Microsoft.Compute/disks"], policyRules: [retention(duration)] },
});
const protectionPolicy = (days: number) => ({
    resourceGroupName: "rg", vaultName: "v",
    properties: { backupManagementType: "AzureIaasVM", retentionPolicy: { retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionDuration: { count: days, durationType: "Days" } } } },
});
const vm = (osDes: string | undefined, securityProfile?: Record<string, unknown>) => ({
    resourceGroupName: "rg", location: "westeurope",
    storageProfile: { osDisk: { createOption: "FromImage", managedDisk: osDes ? { diskEncryptionSet: { id: osDes } } : {} } },
    ...(securityProfile ? { securityProfile } : {}),
});
const vmss = (osDes: string | undefined, securityProfile?: Record<string, unknown>) => ({
    resourceGroupName: "rg", location: "westeurope",
    virtualMachineProfile: {
        storageProfile: { osDisk: { createOption: "FromImage", managedDisk: osDes ? { diskEncryptionSet: { id: osDes } } : {} } },
        ...(securityProfile ? { securityProfile } : {}),
    },
});

interface Case {
    rule: string;
    type: string;
    bad: Record<string, unknown>;
    /** The property path the violation names. */
    path: string;
    good: Record<string, unknown>;
    config?: PolicyPackConfig;
}

const C = "azure-native:compute:";
const A = "azure:compute/";
const classicDisk = { resourceGroupName: "rg", location: "westeurope", createOption: "Empty", storageAccountType: "Premium_LRS", diskSizeGb: 64 };
const classicSnapshot = { resourceGroupName: "rg", location: "westeurope", createOption: "Copy", sourceUri: "/subscriptions/0000/disks/data" };
const classicImage = { resourceGroupName: "rg", location: "westeurope", sourceVirtualMachineId: "/subscriptions/0000/virtualMachines/build" };
const classicImageDef = { resourceGroupName: "rg", galleryName: "g", location: "westeurope", osType: "Linux", identifier: { publisher: "p", offer: "o", sku: "s" } };
const classicVersion = { resourceGroupName: "rg", galleryName: "g", imageName: "i", location: "westeurope", managedImageId: "/subscriptions/0000/images/base", targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] };
const classicMachines = [
    "linuxVirtualMachine:LinuxVirtualMachine", "windowsVirtualMachine:WindowsVirtualMachine",
    "linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", "windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet",
];
const classicMachine = (osDes: string | undefined, hostEncryption?: boolean) => ({
    resourceGroupName: "rg", location: "westeurope", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", ...(osDes ? { diskEncryptionSetId: osDes } : {}) },
    ...(hostEncryption === undefined ? {} : { encryptionAtHostEnabled: hostEncryption }),
});
const cases: Case[] = [
    // Exposure.
    { rule: "azure-disks-not-exportable", type: `${C}Disk`, bad: { ...disk, networkAccessPolicy: "AllowAll" }, path: "networkAccessPolicy", good: { ...disk, networkAccessPolicy: "DenyAll" } },
    { rule: "azure-disks-not-exportable", type: `${C}Snapshot`, bad: { ...snapshot }, path: "networkAccessPolicy", good: { ...snapshot, publicNetworkAccess: "Disabled" } },
    { rule: "azure-galleries-not-public", type: `${C}Gallery`, bad: { ...gallery, sharingProfile: { permissions: "Community" } }, path: "sharingProfile.permissions", good: { ...gallery, sharingProfile: { permissions: "Private" } } },
    {
        rule: "azure-galleries-not-public", type: `${C}Gallery`,
        bad: { ...gallery, sharingProfile: { permissions: "Groups", groups: [{ type: "Subscriptions", ids: [otherSub] }] } }, path: "sharingProfile.groups[0].ids[0]",
        good: { ...gallery, sharingProfile: { permissions: "Groups", groups: [{ type: "Subscriptions", ids: [sub] }] } },
        config: { "azure-galleries-not-public": { trustedSubscriptionIds: [sub] } },
    },
    { rule: "azure-gallery-sharing-trusted", type: `${C}Gallery`, bad: { ...gallery, sharingProfile: { permissions: "Groups" } }, path: "sharingProfile.permissions", good: { ...gallery } },
    { rule: "azure-backup-vaults-private", type: "azure-native:dataprotection:BackupVault", bad: backupVault({}), path: "properties.featureSettings.crossSubscriptionRestoreSettings.state", good: backupVault({ featureSettings: { crossSubscriptionRestoreSettings: { state: "Disabled" } } }) },
    { rule: "azure-backup-vaults-private", type: "azure-native:recoveryservices:Vault", bad: rsVault({ publicNetworkAccess: "Enabled" }), path: "properties.publicNetworkAccess", good: rsVault({ publicNetworkAccess: "Disabled" }) },
    { rule: "azure-disk-access-entra-auth", type: `${C}Disk`, bad: { ...disk, dataAccessAuthMode: "None" }, path: "dataAccessAuthMode", good: { ...disk, dataAccessAuthMode: "AzureActiveDirectory" } },
    { rule: "azure-disk-access-entra-auth", type: `${C}Snapshot`, bad: { ...snapshot }, path: "dataAccessAuthMode", good: { ...snapshot, dataAccessAuthMode: "azureactivedirectory" } },
    // Lifecycle.
    { rule: "azure-image-versions-expire", type: `${C}GalleryImageVersion`, bad: imageVersion({}), path: "publishingProfile.endOfLifeDate", good: imageVersion({ endOfLifeDate: futureTime }) },
    { rule: "azure-gallery-images-expire", type: `${C}GalleryImage`, bad: { ...imageDef }, path: "endOfLifeDate", good: { ...imageDef, endOfLifeDate: futureTime } },
    { rule: "azure-snapshots-expire", type: `${C}Snapshot`, bad: { ...snapshot }, path: "tags", good: { ...snapshot, tags: { "expires-on": future } } },
    { rule: "azure-snapshots-expire", type: `${C}Image`, bad: managedImage({}), path: "tags", good: managedImage({}, { "retention-days": "30" }) },
    { rule: "azure-backup-retention", type: "azure-native:dataprotection:BackupPolicy", bad: backupPolicy("P3D"), path: "properties.policyRules[0].lifecycles[0].deleteAfter.duration", good: backupPolicy("P4W") },
    { rule: "azure-backup-retention", type: "azure-native:recoveryservices:ProtectionPolicy", bad: protectionPolicy(3), path: "properties.retentionPolicy.dailySchedule.retentionDuration.count", good: protectionPolicy(30) },
    { rule: "azure-backup-immutability", type: "azure-native:dataprotection:BackupVault", bad: backupVault({}), path: "properties.securitySettings.immutabilitySettings.state", good: backupVault({ securitySettings: { immutabilitySettings: { state: "Locked" } } }) },
    { rule: "azure-backup-immutability", type: "azure-native:recoveryservices:Vault", bad: rsVault({ securitySettings: { immutabilitySettings: { state: "Disabled" } } }), path: "properties.securitySettings.immutabilitySettings.state", good: rsVault({ securitySettings: { immutabilitySettings: { state: "Unlocked" } } }) },
    { rule: "azure-backup-soft-delete", type: "azure-native:dataprotection:BackupVault", bad: backupVault({ securitySettings: { softDeleteSettings: { state: "Off" } } }), path: "properties.securitySettings.softDeleteSettings.state", good: backupVault({ securitySettings: { softDeleteSettings: { state: "AlwaysOn" } } }) },
    { rule: "azure-backup-soft-delete", type: "azure-native:recoveryservices:Vault", bad: rsVault({ securitySettings: { softDeleteSettings: { softDeleteState: "Disabled" } } }), path: "properties.securitySettings.softDeleteSettings.softDeleteState", good: rsVault({ securitySettings: { softDeleteSettings: { softDeleteState: "Enabled" } } }) },
    { rule: "azure-backup-soft-delete", type: `${C}Gallery`, bad: { ...gallery }, path: "softDeletePolicy.isSoftDeleteEnabled", good: { ...gallery, softDeletePolicy: { isSoftDeleteEnabled: true } } },
    // Keys.
    { rule: "azure-customer-managed-keys", type: `${C}Disk`, bad: { ...disk }, path: "encryption.type", good: { ...disk, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des } } },
    { rule: "azure-customer-managed-keys", type: `${C}Snapshot`, bad: { ...snapshot, encryption: { type: "EncryptionAtRestWithPlatformKey" } }, path: "encryption.type", good: { ...snapshot, encryption: { type: "EncryptionAtRestWithPlatformAndCustomerKeys", diskEncryptionSetId: des } } },
    { rule: "azure-customer-managed-keys", type: `${C}Image`, bad: managedImage({}), path: "storageProfile.osDisk.diskEncryptionSet.id", good: managedImage({ diskEncryptionSet: { id: des } }) },
    {
        rule: "azure-customer-managed-keys", type: `${C}GalleryImageVersion`,
        bad: imageVersion({ targetRegions: [{ name: "westeurope" }] }), path: "publishingProfile.targetRegions[0].encryption.osDiskImage.diskEncryptionSetId",
        good: imageVersion({ targetRegions: [{ name: "westeurope", encryption: { osDiskImage: { diskEncryptionSetId: des } } }] }),
    },
    { rule: "azure-customer-managed-keys", type: `${C}VirtualMachine`, bad: vm(undefined), path: "storageProfile.osDisk.managedDisk.diskEncryptionSet.id", good: vm(des) },
    { rule: "azure-customer-managed-keys", type: `${C}VirtualMachineScaleSet`, bad: vmss(undefined), path: "virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id", good: vmss(des) },
    { rule: "azure-custom-roles-no-disk-export", type: "azure-native:authorization:RoleDefinition", bad: { scope: `/subscriptions/${sub}`, roleName: "ops", permissions: [{ actions: ["Microsoft.Compute/*"] }] }, path: "permissions[0].actions[0]", good: { scope: `/subscriptions/${sub}`, roleName: "ops", permissions: [{ actions: ["Microsoft.Compute/*"], notActions: ["Microsoft.Compute/*/beginGetAccess/action"] }] } },
    { rule: "azure-encryption-at-host", type: `${C}VirtualMachine`, bad: vm(des), path: "securityProfile.encryptionAtHost", good: vm(des, { encryptionAtHost: true }) },
    { rule: "azure-encryption-at-host", type: `${C}VirtualMachineScaleSet`, bad: vmss(des, { encryptionAtHost: false }), path: "virtualMachineProfile.securityProfile.encryptionAtHost", good: vmss(des, { encryptionAtHost: true }) },
    { rule: "azure-disk-encryption-set-rotation", type: `${C}DiskEncryptionSet`, bad: { resourceGroupName: "rg" }, path: "rotationToLatestKeyVersionEnabled", good: { resourceGroupName: "rg", rotationToLatestKeyVersionEnabled: true } },
    { rule: "azure-disk-encryption-not-disabled", type: `${C}Disk`, bad: { ...disk, encryptionSettingsCollection: { enabled: false } }, path: "encryptionSettingsCollection.enabled", good: { ...disk } },
    { rule: "azure-disk-encryption-not-disabled", type: `${C}Snapshot`, bad: { ...snapshot, encryptionSettingsCollection: { enabled: false } }, path: "encryptionSettingsCollection.enabled", good: { ...snapshot, encryptionSettingsCollection: { enabled: true } } },
    // Classic azure provider (azurerm shapes and defaults).
    { rule: "azure-disks-not-exportable", type: `${A}managedDisk:ManagedDisk`, bad: { ...classicDisk }, path: "networkAccessPolicy", good: { ...classicDisk, networkAccessPolicy: "DenyAll", publicNetworkAccessEnabled: false } },
    { rule: "azure-disks-not-exportable", type: `${A}snapshot:Snapshot`, bad: { ...classicSnapshot, networkAccessPolicy: "AllowAll" }, path: "networkAccessPolicy", good: { ...classicSnapshot, publicNetworkAccessEnabled: false } },
    { rule: "azure-galleries-not-public", type: `${A}sharedImageGallery:SharedImageGallery`, bad: { ...gallery, sharing: { permission: "Community" } }, path: "sharing.permission", good: { ...gallery, sharing: { permission: "Private" } } },
    { rule: "azure-image-versions-expire", type: `${A}sharedImageVersion:SharedImageVersion`, bad: { ...classicVersion }, path: "endOfLifeDate", good: { ...classicVersion, endOfLifeDate: futureTime } },
    { rule: "azure-snapshots-expire", type: `${A}snapshot:Snapshot`, bad: { ...classicSnapshot }, path: "tags", good: { ...classicSnapshot, tags: { "expires-on": future } } },
    { rule: "azure-snapshots-expire", type: `${A}image:Image`, bad: { ...classicImage }, path: "tags", good: { ...classicImage, tags: { "retention-days": "30" } } },
    { rule: "azure-backup-retention", type: "azure:dataprotection/backupPolicyDisk:BackupPolicyDisk", bad: { vaultId: "v", backupRepeatingTimeIntervals: ["R/2026-01-01T00:00:00+00:00/PT4H"], defaultRetentionDuration: "P1D" }, path: "defaultRetentionDuration",
        good: { vaultId: "v", backupRepeatingTimeIntervals: ["R/2026-01-01T00:00:00+00:00/PT4H"], defaultRetentionDuration: "P30D" } },
    { rule: "azure-gallery-sharing-trusted", type: `${A}sharedImageGallery:SharedImageGallery`, bad: { resourceGroupName: "rg", sharing: { permission: "Groups" } }, path: "sharing.permission", good: { resourceGroupName: "rg", sharing: { permission: "Private" } } },
    { rule: "azure-backup-vaults-private", type: "azure:recoveryservices/vault:Vault", bad: { resourceGroupName: "rg", sku: "Standard" }, path: "publicNetworkAccessEnabled", good: { resourceGroupName: "rg", sku: "Standard", publicNetworkAccessEnabled: false } },
    { rule: "azure-backup-immutability", type: "azure:dataprotection/backupVault:BackupVault", bad: { resourceGroupName: "rg", datastoreType: "VaultStore", redundancy: "LocallyRedundant" }, path: "immutability", good: { resourceGroupName: "rg", datastoreType: "VaultStore", redundancy: "LocallyRedundant", immutability: "Locked" } },
    { rule: "azure-backup-immutability", type: "azure:recoveryservices/vault:Vault", bad: { resourceGroupName: "rg", sku: "Standard", immutability: "Disabled" }, path: "immutability", good: { resourceGroupName: "rg", sku: "Standard", immutability: "Unlocked" } },
    { rule: "azure-backup-soft-delete", type: "azure:dataprotection/backupVault:BackupVault", bad: { resourceGroupName: "rg", softDelete: "Off" }, path: "softDelete", good: { resourceGroupName: "rg" } },
    { rule: "azure-backup-soft-delete", type: "azure:recoveryservices/vault:Vault", bad: { resourceGroupName: "rg", sku: "Standard", softDeleteEnabled: false }, path: "softDeleteEnabled", good: { resourceGroupName: "rg", sku: "Standard" } },
    { rule: "azure-customer-managed-keys", type: `${A}orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet`, bad: { resourceGroupName: "rg", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS" } }, path: "osDisk.diskEncryptionSetId",
        good: { resourceGroupName: "rg", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", diskEncryptionSetId: "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/cmk" } } },
    ...["azure:authorization/roleDefinition:RoleDefinition", "azure:role/definition:Definition"].map((type): Case => ({
        rule: "azure-custom-roles-no-disk-export", type, bad: { scope: "/subscriptions/0", name: "ops", permissions: [{ actions: ["Microsoft.Compute/disks/*"] }] }, path: "permissions[0].actions[0]",
        good: { scope: "/subscriptions/0", name: "ops", permissions: [{ actions: ["Microsoft.Compute/disks/read"] }] },
    })),
    { rule: "azure-backup-retention", type: "azure:backup/policyVM:PolicyVM", bad: { resourceGroupName: "rg", recoveryVaultName: "v", backup: { frequency: "Daily", time: "23:00" } }, path: "retentionDaily",
        good: { resourceGroupName: "rg", recoveryVaultName: "v", backup: { frequency: "Daily", time: "23:00" }, retentionDaily: { count: 30 } } },
    { rule: "azure-gallery-images-expire", type: `${A}sharedImage:SharedImage`, bad: { ...classicImageDef }, path: "endOfLifeDate", good: { ...classicImageDef, endOfLifeDate: futureTime } },
    { rule: "azure-customer-managed-keys", type: `${A}managedDisk:ManagedDisk`, bad: { ...classicDisk }, path: "diskEncryptionSetId", good: { ...classicDisk, diskEncryptionSetId: des } },
    { rule: "azure-customer-managed-keys", type: `${A}image:Image`, bad: { ...classicImage, osDisk: { storageType: "Premium_LRS" } }, path: "osDisk.diskEncryptionSetId", good: { ...classicImage, osDisk: { storageType: "Premium_LRS", diskEncryptionSetId: des } } },
    { rule: "azure-customer-managed-keys", type: `${A}sharedImageVersion:SharedImageVersion`, bad: { ...classicVersion }, path: "targetRegions[0].diskEncryptionSetId",
        good: { ...classicVersion, targetRegions: [{ name: "westeurope", regionalReplicaCount: 1, diskEncryptionSetId: des }] } },
    ...classicMachines.flatMap((type) => [
        { rule: "azure-encryption-at-host", type: `${A}${type}`, bad: classicMachine(des), path: "encryptionAtHostEnabled", good: classicMachine(des, true) },
        { rule: "azure-customer-managed-keys", type: `${A}${type}`, bad: classicMachine(undefined, true), path: "osDisk.diskEncryptionSetId", good: classicMachine(des, true) },
    ]),
    { rule: "azure-encryption-at-host", type: `${A}orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet`, bad: classicMachine(des), path: "encryptionAtHostEnabled", good: classicMachine(des, true) },
    { rule: "azure-disk-encryption-set-rotation", type: `${A}diskEncryptionSet:DiskEncryptionSet`, bad: { resourceGroupName: "rg", keyVaultKeyId: "https://v.vault.azure.net/keys/k" }, path: "autoKeyRotationEnabled",
        good: { resourceGroupName: "rg", keyVaultKeyId: "https://v.vault.azure.net/keys/k", autoKeyRotationEnabled: true } },
];

function ruleById(id: string): Rule {
    const rule = azureRules.find((candidate) => candidate.id === id);
    assert.ok(rule, `${id} is not an Azure rule`);
    return rule;
}

describe("protocol: the Azure catalogue over gRPC", function () {
    const analyzer = useCompiledPack();

    async function analyze(config: PolicyPackConfig, type: string, name: string, properties: Record<string, unknown>) {
        await analyzer().configure(config);
        return analyzer().analyze(resource(type, name, properties));
    }

    it("has a case for every Azure rule and every type it covers", () => {
        for (const rule of azureRules) {
            if (isStackRule(rule)) continue;
            for (const target of rule.targets) {
                assert.ok(cases.some((c) => c.rule === rule.id && c.type === target.type), `no protocol case for ${rule.id} on ${target.type}`);
            }
        }
    });

    for (const c of cases) {
        const rule = ruleById(c.rule);
        describe(`${c.rule} on ${c.type}${c.config ? " (configured)" : ""}`, () => {
            it(`blocks or warns (${rule.defaultLevel}) on a violating resource, naming ${c.path}`, async () => {
                const result = await analyze(c.config ?? {}, c.type, "bad", c.bad);
                const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.policyName === c.rule);
                assert.strictEqual(diagnostics.length, 1, show(result));
                assert.strictEqual(diagnostics[0].enforcementLevel, rule.defaultLevel);
                assert.strictEqual(diagnostics[0].policyPackName, "snapshot-guard");
                assert.ok(diagnostics[0].message.includes(` at ${c.path};`), diagnostics[0].message);
                assert.ok(!diagnostics.some((diagnostic) => /could not evaluate|can't run/.test(diagnostic.message)), show(result));
            });

            it("passes a compliant resource", async () => {
                const result = await analyze(c.config ?? {}, c.type, "good", c.good);
                assert.deepStrictEqual(result.diagnostics.filter((diagnostic) => diagnostic.policyName === c.rule), [], show(result));
            });

            it("judges the versioned token the same way", async () => {
                const versioned = c.type.replace(/^(azure-native:[^:]+):/, "$1/v20240302:");
                const result = await analyze(c.config ?? {}, versioned, "bad", c.bad);
                const levels = result.diagnostics.filter((diagnostic) => diagnostic.policyName === c.rule).map((diagnostic) => diagnostic.enforcementLevel);
                assert.deepStrictEqual(levels, [rule.defaultLevel], show(result));
            });
        });
    }

    it("an advisory key rule becomes blocking when raised to mandatory", async () => {
        const result = await analyze({ "azure-customer-managed-keys": "mandatory" }, `${C}Disk`, "data", { ...disk });
        const levels = result.diagnostics.filter((diagnostic) => diagnostic.policyName === "azure-customer-managed-keys").map((diagnostic) => diagnostic.enforcementLevel);
        assert.deepStrictEqual(levels, ["mandatory"], show(result));
    });

    it("defers on unknown values without falling back to the SDK's preview advisory", async () => {
        const result = await analyze({}, `${C}GalleryImageVersion`, "preview", imageVersion({ endOfLifeDate: UNKNOWN, targetRegions: UNKNOWN }));
        assert.deepStrictEqual(result.diagnostics.filter((diagnostic) => /can't run|during preview|UnknownValueError/.test(diagnostic.message)), [], show(result));
        for (const id of ["azure-image-versions-expire", "azure-customer-managed-keys"]) {
            assert.deepStrictEqual(result.diagnostics.filter((diagnostic) => diagnostic.policyName === id), [], show(result));
            assert.match(result.notApplicable.find((entry) => entry.policyName === id)?.reason ?? "", /unknown during preview/, show(result));
        }
    });
});
