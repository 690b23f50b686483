// The AWS rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { automatedBackupsOutliveDatabases } from "./automated-backups-outlive-databases";
import { backupCopiesTrusted } from "./backup-copies-trusted";
import { backupRetentionBounded } from "./backup-retention-bounded";
import { backupRecoveryPointsProtected } from "./backup-recovery-points-protected";
import { backupVaultNotPublic } from "./backup-vault-not-public";
import { cacheSnapshotsRetained } from "./cache-snapshots-retained";
import { customerManagedKeys } from "./customer-managed-keys";
import { databasesEncrypted } from "./databases-encrypted";
import { dbBackupsRetained } from "./db-backups-retained";
import { finalSnapshots } from "./final-snapshots";
import { imagesExpire } from "./images-expire";
import { imagesNotPublic } from "./images-not-public";
import { sharingPermissionsRestricted } from "./sharing-permissions-restricted";
import { snapshotBlockAllSharing } from "./snapshot-block-all-sharing";
import { snapshotBlockPublicAccess } from "./snapshot-block-public-access";
import { snapshotTagsCopied } from "./snapshot-tags-copied";
import { snapshotsEncrypted } from "./snapshots-encrypted";
import { snapshotsExpire } from "./snapshots-expire";
import { snapshotsNotPublic } from "./snapshots-not-public";
import { volumesDeletedWithInstance } from "./volumes-deleted-with-instance";
import { volumesEncrypted } from "./volumes-encrypted";

export const awsRules: readonly Rule[] = [
    // exposure
    imagesNotPublic,
    snapshotsNotPublic,
    snapshotBlockPublicAccess,
    backupVaultNotPublic,
    backupCopiesTrusted,
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
    sharingPermissionsRestricted,
    snapshotBlockAllSharing,
    backupRecoveryPointsProtected,
    finalSnapshots,
    automatedBackupsOutliveDatabases,
    snapshotTagsCopied,
    cacheSnapshotsRetained,
    volumesDeletedWithInstance,
];
