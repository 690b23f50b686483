// The azure-insecure resources, fixed. `snapshot-guard scan examples/azure-compliant` reports
// nothing: no mandatory and no advisory finding.
import * as azure from "@pulumi/azure-native";

const group = new azure.resources.ResourceGroup("storage");

// ---- Keys ---------------------------------------------------------------------------------------

// A disk encryption set that follows the latest version of its Key Vault key.
const diskKeys = new azure.compute.DiskEncryptionSet("disk-keys", {
    resourceGroupName: group.name,
    encryptionType: "EncryptionAtRestWithCustomerKey",
    identity: { type: "SystemAssigned" },
    activeKey: { keyUrl: "https://orders-kv.vault.azure.net/keys/disks" },
    rotationToLatestKeyVersionEnabled: true,
});
const customerKey = { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: diskKeys.id };

// ---- Managed disks and snapshots ------------------------------------------------------------

// No export at all, export URLs only with Entra ID, a customer key, backed up by the vault below.
const data = new azure.compute.Disk("orders-data", {
    resourceGroupName: group.name,
    diskSizeGB: 128,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: customerKey,
});

// Export only through a private endpoint of this DiskAccess; Azure Disk Encryption left alone.
const access = new azure.compute.DiskAccess("export-endpoint", { resourceGroupName: group.name });
const scratch = new azure.compute.Disk("scratch", {
    resourceGroupName: group.name,
    diskSizeGB: 32,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "AllowPrivate",
    diskAccessId: access.id,
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: customerKey,
});

// Snapshots: not exportable, kept 30 days (retention-days tag), on the customer key like their disks.
const nightly = new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: data.id },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: customerKey,
    tags: { "retention-days": "30" },
});
const ledger = new azure.compute.Disk("ledger-data", {
    resourceGroupName: group.name,
    diskSizeGB: 64,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: customerKey,
});
new azure.compute.Snapshot("ledger-data-snapshot", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: ledger.id },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: customerKey,
    tags: { "retention-days": "30" },
});

// ---- Virtual machines and images ------------------------------------------------------------

// Encryption at host for temporary disks and caches; the OS disk on the customer key.
const worker = new azure.compute.VirtualMachine("worker", {
    resourceGroupName: group.name,
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    networkProfile: { networkInterfaces: [{ id: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/storage/providers/Microsoft.Network/networkInterfaces/worker" }] },
    osProfile: { computerName: "worker", adminUsername: "azureuser", linuxConfiguration: { disablePasswordAuthentication: true } },
    securityProfile: { encryptionAtHost: true },
    storageProfile: {
        imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
        osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS", diskEncryptionSet: { id: diskKeys.id } } },
    },
});

// A managed image from the nightly snapshot, on the customer key, kept 90 days.
new azure.compute.Image("worker-image", {
    resourceGroupName: group.name,
    storageProfile: {
        osDisk: { osType: "Linux", osState: "Generalized", snapshot: { id: nightly.id }, diskEncryptionSet: { id: diskKeys.id } },
    },
    tags: { "retention-days": "90" },
});

// ---- Compute galleries ----------------------------------------------------------------------

// Private galleries with soft delete (share with groups only once the platform team lists the
// subscriptions and tenants in trustedSubscriptionIds/trustedTenantIds).
const gallery = new azure.compute.Gallery("golden", {
    resourceGroupName: group.name,
    sharingProfile: { permissions: "Private" },
    softDeletePolicy: { isSoftDeleteEnabled: true },
});
new azure.compute.Gallery("partner", {
    resourceGroupName: group.name,
    sharingProfile: { permissions: "Private" },
    softDeletePolicy: { isSoftDeleteEnabled: true },
});

// Image definition and version with an end of life; the version replicates on the customer key.
const goldenImage = new azure.compute.GalleryImage("ubuntu", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    identifier: { publisher: "orders", offer: "ubuntu", sku: "24.04" },
    osState: "Generalized",
    osType: "Linux",
    endOfLifeDate: "2030-12-31T00:00:00Z",
});
new azure.compute.GalleryImageVersion("ubuntu-1-0-0", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    galleryImageName: goldenImage.name,
    galleryImageVersionName: "1.0.0",
    storageProfile: { source: { virtualMachineId: worker.id } },
    publishingProfile: {
        endOfLifeDate: "2030-12-31T00:00:00Z",
        targetRegions: [{ name: "westeurope", encryption: { osDiskImage: { diskEncryptionSetId: diskKeys.id } } }],
    },
});

// ---- Backup ---------------------------------------------------------------------------------

// Immutable, soft delete always on, no restores into other subscriptions.
const vault = new azure.dataprotection.BackupVault("backups", {
    resourceGroupName: group.name,
    identity: { type: "SystemAssigned" },
    properties: {
        storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }],
        securitySettings: {
            immutabilitySettings: { state: "Unlocked" },
            softDeleteSettings: { state: "AlwaysOn", retentionDurationInDays: 14 },
        },
        featureSettings: { crossSubscriptionRestoreSettings: { state: "Disabled" } },
    },
});

// Daily disk snapshots kept for 30 days.
const diskBackups = new azure.dataprotection.BackupPolicy("disk-backups", {
    resourceGroupName: group.name,
    vaultName: vault.name,
    properties: {
        objectType: "BackupPolicy",
        datasourceTypes: ["Microsoft.Compute/disks"],
        policyRules: [
            {
                objectType: "AzureBackupRule",
                name: "BackupDaily",
                dataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
                trigger: { objectType: "ScheduleBasedTriggerContext", schedule: { repeatingTimeIntervals: ["R/2026-01-01T03:00:00+00:00/P1D"] }, taggingCriteria: [] },
            },
            {
                objectType: "AzureRetentionRule",
                name: "Default",
                isDefault: true,
                lifecycles: [{
                    deleteAfter: { objectType: "AbsoluteDeleteOption", duration: "P30D" },
                    sourceDataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
                }],
            },
        ],
    },
});

// Every managed disk is a backup instance of the vault.
for (const [name, disk] of [["orders-data", data], ["scratch", scratch], ["ledger-data", ledger]] as const) {
    new azure.dataprotection.BackupInstance(`${name}-backup`, {
        resourceGroupName: group.name,
        vaultName: vault.name,
        properties: {
            objectType: "BackupInstance",
            dataSourceInfo: { resourceID: disk.id, datasourceType: "Microsoft.Compute/disks", objectType: "Datasource" },
            policyInfo: { policyId: diskBackups.id },
        },
    });
}

// A Recovery Services vault reachable only through private endpoints.
new azure.recoveryservices.Vault("vm-backups", {
    resourceGroupName: group.name,
    sku: { name: "Standard" },
    properties: {
        publicNetworkAccess: "Disabled",
        securitySettings: {
            immutabilitySettings: { state: "Unlocked" },
            softDeleteSettings: { softDeleteState: "AlwaysON" },
        },
    },
});
