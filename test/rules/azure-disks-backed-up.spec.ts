import { azureDisksBackedUp as rule } from "../../policies/stack/azure-disks-backed-up";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const DISK = "azure-native:compute:Disk";
const VM = "azure-native:compute:VirtualMachine";
const BACKUP_INSTANCE = "azure-native:dataprotection:BackupInstance";
const PROTECTED_ITEM = "azure-native:recoveryservices:ProtectedItem";
const RG = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers";
const diskId = `${RG}/Microsoft.Compute/disks/data`;
const vmId = `${RG}/Microsoft.Compute/virtualMachines/app`;

const disk: StackFixture = { type: DISK, name: "data", props: { id: diskId, resourceGroupName: "rg", creationData: { createOption: "Empty" }, diskSizeGB: 64 } };
const backupInstance = (resourceID: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: BACKUP_INSTANCE, name: "bi", props: { resourceGroupName: "rg", vaultName: "vault", properties: { objectType: "BackupInstance", dataSourceInfo: { resourceID, objectType: "Datasource" }, policyInfo: { policyId: "p" } } }, ...extra,
});
const machine = (storageProfile: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({ type: VM, name: "app", props: { id: vmId, resourceGroupName: "rg", storageProfile }, ...extra });
const protectedItem = (sourceResourceId: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: PROTECTED_ITEM, name: "pi", props: { containerName: "c", fabricName: "Azure", resourceGroupName: "rg", vaultName: "rsv", properties: { protectedItemType: "Microsoft.Compute/virtualMachines", sourceResourceId, policyId: "p" } }, ...extra,
});

describeStackRule(rule, [
    { name: "disk with a backup instance (by id)", resources: [disk, backupInstance(diskId)], expect: "pass" },
    { name: "disk without any backup", resources: [disk], expect: "report", reported: ["data"], paths: [""],
        message: /^no Backup vault backup instance covers this managed disk and no Recovery Services protected item covers a VM that attaches it; add an azure-native\.dataprotection\.BackupInstance/ },
    { name: "backup instance of another disk", resources: [disk, backupInstance(`${RG}/Microsoft.Compute/disks/other`)], expect: "report", reported: ["data"] },
    { name: "backup instance through propertyDependencies during preview", resources: [disk, backupInstance(UNKNOWN, { propertyDependencies: { properties: ["data"] } })], expect: "pass" },
    { name: "ids match case-insensitively", resources: [disk, backupInstance(diskId.toLowerCase())], expect: "pass" },
    { name: "versioned azure-native tokens", resources: [{ ...disk, type: "azure-native:compute/v20240302:Disk" }, { ...backupInstance(diskId), type: "azure-native:dataprotection/v20250101:BackupInstance" }], expect: "pass" },
    { name: "backup instance target unknown during preview", resources: [disk, backupInstance(UNKNOWN)], expect: "defer", paths: ["bi.properties.dataSourceInfo.resourceID"] },
    { name: "disk attached to a VM protected by Recovery Services (by ids)", resources: [disk, machine({ osDisk: { createOption: "FromImage" }, dataDisks: [{ lun: 0, createOption: "Attach", managedDisk: { id: diskId } }] }), protectedItem(vmId)], expect: "pass" },
    { name: "disk attached to a protected VM through dependencies during preview", resources: [disk, machine({ dataDisks: [{ lun: 0, managedDisk: { id: UNKNOWN } }] }, { propertyDependencies: { storageProfile: ["data"] } }), protectedItem(UNKNOWN, { propertyDependencies: { properties: ["app"] } })], expect: "pass" },
    { name: "disk attached to an unprotected VM", resources: [disk, machine({ dataDisks: [{ lun: 0, managedDisk: { id: diskId } }] })], expect: "report", reported: ["data"] },
    { name: "protected item's VM unknown during preview", resources: [disk, protectedItem(UNKNOWN)], expect: "defer", paths: ["pi.properties.sourceResourceId"] },
    { name: "exempted disk", resources: [disk], config: { exemptions: [{ resource: "data", reason: "cache disk", expires: "2027-01-01" }] }, expect: "exempt" },
    { name: "invalid config", resources: [disk], config: { trustedTenantIds: [] }, expect: "report", message: /invalid policy config/ },
]);

