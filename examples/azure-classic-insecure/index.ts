// Insecure on purpose, written with the classic Azure provider (@pulumi/azure, azurerm shapes).
// Every resource below is something snapshot-guard blocks or warns about; omitted values are judged
// by azurerm's documented defaults (a managed disk's `publicNetworkAccessEnabled` is true unless set).
// expected-findings.json holds the findings and README.md maps each rule to its resources.
import * as azure from "@pulumi/azure";

const group = new azure.core.ResourceGroup("storage", { location: "westeurope" });

// ---- Keys ---------------------------------------------------------------------------------------

// `autoKeyRotationEnabled` omitted (false): rotating the key in Key Vault changes nothing.
const diskKeys = new azure.compute.DiskEncryptionSet("disk-keys", {
    resourceGroupName: group.name,
    keyVaultKeyId: "https://orders-kv.vault.azure.net/keys/disks/0123456789abcdef0123456789abcdef",
    identity: { type: "SystemAssigned" },
});

// ---- Managed disks and snapshots ------------------------------------------------------------

// Network access policy and public network access omitted: exportable from anywhere, platform key.
const data = new azure.compute.ManagedDisk("orders-data", {
    resourceGroupName: group.name,
    storageAccountType: "Premium_LRS",
    createOption: "Empty",
    diskSizeGb: 128,
});

// Exportable from any network and no expiry tag.
new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    createOption: "Copy",
    sourceUri: data.id,
    networkAccessPolicy: "AllowAll",
});

// A disk under the customer key, copied by a classic snapshot: azurerm's snapshot cannot name a disk
// encryption set, so the copy falls back to a platform-managed key. Otherwise both are locked down.
const ledger = new azure.compute.ManagedDisk("ledger-data", {
    resourceGroupName: group.name,
    storageAccountType: "Premium_LRS",
    createOption: "Empty",
    diskSizeGb: 64,
    networkAccessPolicy: "DenyAll",
    publicNetworkAccessEnabled: false,
    diskEncryptionSetId: diskKeys.id,
});
new azure.compute.Snapshot("ledger-data-copy", {
    resourceGroupName: group.name,
    createOption: "Copy",
    sourceUri: ledger.id,
    networkAccessPolicy: "DenyAll",
    publicNetworkAccessEnabled: false,
    tags: { "retention-days": "14" },
});

// ---- Virtual machines and images ------------------------------------------------------------

// No encryption at host and a platform-managed key on the OS disk.
const worker = new azure.compute.LinuxVirtualMachine("worker", {
    resourceGroupName: group.name,
    size: "Standard_D2s_v5",
    adminUsername: "azureuser",
    adminSshKeys: [{ username: "azureuser", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTheExample" }],
    networkInterfaceIds: ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/networkInterfaces/worker"],
    osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS" },
    sourceImageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
});

// A flexible scale set whose OS disks use a platform key, without encryption at host.
new azure.compute.OrchestratedVirtualMachineScaleSet("batch-workers", {
    resourceGroupName: group.name,
    platformFaultDomainCount: 1,
    skuName: "Standard_D2s_v5",
    instances: 2,
    osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS" },
    sourceImageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
});

// A managed image without an expiry tag, captured from the VM with a platform key.
new azure.compute.Image("worker-image", {
    resourceGroupName: group.name,
    osDisk: { osType: "Linux", osState: "Generalized", storageType: "Premium_LRS", managedDiskId: data.id },
    sourceVirtualMachineId: worker.id,
});

// ---- Galleries ------------------------------------------------------------------------------

// A community gallery: every image version in it is public to all Azure users.
const gallery = new azure.compute.SharedImageGallery("golden", {
    resourceGroupName: group.name,
    sharing: {
        permission: "Community",
        communityGallery: { eula: "https://example.com/eula", prefix: "contoso", publisherEmail: "images@example.com", publisherUri: "https://example.com" },
    },
});

// Shared with groups of subscriptions and tenants that never appear in the program.
new azure.compute.SharedImageGallery("partner-images", { resourceGroupName: group.name, sharing: { permission: "Groups" } });

// No end-of-life date on the image definition or on the version, and the version is replicated with platform keys.
const image = new azure.compute.SharedImage("ubuntu", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    osType: "Linux",
    identifier: { publisher: "contoso", offer: "ubuntu", sku: "24_04" },
});
new azure.compute.SharedImageVersion("ubuntu-1-0-0", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    imageName: image.name,
    managedImageId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/images/providers/Microsoft.Compute/images/base",
    targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }],
});

// ---- Backup policies ------------------------------------------------------------------------

// Disk backups kept for three days, VM backups for three days: below the 7-day minimum. Neither vault
// is immutable, soft delete is turned off on both, and the Recovery Services vault is reachable from
// public networks (azurerm's `publicNetworkAccessEnabled` default is true).
const vault = new azure.dataprotection.BackupVault("backups", {
    resourceGroupName: group.name,
    datastoreType: "VaultStore",
    redundancy: "LocallyRedundant",
    softDelete: "Off",
});
// Backs up the ledger disk only: the orders disk is in no backup.
const diskBackups = new azure.dataprotection.BackupPolicyDisk("disk-backups", {
    vaultId: vault.id,
    backupRepeatingTimeIntervals: ["R/2026-01-01T02:00:00+00:00/P1D"],
    defaultRetentionDuration: "P3D",
});
new azure.dataprotection.BackupInstanceDisk("ledger-data-backup", {
    vaultId: vault.id,
    diskId: ledger.id,
    snapshotResourceGroupName: group.name,
    backupPolicyId: diskBackups.id,
});
const rsVault = new azure.recoveryservices.Vault("vm-backups", { resourceGroupName: group.name, sku: "Standard", softDeleteEnabled: false });
new azure.backup.PolicyVM("vm-daily", {
    resourceGroupName: group.name,
    recoveryVaultName: rsVault.name,
    backup: { frequency: "Daily", time: "23:00" },
    retentionDaily: { count: 3 },
});

// ---- Roles ----------------------------------------------------------------------------------

// Whoever holds this role can create SAS export URLs for every disk in the subscription.
new azure.authorization.RoleDefinition("disk-operator", {
    scope: "/subscriptions/00000000-0000-0000-0000-000000000000",
    permissions: [{ actions: ["Microsoft.Compute/disks/*"] }],
});
