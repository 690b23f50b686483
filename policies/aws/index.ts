// The AWS rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { backupRetentionBounded } from "./backup-retention-bounded";
import { backupVaultNotPublic } from "./backup-vault-not-public";
import { customerManagedKeys } from "./customer-managed-keys";
import { databasesEncrypted } from "./databases-encrypted";
import { dbBackupsRetained } from "./db-backups-retained";
import { imagesExpire } from "./images-expire";
import { imagesNotPublic } from "./images-not-public";
import { snapshotBlockAllSharing } from "./snapshot-block-all-sharing";
import { snapshotBlockPublicAccess } from "./snapshot-block-public-access";
import { snapshotsEncrypted } from "./snapshots-encrypted";
import { snapshotsExpire } from "./snapshots-expire";
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
    snapshotsEncrypted,
    databasesEncrypted,
    // lifecycle
    dbBackupsRetained,
    backupRetentionBounded,
    imagesExpire,
    snapshotsExpire,
    // customer-managed keys (advisory)
    customerManagedKeys,
    // hardening (advisory)
    snapshotBlockAllSharing,
];
