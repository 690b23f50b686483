// The azure-classic-insecure resources with the fixes the findings ask for; snapshot-guard reports nothing.
import * as azure from "@pulumi/azure";

const group = new azure.core.ResourceGroup("storage", { location: "westeurope" });

const diskKeys = new azure.compute.DiskEncryptionSet("disk-keys", {
    resourceGroupName: group.name,
    keyVaultKeyId: "https://orders-kv.vault.azure.net/keys/disks",
    identity: { type: "SystemAssigned" },
    autoKeyRotationEnabled: true,
});

// Export denied and public network access off; a customer-managed key.
const data = new azure.compute.ManagedDisk("orders-data", {
    resourceGroupName: group.name,
    storageAccountType: "Premium_LRS",
    createOption: "Empty",
    diskSizeGb: 128,
    networkAccessPolicy: "DenyAll",
    publicNetworkAccessEnabled: false,
    diskEncryptionSetId: diskKeys.id,
});

new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    createOption: "Copy",
    sourceUri: data.id,
    networkAccessPolicy: "DenyAll",
    publicNetworkAccessEnabled: false,
    tags: { "retention-days": "14" },
});

const worker = new azure.compute.LinuxVirtualMachine("worker", {
    resourceGroupName: group.name,
    size: "Standard_D2s_v5",
    adminUsername: "azureuser",
    adminSshKeys: [{ username: "azureuser", publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExampleKeyOnlyForTheExample" }],
    networkInterfaceIds: ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/net/providers/Microsoft.Network/networkInterfaces/worker"],
    osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", diskEncryptionSetId: diskKeys.id },
    sourceImageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
    encryptionAtHostEnabled: true,
});

new azure.compute.OrchestratedVirtualMachineScaleSet("batch-workers", {
    resourceGroupName: group.name,
    platformFaultDomainCount: 1,
    skuName: "Standard_D2s_v5",
    instances: 2,
    osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", diskEncryptionSetId: diskKeys.id },
    sourceImageReference: { publisher: "Canonical", offer: "ubuntu-24_04-lts", sku: "server", version: "latest" },
    encryptionAtHostEnabled: true,
});

new azure.compute.Image("worker-image", {
    resourceGroupName: group.name,
    osDisk: { osType: "Linux", osState: "Generalized", storageType: "Premium_LRS", managedDiskId: data.id, diskEncryptionSetId: diskKeys.id },
    sourceVirtualMachineId: worker.id,
    tags: { "expires-on": "2099-01-31" },
});

const gallery = new azure.compute.SharedImageGallery("golden", { resourceGroupName: group.name, sharing: { permission: "Private" } });
const image = new azure.compute.SharedImage("ubuntu", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    osType: "Linux",
    identifier: { publisher: "contoso", offer: "ubuntu", sku: "24_04" },
    endOfLifeDate: "2099-01-31T00:00:00Z",
});
new azure.compute.SharedImageVersion("ubuntu-1-0-0", {
    resourceGroupName: group.name,
    galleryName: gallery.name,
    imageName: image.name,
    managedImageId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/images/providers/Microsoft.Compute/images/base",
    targetRegions: [{ name: "westeurope", regionalReplicaCount: 1, diskEncryptionSetId: diskKeys.id }],
    endOfLifeDate: "2099-01-31T00:00:00Z",
});

// Immutable vaults (soft delete stays at azurerm's default, on); the Recovery Services vault is private.
const vault = new azure.dataprotection.BackupVault("backups", {
    resourceGroupName: group.name,
    datastoreType: "VaultStore",
    redundancy: "LocallyRedundant",
    immutability: "Locked",
});
const diskBackups = new azure.dataprotection.BackupPolicyDisk("disk-backups", {
    vaultId: vault.id,
    backupRepeatingTimeIntervals: ["R/2026-01-01T02:00:00+00:00/P1D"],
    defaultRetentionDuration: "P30D",
});
// The orders disk is backed up by the Backup vault.
new azure.dataprotection.BackupInstanceDisk("orders-data-backup", {
    vaultId: vault.id,
    diskId: data.id,
    snapshotResourceGroupName: group.name,
    backupPolicyId: diskBackups.id,
});
const rsVault = new azure.recoveryservices.Vault("vm-backups", {
    resourceGroupName: group.name, sku: "Standard", publicNetworkAccessEnabled: false, immutability: "Unlocked",
});
new azure.backup.PolicyVM("vm-daily", {
    resourceGroupName: group.name,
    recoveryVaultName: rsVault.name,
    backup: { frequency: "Daily", time: "23:00" },
    retentionDaily: { count: 30 },
});

// Reads disks and takes snapshots, but cannot export them.
new azure.authorization.RoleDefinition("disk-operator", {
    scope: "/subscriptions/00000000-0000-0000-0000-000000000000",
    permissions: [{ actions: ["Microsoft.Compute/disks/read", "Microsoft.Compute/snapshots/write"] }],
});
