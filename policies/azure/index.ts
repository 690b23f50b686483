// The Azure rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { backupImmutability } from "./backup-immutability";
import { backupRetention } from "./backup-retention";
import { backupSoftDelete } from "./backup-soft-delete";
import { backupVaultsPrivate } from "./backup-vaults-private";
import { customerManagedKeys } from "./customer-managed-keys";
import { customRolesNoDiskExport } from "./custom-roles-no-disk-export";
import { diskAccessEntraAuth } from "./disk-access-entra-auth";
import { diskEncryptionNotDisabled } from "./disk-encryption-not-disabled";
import { diskEncryptionSetRotation } from "./disk-encryption-set-rotation";
import { disksNotExportable } from "./disks-not-exportable";
import { encryptionAtHost } from "./encryption-at-host";
import { galleriesNotPublic } from "./galleries-not-public";
import { galleryImagesExpire } from "./gallery-images-expire";
import { gallerySharingTrusted } from "./gallery-sharing-trusted";
import { imageVersionsExpire } from "./image-versions-expire";
import { snapshotsExpire } from "./snapshots-expire";

export const azureRules: readonly Rule[] = [
    // Exposure
    disksNotExportable,
    galleriesNotPublic,
    gallerySharingTrusted,
    backupVaultsPrivate,
    diskAccessEntraAuth,
    // Lifecycle and retention
    imageVersionsExpire,
    snapshotsExpire,
    backupRetention,
    galleryImagesExpire,
    backupImmutability,
    backupSoftDelete,
    // Keys
    customerManagedKeys,
    encryptionAtHost,
    diskEncryptionSetRotation,
    diskEncryptionNotDisabled,
    // Who may export
    customRolesNoDiskExport,
];
