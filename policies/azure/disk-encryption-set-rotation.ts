import type { DiskEncryptionSetArgs as ClassicDiskEncryptionSetArgs } from "@pulumi/azure/compute";
import type { DiskEncryptionSetArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";

/** `key` must be true; both providers default it to false. */
function requireRotation(props: unknown, key: string, resource: string): Finding[] {
    const value = prop(props, key);
    const enabled = asBool(value);
    if (isUnknown(enabled)) {
        return [deferred(key)];
    }
    if (enabled === true) {
        return [];
    }
    return [violation(key,
        value === undefined ? `key rotation is not followed (${key} omitted means false)` : `key rotation is not followed (${key} is not true)`,
        `set \`${key}: true\` on the ${resource}`)];
}

export const diskEncryptionSetRotation = defineRule({
    id: "azure-disk-encryption-set-rotation",
    cloud: "azure",
    title: "Disk encryption sets follow the latest version of their key",
    category: "encryption",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "A disk encryption set pins one version of its Key Vault key unless `rotationToLatestKeyVersionEnabled` is on. When " +
        "the key is rotated in Key Vault (by policy or after a compromise), the disks keep using the old version until " +
        "someone updates every set by hand.",
    remediation:
        "Set `rotationToLatestKeyVersionEnabled: true` on `azure-native.compute.DiskEncryptionSet` and reference the key without " +
        "a version in `activeKey.keyUrl` (classic `azure.compute.DiskEncryptionSet`: `autoKeyRotationEnabled: true` and a versionless " +
        "`keyVaultKeyId`). The setting changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#automatic-key-rotation-of-customer-managed-keys",
    controls: {},
    config: [],
    targets: [
        on<DiskEncryptionSetArgs>("azure-native:compute:DiskEncryptionSet", (props) =>
            requireRotation(props, "rotationToLatestKeyVersionEnabled", "azure-native.compute.DiskEncryptionSet")),
        on<ClassicDiskEncryptionSetArgs>("azure:compute/diskEncryptionSet:DiskEncryptionSet", (props) =>
            requireRotation(props, "autoKeyRotationEnabled", "azure.compute.DiskEncryptionSet")),
    ],
});
