import type { ManagedDiskArgs, SnapshotArgs as ClassicSnapshotArgs } from "@pulumi/azure/compute";
import type { DiskArgs, SnapshotArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { applyEdits, assign, at } from "../../core/fix";
import { asBool, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { azurermExportSettings, nativeExportSettings, type ExportSettings } from "./lib/disk-export";

const docsUrl = "https://learn.microsoft.com/en-us/azure/virtual-machines/disks-restrict-import-export-overview";

/**
 * Export (a SAS URL to the whole disk) must not be reachable from the internet: `networkAccessPolicy`
 * `DenyAll`, or `AllowPrivate` through a DiskAccess, or public network access off. Omitted
 * `networkAccessPolicy` means the service default, export from any network; omitted public network
 * access counts as enabled in both providers.
 */
function requireNotExportable(settings: ExportSettings): Finding[] {
    const { publicDisabled, publicPath, fix } = settings;
    if (publicDisabled === true) {
        return [];
    }
    const policy = settings.networkAccessPolicy;
    if (isUnknown(policy)) {
        return isUnknown(publicDisabled)
            ? [deferred("networkAccessPolicy"), deferred(publicPath)]
            : [deferred("networkAccessPolicy")];
    }
    const allowPrivate = enumIn(policy, "AllowPrivate") === true;
    // Presence check: an unknown diskAccessId counts as set.
    if (enumIn(policy, "DenyAll") === true || (allowPrivate && settings.diskAccessSet)) {
        return [];
    }
    if (isUnknown(publicDisabled)) {
        return [deferred(publicPath)];
    }
    const publicState = settings.publicState;
    if (allowPrivate) {
        return [violation("diskAccessId",
            `disk export is AllowPrivate but no DiskAccess private endpoint restricts it (diskAccessId omitted; ${publicState})`, fix)];
    }
    const policyState = policy === undefined ? "networkAccessPolicy omitted means AllowAll"
        : enumIn(policy, "AllowAll") === true ? "networkAccessPolicy is AllowAll"
            : "networkAccessPolicy is neither DenyAll nor AllowPrivate";
    return [violation("networkAccessPolicy", `disk export is open to any network (${policyState}; ${publicState})`, fix)];
}

/**
 * Remediation: `networkAccessPolicy: "DenyAll"` (an `AllowPrivate` with a `diskAccessId` is kept)
 * and public network access off (`publicNetworkAccess: "Disabled"` in azure-native,
 * `publicNetworkAccessEnabled: false` in classic azure). Both change in place; unknown values are left alone.
 */
function denyExport(publicKey: string, off: string | boolean, isOff: (current: unknown) => boolean) {
    return (props: Record<string, unknown>): Record<string, unknown> | undefined => {
        const privateAccess = enumIn(prop(props, "networkAccessPolicy"), "AllowPrivate") === true && isSet(props, "diskAccessId");
        return applyEdits(props,
            at(["networkAccessPolicy"], assign("DenyAll", (current) => privateAccess || enumIn(current, "DenyAll") === true)),
            at([publicKey], assign(off, isOff)));
    };
}

const denyNativeExport = denyExport("publicNetworkAccess", "Disabled", (current) => enumIn(current, "Disabled") === true);
const denyClassicExport = denyExport("publicNetworkAccessEnabled", false, (current) => asBool(current) === false);

export const disksNotExportable = defineRule({
    id: "azure-disks-not-exportable",
    cloud: "azure",
    title: "Managed disks and snapshots cannot be exported from the internet",
    category: "exposure",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Anyone allowed to export a managed disk or snapshot gets a SAS URL to download the whole disk: operating system, " +
        "keys and data. Unless the network access policy says otherwise, Azure lets that URL be used from any network, " +
        "so one leaked or over-broad permission turns into a full copy of the machine outside the company's networks.",
    remediation:
        "On `azure-native.compute.Disk` and `azure-native.compute.Snapshot` set `networkAccessPolicy: \"DenyAll\"` when the disk " +
        "never needs exporting, or `networkAccessPolicy: \"AllowPrivate\"` with `diskAccessId` set to the id of an " +
        "`azure-native.compute.DiskAccess` that has a private endpoint; also set `publicNetworkAccess: \"Disabled\"`. " +
        "Both properties change in place; they do not recreate the disk. With the classic `azure` provider set the same " +
        "`networkAccessPolicy` (and `diskAccessId`) on `azure.compute.ManagedDisk` and `azure.compute.Snapshot`, and " +
        "`publicNetworkAccessEnabled: false` (azurerm defaults it to true).",
    docsUrl,
    controls: {
        checkov: ["CKV_AZURE_251"],
        "azure-policy": [
            "8405fdab-1faf-48aa-b702-999c9c172094",
            "8426280e-b5be-43d9-979e-653d12a08638",
            "44a0b5ee-56f4-4285-a136-9e6dc3471011",
        ],
    },
    config: [],
    targets: [
        on<DiskArgs>("azure-native:compute:Disk", (props) =>
            requireNotExportable(nativeExportSettings(props, "azure-native.compute.Disk")), denyNativeExport),
        on<SnapshotArgs>("azure-native:compute:Snapshot", (props) =>
            requireNotExportable(nativeExportSettings(props, "azure-native.compute.Snapshot")), denyNativeExport),
        on<ManagedDiskArgs>("azure:compute/managedDisk:ManagedDisk", (props) =>
            requireNotExportable(azurermExportSettings(props, "azure.compute.ManagedDisk")), denyClassicExport),
        on<ClassicSnapshotArgs>("azure:compute/snapshot:Snapshot", (props) =>
            requireNotExportable(azurermExportSettings(props, "azure.compute.Snapshot")), denyClassicExport),
    ],
});
