// Readers for the export settings of managed disks and snapshots, one per provider input shape.
// azure-native mirrors the ARM API (`publicNetworkAccess: "Enabled" | "Disabled"`); the classic
// azure provider follows azurerm (`publicNetworkAccessEnabled`, a boolean that defaults to true).
// Both have `networkAccessPolicy` (omitted means AllowAll) and `diskAccessId`.

import { asBool, enumIn, isSet, isUnknown, prop, UNKNOWN, type Unknown } from "../../../core/values";

export interface ExportSettings {
    /** Property path of the public network switch. */
    publicPath: string;
    /** True when public network access is definitely off. */
    publicDisabled: boolean | Unknown;
    /** How the public switch reads in a message when it is not off. */
    publicState: string;
    networkAccessPolicy: unknown;
    diskAccessSet: boolean;
    /** The fix in the provider's terms. */
    fix: string;
}

/** azure-native `Disk` / `Snapshot`: `publicNetworkAccess` omitted counts as Enabled. */
export function nativeExportSettings(props: unknown, resource: string): ExportSettings {
    const publicAccess = prop(props, "publicNetworkAccess");
    const disabled = enumIn(publicAccess, "Disabled");
    return {
        publicPath: "publicNetworkAccess",
        publicDisabled: isUnknown(disabled) ? UNKNOWN : disabled === true,
        publicState: publicAccess === undefined ? "publicNetworkAccess omitted means Enabled" : "publicNetworkAccess is not Disabled",
        networkAccessPolicy: prop(props, "networkAccessPolicy"),
        diskAccessSet: isSet(props, "diskAccessId"),
        fix: `set \`networkAccessPolicy: "DenyAll"\` (or "AllowPrivate" with \`diskAccessId\` of an azure-native.compute.DiskAccess) ` +
            `and \`publicNetworkAccess: "Disabled"\` on the ${resource}`,
    };
}

/** Classic azure `ManagedDisk` / `Snapshot`: `publicNetworkAccessEnabled` omitted means true (azurerm default). */
export function azurermExportSettings(props: unknown, resource: string): ExportSettings {
    const enabled = asBool(prop(props, "publicNetworkAccessEnabled"));
    return {
        publicPath: "publicNetworkAccessEnabled",
        publicDisabled: isUnknown(enabled) ? UNKNOWN : enabled === false,
        publicState: enabled === undefined ? "publicNetworkAccessEnabled omitted means true" : "publicNetworkAccessEnabled is true",
        networkAccessPolicy: prop(props, "networkAccessPolicy"),
        diskAccessSet: isSet(props, "diskAccessId"),
        fix: `set \`networkAccessPolicy: "DenyAll"\` (or "AllowPrivate" with \`diskAccessId\` of an azure.compute.DiskAccess) ` +
            `and \`publicNetworkAccessEnabled: false\` on the ${resource}`,
    };
}
