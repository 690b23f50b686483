// The AWS rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { backupVaultNotPublic } from "./backup-vault-not-public";
import { dbBackupsRetained } from "./db-backups-retained";
import { imagesNotPublic } from "./images-not-public";
import { snapshotBlockAllSharing } from "./snapshot-block-all-sharing";
import { snapshotBlockPublicAccess } from "./snapshot-block-public-access";
import { snapshotsNotPublic } from "./snapshots-not-public";
import { volumesEncrypted } from "./volumes-encrypted";

export const awsRules: readonly Rule[] = [
    // exposure
    imagesNotPublic,
    snapshotsNotPublic,
    snapshotBlockPublicAccess,
    backupVaultNotPublic,
    // encryption
    volumesEncrypted,
    // lifecycle
    dbBackupsRetained,
    // hardening (advisory)
    snapshotBlockAllSharing,
];
