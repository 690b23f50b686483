// Insecure on purpose: every resource below is something snapshot-guard blocks or warns about.
// `snapshot-guard scan examples/azure-insecure` lists the findings; expected-findings.json holds them
// and README.md maps each rule to the resources that demonstrate it.
import * as azure from "@pulumi/azure-native";

const group = new azure.resources.ResourceGroup("storage");

// ---- Keys ---------------------------------------------------------------------------------------

// A disk encryption set pinned to one key version: rotating the key in Key Vault changes nothing.
const diskKeys = new azure.compute.DiskEncryptionSet("disk-keys", {
    resourceGroupName: group.name,
    encryptionType: "EncryptionAtRestWithCustomerKey",
    identity: { type: "SystemAssigned" },
    activeKey: { keyUrl: "https://orders-kv.vault.azure.net/keys/disks/0123456789abcdef0123456789abcdef" },
});

// ---- Managed disks and snapshots ------------------------------------------------------------

// networkAccessPolicy omitted: Azure's default is AllowAll, so the export URL works from anywhere;
// no Entra ID check on the URL, a platform-managed key, and no backup.
const data = new azure.compute.Disk("orders-data", {
    resourceGroupName: group.name,
    diskSizeGB: 128,
    creationData: { createOption: "Empty" },
});

// AllowPrivate without a DiskAccess resource restricts nothing; Azure Disk Encryption switched off.
new azure.compute.Disk("scratch", {
    resourceGroupName: group.name,
    diskSizeGB: 32,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "AllowPrivate",
    encryptionSettingsCollection: { enabled: false },
});

// A snapshot that is explicitly exportable from anywhere and never expires.
new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: data.id },
    networkAccessPolicy: "AllowAll",
    publicNetworkAccess: "Enabled",
});

// A disk on the customer key, and a snapshot of it that falls back to a platform-managed key.
const ledger = new azure.compute.Disk("ledger-data", {
    resourceGroupName: group.name,
    diskSizeGB: 64,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: diskKeys.id },
});
new azure.compute.Snapshot("ledger-data-snapshot", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: ledger.id },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
    dataAccessAuthMode: "AzureActiveDirectory",
    tags: { "retention-days": "30" },
});

// ---- Virtual machines and images ------------------------------------------------------------

// Temporary disks and caches unencrypted on the host; the OS disk on a platform-managed key.
const worker = new azure.compute.VirtualMachine("worker", {
    resourceGroupName: group.name,
    hardwareProfile: { vmSize: "Standard_D2s_v5" },
    networkProfile: { networkInterfaces: [{ id: "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/storage/providers/Microsoft.Network/networkInterfaces/worker" }] },
    osProfile: { computerName: "worker", adminUsername: "azureuser", linuxConfiguration: { disablePasswordAuthentication: true } },
    storageProfile: {
        imageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
        osDisk: { createOption: "FromImage", managedDisk: { storageAccountType: "Premium_LRS" } },
    },
});

// A managed image of the VM that never expires.
new azure.compute.Image("worker-image", {
    resourceGroupName: group.name,
    sourceVirtualMachine: { id: worker.id },
});

// ---- Compute galleries ----------------------------------------------------------------------

// A community gallery: every Azure user can list and use its images; deleted versions are gone.
const gallery = new azure.compute.Gallery("golden", {
    resourceGroupName: group.name,
    sharingProfile: { permissions: "Community" },
});

// A gallery shared with groups of subscriptions and tenants: the SDK cannot name them (Azure adds
// them through the gallery's share API), so nobody reviewing the program can check them.
new azure.compute.Gallery("partner", {
    resourceGroupName: group.name,
    sharingProfile: { permissions: "Groups" },
    softDeletePolicy: { isSoftDeleteEnabled: true },
});

// An image definition and a version without an end of life; the version replicates with platform keys.
const goldenImage = new azure.compute.GalleryImage("ubuntu", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    identifier: { publisher: "orders", offer: "ubuntu", sku: "24.04" },
    osState: "Generalized",
    osType: "Linux",
});
new azure.compute.GalleryImageVersion("ubuntu-1-0-0", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    galleryImageName: goldenImage.name,
    galleryImageVersionName: "1.0.0",
    storageProfile: { source: { virtualMachineId: worker.id } },
});

// ---- Backup ---------------------------------------------------------------------------------

// A Backup vault whose recovery points can be deleted early, without soft delete, restorable into
// any subscription.
const vault = new azure.dataprotection.BackupVault("backups", {
    resourceGroupName: group.name,
    identity: { type: "SystemAssigned" },
    properties: {
        storageSettings: [{ datastoreType: "VaultStore", type: "LocallyRedundant" }],
        securitySettings: { softDeleteSettings: { state: "Off" } },
    },
});

// Disk snapshots kept for three days: less than the seven-day minimum.
new azure.dataprotection.BackupPolicy("disk-backups", {
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
                    deleteAfter: { objectType: "AbsoluteDeleteOption", duration: "P3D" },
                    sourceDataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
                }],
            },
        ],
    },
});

// A Recovery Services vault reachable from public networks.
new azure.recoveryservices.Vault("vm-backups", {
    resourceGroupName: group.name,
    sku: { name: "Standard" },
    properties: {
        publicNetworkAccess: "Enabled",
        securitySettings: {
            immutabilitySettings: { state: "Unlocked" },
            softDeleteSettings: { softDeleteState: "AlwaysON" },
        },
    },
});

// A custom role whose holders may download any managed disk or snapshot through a SAS URL.
new azure.authorization.RoleDefinition("disk-operator", {
    scope: "/subscriptions/00000000-0000-0000-0000-000000000001",
    roleName: "Disk operator",
    permissions: [{ actions: ["Microsoft.Compute/disks/*", "Microsoft.Compute/snapshots/*"] }],
    assignableScopes: ["/subscriptions/00000000-0000-0000-0000-000000000001"],
});
