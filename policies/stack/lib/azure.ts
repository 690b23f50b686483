// Azure facts the stack rules share: type tokens and customer keys of managed disks and snapshots.

import { enumIn, isUnknown, prop, UNKNOWN } from "../../../core/values";

export const Z = {
    disk: "azure-native:compute:Disk",
    snapshot: "azure-native:compute:Snapshot",
    virtualMachine: "azure-native:compute:VirtualMachine",
    backupInstance: "azure-native:dataprotection:BackupInstance",
    protectedItem: "azure-native:recoveryservices:ProtectedItem",
} as const;

/** The classic (azurerm) types the stack rules join. */
export const C = {
    managedDisk: "azure:compute/managedDisk:ManagedDisk",
    snapshot: "azure:compute/snapshot:Snapshot",
    linuxVirtualMachine: "azure:compute/linuxVirtualMachine:LinuxVirtualMachine",
    windowsVirtualMachine: "azure:compute/windowsVirtualMachine:WindowsVirtualMachine",
    virtualMachine: "azure:compute/virtualMachine:VirtualMachine",
    dataDiskAttachment: "azure:compute/dataDiskAttachment:DataDiskAttachment",
    backupInstanceDisk: "azure:dataprotection/backupInstanceDisk:BackupInstanceDisk",
    protectedVm: "azure:backup/protectedVM:ProtectedVM",
} as const;

export const DISKS = [Z.disk, C.managedDisk];
export const MACHINES = [Z.virtualMachine, C.linuxVirtualMachine, C.windowsVirtualMachine, C.virtualMachine];

/**
 * Whether a classic managed disk is encrypted with a customer key: `diskEncryptionSetId` (or a
 * confidential disk's `secureVmDiskEncryptionSetId`). An unknown id counts as set.
 */
export function classicCustomerKey(props: unknown): boolean {
    for (const key of ["diskEncryptionSetId", "secureVmDiskEncryptionSetId"]) {
        const value = prop(props, key);
        if (isUnknown(value) || (typeof value === "string" && value.trim() !== "")) return true;
    }
    return false;
}

/**
 * Whether a disk or snapshot is encrypted with a customer key: a disk encryption set, or an
 * `encryption.type` naming customer keys. UNKNOWN when the encryption block is unknown; an unknown
 * `diskEncryptionSetId` counts as set.
 */
export function azureCustomerKey(props: unknown): boolean | typeof UNKNOWN {
    const encryption = prop(props, "encryption");
    if (isUnknown(encryption)) return UNKNOWN;
    const set = prop(encryption, "diskEncryptionSetId");
    if (isUnknown(set) || (typeof set === "string" && set.trim() !== "")) return true;
    const type = enumIn(prop(encryption, "type"), "EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys");
    return isUnknown(type) ? UNKNOWN : type === true;
}