// ---- Classic azure (azurerm): BackupInstanceDisk.diskId, ProtectedVM.sourceVmId and the disks a VM attaches ----

const MANAGED_DISK = "azure:compute/managedDisk:ManagedDisk";
const classicDiskId = `${RG}/Microsoft.Compute/disks/classic`;
const classicVmId = `${RG}/Microsoft.Compute/virtualMachines/worker`;
const classicDisk: StackFixture = { type: MANAGED_DISK, name: "classic", props: { id: classicDiskId, resourceGroupName: "rg", createOption: "Empty", storageAccountType: "Premium_LRS" } };
const diskBackup = (diskIdValue: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: "azure:dataprotection/backupInstanceDisk:BackupInstanceDisk", name: "bid", props: { vaultId: "v", backupPolicyId: "p", snapshotResourceGroupName: "rg", diskId: diskIdValue }, ...extra,
});
const protectedVm = (sourceVmId: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: "azure:backup/protectedVM:ProtectedVM", name: "pvm", props: { resourceGroupName: "rg", recoveryVaultName: "rsv", backupPolicyId: "p", sourceVmId }, ...extra,
});
const linuxVm = (props: Record<string, unknown> = {}): StackFixture => ({ type: "azure:compute/linuxVirtualMachine:LinuxVirtualMachine", name: "worker", props: { id: classicVmId, resourceGroupName: "rg", ...props } });

describeStackRule(rule, [
    { name: "classic disk with a BackupInstanceDisk (by id)", resources: [classicDisk, diskBackup(classicDiskId)], expect: "pass" },
    { name: "classic disk without any backup", resources: [classicDisk], expect: "report", reported: ["classic"], paths: [""], message: /azure\.dataprotection\.BackupInstanceDisk/ },
    { name: "classic disk backed up by reference during preview", resources: [classicDisk, diskBackup(UNKNOWN, { propertyDependencies: { diskId: ["classic"] } })], expect: "pass" },
    { name: "classic disk attached to a protected Linux VM (DataDiskAttachment)", resources: [
        classicDisk, linuxVm(),
        { type: "azure:compute/dataDiskAttachment:DataDiskAttachment", name: "att", props: { managedDiskId: classicDiskId, virtualMachineId: classicVmId, lun: 1, caching: "None" } },
        protectedVm(classicVmId),
    ], expect: "pass" },
    { name: "classic OS disk of a protected VM (osManagedDiskId by reference)", resources: [
        classicDisk, { ...linuxVm({ osManagedDiskId: UNKNOWN }), propertyDependencies: { osManagedDiskId: ["classic"] } }, protectedVm(UNKNOWN, { propertyDependencies: { sourceVmId: ["worker"] } }),
    ], expect: "pass" },
    { name: "classic disk of a legacy VM protected by an azure-native protected item", resources: [
        classicDisk, { type: "azure:compute/virtualMachine:VirtualMachine", name: "legacy", props: { id: classicVmId, storageOsDisk: { name: "os", createOption: "Attach", managedDiskId: classicDiskId } } },
        protectedItem(classicVmId),
    ], expect: "pass" },
    { name: "protected VM that does not attach the disk", resources: [classicDisk, linuxVm(), protectedVm(classicVmId)], expect: "report", reported: ["classic"] },
    { name: "azure-native disk backed up by a classic BackupInstanceDisk", resources: [disk, diskBackup(diskId)], expect: "pass" },
    { name: "protected VM unknown during preview", resources: [classicDisk, protectedVm(UNKNOWN)], expect: "defer", paths: ["pvm.sourceVmId"] },
]);
