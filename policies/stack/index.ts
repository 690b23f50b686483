// The cross-resource rules (AnalyzeStack), in the order they are listed. Their files are named
// after the full rule id; a meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { awsAccountGuardrails } from "./aws-account-guardrails";
import { awsBackupVaultsLocked } from "./aws-backup-vaults-locked";
import { awsDataKeysNotShared } from "./aws-data-keys-not-shared";
import { awsKmsKeysNotShared } from "./aws-kms-keys-not-shared";
import { awsRamImageSharesTrusted } from "./aws-ram-image-shares-trusted";
import { awsSnapshotsFromEncryptedSources } from "./aws-snapshots-from-encrypted-sources";
import { awsStorageBackedUp } from "./aws-storage-backed-up";
import { azureDisksBackedUp } from "./azure-disks-backed-up";
import { azureSnapshotsKeepCustomerKeys } from "./azure-snapshots-keep-customer-keys";
import { gcpCopiesKeepCustomerKeys } from "./gcp-copies-keep-customer-keys";
import { gcpDisksSnapshotScheduled } from "./gcp-disks-snapshot-scheduled";
import { gcpProjectIamNotPublic } from "./gcp-project-iam-not-public";

export const stackRules: readonly Rule[] = [
    awsSnapshotsFromEncryptedSources,
    gcpProjectIamNotPublic,
    awsDataKeysNotShared,
    awsRamImageSharesTrusted,
    gcpCopiesKeepCustomerKeys,
    azureSnapshotsKeepCustomerKeys,
    awsStorageBackedUp,
    awsBackupVaultsLocked,
    gcpDisksSnapshotScheduled,
    azureDisksBackedUp,
    awsAccountGuardrails,
    awsKmsKeysNotShared,
];
