import type { BackupVaultArgs } from "@pulumi/gcp/backupdisasterrecovery";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";

const docsUrl = "https://cloud.google.com/backup-disaster-recovery/docs/concepts/backup-vault";

export const backupVaultsRestricted = defineRule({
    id: "gcp-backup-vaults-restricted",
    cloud: "gcp",
    title: "Backup and DR vaults are not usable from outside the organization",
    category: "exposure",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "A Backup and DR backup vault holds full copies of disks and instances. With `accessRestriction: \"UNRESTRICTED\"` " +
        "backup plans and restores from projects outside the organization can use the vault, so its copies can leave the " +
        "organization. The provider default, `WITHIN_ORGANIZATION`, keeps it inside.",
    remediation:
        "Set `accessRestriction` on `gcp.backupdisasterrecovery.BackupVault` to `WITHIN_PROJECT` or `WITHIN_ORGANIZATION` " +
        "(or leave it out: the default is `WITHIN_ORGANIZATION`). Narrowing an existing vault may also need " +
        "`forceUpdateAccessRestriction: true`.",
    docsUrl,
    config: [],
    targets: [
        on<Pick<BackupVaultArgs, "accessRestriction">>("gcp:backupdisasterrecovery/backupVault:BackupVault", (props) => {
            const unrestricted = enumIn(prop(props, "accessRestriction"), "UNRESTRICTED");
            if (isUnknown(unrestricted)) {
                return [deferred("accessRestriction")];
            }
            return unrestricted
                ? [violation("accessRestriction", "the backup vault is usable from projects outside the organization (UNRESTRICTED)",
                    "set `accessRestriction` on the gcp.backupdisasterrecovery.BackupVault to `WITHIN_ORGANIZATION` or `WITHIN_PROJECT`")]
                : [];
        }),
    ],
});
