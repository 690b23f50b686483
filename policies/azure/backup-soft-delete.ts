import type { GalleryArgs } from "@pulumi/azure-native/compute";
import type { BackupVaultArgs } from "@pulumi/azure-native/dataprotection";
import type { BackupVaultArgs as ClassicBackupVaultArgs } from "@pulumi/azure/dataprotection";
import type { VaultArgs as ClassicVaultArgs } from "@pulumi/azure/recoveryservices";
import type { VaultArgs } from "@pulumi/azure-native/recoveryservices";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { asBool, dig, enumIn, isUnknown, prop } from "../../core/values";
import { requireFlag, requireState } from "./lib/settings";

export const backupSoftDelete = defineRule({
    id: "azure-backup-soft-delete",
    cloud: "azure",
    title: "Backup vaults and compute galleries keep deleted copies recoverable (soft delete)",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Soft delete keeps deleted backups and gallery images recoverable for a grace period, so a compromised account or a " +
        "mistaken clean-up does not destroy the last copy at once. The program should say so explicitly: a setting left to " +
        "the service default can be switched off later without any change under review, and galleries default to off.",
    remediation:
        "Set `properties.securitySettings.softDeleteSettings.state: \"AlwaysOn\"` (or \"On\") on " +
        "`azure-native.dataprotection.BackupVault`, `properties.securitySettings.softDeleteSettings.softDeleteState: " +
        "\"AlwaysON\"` (or \"Enabled\") on `azure-native.recoveryservices.Vault`, and `softDeletePolicy.isSoftDeleteEnabled: true` " +
        "on `azure-native.compute.Gallery`. The classic provider sets soft delete when it is omitted (`softDelete` \"On\" on " +
        "`azure.dataprotection.BackupVault`, `softDeleteEnabled` true on `azure.recoveryservices.Vault`), so only turning it " +
        "off there is flagged; `azure.compute.SharedImageGallery` has no soft-delete setting.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/backup/backup-azure-enhanced-soft-delete-about",
    controls: { "azure-policy": ["9798d31d-6028-4dee-8643-46102185c016", "31b8092a-36b8-434b-9af7-5ec844364148"] },
    config: [],
    targets: [
        on<BackupVaultArgs>("azure-native:dataprotection:BackupVault", (props) => requireState(props, {
            path: "properties.securitySettings.softDeleteSettings.state",
            good: ["On", "AlwaysOn"],
            omitted: "soft delete is not set in the program (softDeleteSettings.state omitted)",
            bad: "soft delete is turned off",
            fix: "set `properties.securitySettings.softDeleteSettings.state: \"AlwaysOn\"` (or \"On\") on the azure-native.dataprotection.BackupVault",
        })),
        on<VaultArgs>("azure-native:recoveryservices:Vault", (props) => requireState(props, {
            path: "properties.securitySettings.softDeleteSettings.softDeleteState",
            good: ["Enabled", "AlwaysON"],
            omitted: "soft delete is not set in the program (softDeleteState omitted)",
            bad: "soft delete is turned off",
            fix: "set `properties.securitySettings.softDeleteSettings.softDeleteState: \"AlwaysON\"` (or \"Enabled\") on the azure-native.recoveryservices.Vault",
        })),
        on<GalleryArgs>("azure-native:compute:Gallery", (props) => {
            const value = dig(props, "softDeletePolicy", "isSoftDeleteEnabled");
            const enabled = asBool(value);
            if (isUnknown(enabled)) {
                return [deferred("softDeletePolicy.isSoftDeleteEnabled")];
            }
            if (enabled === true) {
                return [];
            }
            return [violation("softDeletePolicy.isSoftDeleteEnabled",
                value === undefined ? "deleted image versions cannot be recovered (soft delete omitted means off)" : "soft delete is turned off",
                "set `softDeletePolicy.isSoftDeleteEnabled: true` on the azure-native.compute.Gallery")];
        }),
        // azurerm applies its default when the setting is omitted, and restores it on the next update: only "Off" / false fail.
        on<ClassicBackupVaultArgs>("azure:dataprotection/backupVault:BackupVault", (props) => {
            const off = enumIn(prop(props, "softDelete"), "Off");
            if (isUnknown(off)) return [deferred("softDelete")];
            return off === true
                ? [violation("softDelete", "soft delete is turned off", "set `softDelete: \"AlwaysOn\"` (or \"On\", the default) on the azure.dataprotection.BackupVault")]
                : [];
        }),
        on<ClassicVaultArgs>("azure:recoveryservices/vault:Vault", (props) => requireFlag(props, {
            path: "softDeleteEnabled",
            want: true,
            omitted: true,
            omittedProblem: "",
            bad: "soft delete is turned off",
            fix: "remove `softDeleteEnabled: false` from the azure.recoveryservices.Vault (the default is true)",
        })),
    ],
});
