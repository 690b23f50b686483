import type { DiskArgs, SnapshotArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, dig, isUnknown } from "../../core/values";

/** Omitted is fine (server-side encryption is always on); only an explicit `enabled: false` is flagged. */
function check(resource: string) {
    return (props: Record<string, unknown>): Finding[] => {
        const enabled = asBool(dig(props, "encryptionSettingsCollection", "enabled"));
        if (isUnknown(enabled)) {
            return [deferred("encryptionSettingsCollection.enabled")];
        }
        return enabled === false
            ? [violation("encryptionSettingsCollection.enabled", "Azure Disk Encryption is explicitly turned off",
                `remove \`encryptionSettingsCollection\` or set \`encryptionSettingsCollection.enabled: true\` with its key settings on the ${resource}`)]
            : [];
    };
}

export const diskEncryptionNotDisabled = defineRule({
    id: "azure-disk-encryption-not-disabled",
    cloud: "azure",
    title: "Managed disks and snapshots do not turn Azure Disk Encryption off",
    category: "encryption",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "`encryptionSettingsCollection.enabled: false` records that guest-level Azure Disk Encryption is off for the disk or " +
        "snapshot. Server-side encryption still applies, but a program that says so explicitly usually copied a disk whose " +
        "guest encryption was removed, and the copy is readable by anyone who can attach it.",
    remediation:
        "Leave `encryptionSettingsCollection` out of `azure-native.compute.Disk` and `azure-native.compute.Snapshot`, or set " +
        "`enabled: true` with the key vault secret and key settings of Azure Disk Encryption.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption-overview",
    controls: { checkov: ["CKV_AZURE_2"], trivy: ["AZU-0038"] },
    config: [],
    targets: [
        on<DiskArgs>("azure-native:compute:Disk", check("azure-native.compute.Disk")),
        on<SnapshotArgs>("azure-native:compute:Snapshot", check("azure-native.compute.Snapshot")),
    ],
});
