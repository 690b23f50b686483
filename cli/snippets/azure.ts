// Violating and compliant snippets for the Azure resource rules.
import { ext, resource, type Example, type RuleExamples } from "./model";

const one = (type: string, name: string, props: Record<string, unknown>, extra: Omit<Example, "resources"> = {}): Example =>
    ({ resources: [resource(type, name, props)], ...extra });

const rg = ext("rg.name", "rg");
const desId = ext("diskEncryptionSet.id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des");
const diskId = ext("disk.id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/data");
const disk = { resourceGroupName: rg, diskSizeGB: 64, creationData: { createOption: "Empty" } };
const snapshot = { resourceGroupName: rg, creationData: { createOption: "Copy", sourceResourceId: diskId } };
const storageSettings = [{ datastoreType: "VaultStore", type: "LocallyRedundant" }];
const backupVault = (extra: Record<string, unknown>) => ({ resourceGroupName: rg, identity: { type: "SystemAssigned" }, properties: { storageSettings, ...extra } });
const backupRule = {
    objectType: "AzureBackupRule", name: "BackupDaily",
    dataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
    trigger: { objectType: "ScheduleBasedTriggerContext", schedule: { repeatingTimeIntervals: ["R/2026-01-01T02:00:00+00:00/P1D"] }, taggingCriteria: [] },
};
const retentionRule = (duration: string) => ({
    objectType: "AzureRetentionRule", name: "Default", isDefault: true,
    lifecycles: [{
        deleteAfter: { objectType: "AbsoluteDeleteOption", duration },
        sourceDataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
    }],
});
const backupPolicy = (duration: string) => ({
    resourceGroupName: rg, vaultName: ext("vault.name", "vault"),
    properties: { objectType: "BackupPolicy", datasourceTypes: ["Microsoft.Compute/disks"], policyRules: [backupRule, retentionRule(duration)] },
});
const galleryImage = { resourceGroupName: rg, galleryName: ext("gallery.name", "images"), osType: "Linux", osState: "Generalized", identifier: { publisher: "contoso", offer: "ubuntu", sku: "22_04" } };
const imageVersion = (extra: Record<string, unknown>) => ({
    resourceGroupName: rg, galleryName: ext("gallery.name", "images"), galleryImageName: ext("image.name", "ubuntu"),
    storageProfile: { source: { id: ext("managedImage.id", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/images/base") } },
    publishingProfile: { targetRegions: [{ name: "westeurope" }], ...extra },
});
const des = { resourceGroupName: rg, encryptionType: "EncryptionAtRestWithCustomerKey", identity: { type: "SystemAssigned" }, activeKey: { keyUrl: ext("key.keyUriWithVersion", "https://vault.vault.azure.net/keys/disks/0123") } };

export const azureSnippets: Record<string, RuleExamples> = {
    "azure-disks-not-exportable": {
        violating: one("azure-native:compute:Disk", "data", { ...disk }),
        compliant: one("azure-native:compute:Disk", "data", { ...disk, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" }),
    },
    "azure-galleries-not-public": {
        violating: one("azure-native:compute:Gallery", "images", { resourceGroupName: rg, sharingProfile: { permissions: "Community", communityGalleryInfo: { publisherUri: "https://example.com", publisherContact: "images@example.com", eula: "none", publicNamePrefix: "contoso" } } }),
        compliant: one("azure-native:compute:Gallery", "images", { resourceGroupName: rg, sharingProfile: { permissions: "Private" } }),
    },
    "azure-gallery-sharing-trusted": {
        violating: one("azure-native:compute:Gallery", "images", { resourceGroupName: rg, sharingProfile: { permissions: "Groups" } }),
        compliant: one("azure-native:compute:Gallery", "images", { resourceGroupName: rg, sharingProfile: { permissions: "Private" } }),
    },
    "azure-backup-vaults-private": {
        violating: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ featureSettings: { crossSubscriptionRestoreSettings: { state: "Enabled" } } })),
        compliant: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ featureSettings: { crossSubscriptionRestoreSettings: { state: "Disabled" } } })),
    },
    "azure-disk-access-entra-auth": {
        violating: one("azure-native:compute:Disk", "data", { ...disk, dataAccessAuthMode: "None" }),
        compliant: one("azure-native:compute:Disk", "data", { ...disk, dataAccessAuthMode: "AzureActiveDirectory" }),
    },
    "azure-image-versions-expire": {
        violating: one("azure-native:compute:GalleryImageVersion", "1.0.0", imageVersion({})),
        compliant: one("azure-native:compute:GalleryImageVersion", "1.0.0", imageVersion({ endOfLifeDate: "2027-01-31T00:00:00Z" })),
    },
    "azure-snapshots-expire": {
        violating: one("azure-native:compute:Snapshot", "before-upgrade", { ...snapshot }),
        compliant: one("azure-native:compute:Snapshot", "before-upgrade", { ...snapshot, tags: { "retention-days": "30" } }),
    },
    "azure-backup-retention": {
        violating: one("azure-native:dataprotection:BackupPolicy", "disks", backupPolicy("P1D")),
        compliant: one("azure-native:dataprotection:BackupPolicy", "disks", backupPolicy("P30D")),
    },
    "azure-gallery-images-expire": {
        violating: one("azure-native:compute:GalleryImage", "ubuntu", { ...galleryImage }),
        compliant: one("azure-native:compute:GalleryImage", "ubuntu", { ...galleryImage, endOfLifeDate: "2028-01-01T00:00:00Z" }),
    },
    "azure-backup-immutability": {
        violating: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ securitySettings: { immutabilitySettings: { state: "Disabled" } } })),
        compliant: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ securitySettings: { immutabilitySettings: { state: "Locked" } } })),
    },
    "azure-backup-soft-delete": {
        violating: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ securitySettings: { softDeleteSettings: { state: "Off", retentionDurationInDays: 14 } } })),
        compliant: one("azure-native:dataprotection:BackupVault", "vault", backupVault({ securitySettings: { softDeleteSettings: { state: "AlwaysOn", retentionDurationInDays: 14 } } })),
    },
    "azure-customer-managed-keys": {
        violating: one("azure-native:compute:Disk", "data", { ...disk }),
        compliant: one("azure-native:compute:Disk", "data", { ...disk, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: desId } }),
    },
    "azure-encryption-at-host": {
        violating: one("azure-native:compute:VirtualMachine", "app", { resourceGroupName: rg, hardwareProfile: { vmSize: "Standard_D2s_v5" }, securityProfile: { encryptionAtHost: false } }),
        compliant: one("azure-native:compute:VirtualMachine", "app", { resourceGroupName: rg, hardwareProfile: { vmSize: "Standard_D2s_v5" }, securityProfile: { encryptionAtHost: true } }),
    },
    "azure-disk-encryption-set-rotation": {
        violating: one("azure-native:compute:DiskEncryptionSet", "des", { ...des, rotationToLatestKeyVersionEnabled: false }),
        compliant: one("azure-native:compute:DiskEncryptionSet", "des", { ...des, rotationToLatestKeyVersionEnabled: true }),
    },
    "azure-disk-encryption-not-disabled": {
        violating: one("azure-native:compute:Disk", "data", { ...disk, encryptionSettingsCollection: { enabled: false } }),
        compliant: one("azure-native:compute:Disk", "data", { ...disk }, { note: "server-side encryption stays on; omit encryptionSettingsCollection or set `enabled: true` with its keys" }),
    },
    "azure-custom-roles-no-disk-export": {
        violating: one("azure-native:authorization:RoleDefinition", "disk-operator", { scope: ext("subscription.id", "/subscriptions/00000000-0000-0000-0000-000000000000"), roleName: "Disk operator", permissions: [{ actions: ["Microsoft.Compute/disks/*", "Microsoft.Compute/snapshots/*"] }] }),
        compliant: one("azure-native:authorization:RoleDefinition", "disk-operator", { scope: ext("subscription.id", "/subscriptions/00000000-0000-0000-0000-000000000000"), roleName: "Disk operator", permissions: [{ actions: ["Microsoft.Compute/disks/*", "Microsoft.Compute/snapshots/*"], notActions: ["Microsoft.Compute/disks/beginGetAccess/action", "Microsoft.Compute/snapshots/beginGetAccess/action"] }] }),
    },
};
