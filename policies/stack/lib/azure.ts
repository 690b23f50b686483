// Azure facts the stack rules share: type tokens and customer keys of managed disks and snapshots.

import { enumIn, isUnknown, prop, UNKNOWN } from "../../../core/values";

export const Z = {
    disk: "azure-native:compute:Disk",
    snapshot: "azure-native:compute:Snapshot",
    virtualMachine: "azure-native:compute:VirtualMachine",
    backupInstance: "azure-native:dataprotection:BackupInstance",
    protectedItem: "azure-native:recoveryservices:ProtectedItem",
} as const;

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
