import type { DiskEncryptionSetArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";

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
        "a version in `activeKey.keyUrl`. The setting changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#automatic-key-rotation-of-customer-managed-keys",
    controls: {},
    config: [],
    targets: [
        on<DiskEncryptionSetArgs>("azure-native:compute:DiskEncryptionSet", (props) => {
            const value = prop(props, "rotationToLatestKeyVersionEnabled");
            const enabled = asBool(value);
            if (isUnknown(enabled)) {
                return [deferred("rotationToLatestKeyVersionEnabled")];
            }
            if (enabled === true) {
                return [];
            }
            return [violation("rotationToLatestKeyVersionEnabled",
                value === undefined ? "key rotation is not followed (rotationToLatestKeyVersionEnabled omitted means false)"
                    : "key rotation is not followed (rotationToLatestKeyVersionEnabled is not true)",
                "set `rotationToLatestKeyVersionEnabled: true` on the azure-native.compute.DiskEncryptionSet")];
        }),
    ],
});
