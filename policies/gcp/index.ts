// The Google Cloud rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { backupPlansRetained } from "./backup-plans-retained";
import { backupVaultsEnforceRetention } from "./backup-vaults-enforce-retention";
import { backupVaultsRestricted } from "./backup-vaults-restricted";
import { bootDisksOutliveInstances } from "./boot-disks-outlive-instances";
import { customerManagedKeys } from "./customer-managed-keys";
import { disksSnapshotBeforeDestroy } from "./disks-snapshot-before-destroy";
import { iamNotPublic } from "./iam-not-public";
import { noRawKeys } from "./no-raw-keys";
import { snapshotSchedulesRetained } from "./snapshot-schedules-retained";
import { snapshotsExpire } from "./snapshots-expire";

export const gcpRules: readonly Rule[] = [
    // exposure
    iamNotPublic,
    backupVaultsRestricted,
    // lifecycle
    snapshotSchedulesRetained,
    snapshotsExpire,
    backupPlansRetained,
    // keys
    customerManagedKeys,
    noRawKeys,
    // hardening
    disksSnapshotBeforeDestroy,
    backupVaultsEnforceRetention,
    bootDisksOutliveInstances,
];
