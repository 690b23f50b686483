// The gcp-insecure resources, fixed. `snapshot-guard scan examples/gcp-compliant
// --policy-pack-config examples/gcp-compliant/policy-config.json` reports nothing: no mandatory and
// no advisory finding.
import * as gcp from "@pulumi/gcp";

const zone = "europe-west1-b";

// ---- Keys ---------------------------------------------------------------------------------------

// One Cloud KMS key for disks, snapshots, images and the backup vault.
const keyRing = new gcp.kms.KeyRing("storage", { location: "europe-west1" });
const key = new gcp.kms.CryptoKey("disks", { keyRing: keyRing.id, rotationPeriod: "7776000s" });
const customerKey = { kmsKeySelfLink: key.id };

// ---- Snapshot schedule ----------------------------------------------------------------------

// Daily snapshots kept for two weeks, deleted on schedule even after their disk is gone.
const nightlySchedule = new gcp.compute.ResourcePolicy("nightly-schedule", {
    region: "europe-west1",
    snapshotSchedulePolicy: {
        schedule: { dailySchedule: { daysInCycle: 1, startTime: "03:00" } },
        retentionPolicy: { maxRetentionDays: 14, onSourceDiskDelete: "APPLY_RETENTION_POLICY" },
    },
});

// ---- Disks, snapshots and images --------------------------------------------------------------

// Every disk: on the customer key, a final snapshot before Pulumi destroys it, the nightly schedule.
const disk = new gcp.compute.Disk("orders-data", {
    zone,
    size: 100,
    type: "pd-balanced",
    diskEncryptionKey: customerKey,
    createSnapshotBeforeDestroy: true,
    resourcePolicies: [nightlySchedule.id],
});
new gcp.compute.Disk("scratch", {
    zone,
    size: 10,
    type: "pd-standard",
    diskEncryptionKey: customerKey,
    createSnapshotBeforeDestroy: true,
    resourcePolicies: [nightlySchedule.id],
});
const ledger = new gcp.compute.Disk("ledger-data", {
    zone,
    size: 50,
    type: "pd-ssd",
    diskEncryptionKey: customerKey,
    createSnapshotBeforeDestroy: true,
    resourcePolicies: [nightlySchedule.id],
});

// Images and snapshots on the customer key too, each with an expiry label.
const image = new gcp.compute.Image("golden", {
    sourceDisk: disk.id,
    sourceDiskEncryptionKey: customerKey,
    imageEncryptionKey: customerKey,
    labels: { "retention-days": "180" },
});
const snapshot = new gcp.compute.Snapshot("orders-data-nightly", {
    sourceDisk: disk.name,
    zone,
    sourceDiskEncryptionKey: customerKey,
    snapshotEncryptionKey: customerKey,
    labels: { "retention-days": "30" },
});
new gcp.compute.Snapshot("ledger-data-snapshot", {
    sourceDisk: ledger.name,
    zone,
    sourceDiskEncryptionKey: customerKey,
    snapshotEncryptionKey: customerKey,
    labels: { "retention-days": "30" },
});

// ---- IAM ------------------------------------------------------------------------------------

// Access only for named groups in a domain listed in trustedDomains (policy-config.json).
new gcp.compute.ImageIamMember("golden-users", {
    image: image.name, role: "roles/compute.imageUser", member: "group:platform@example.com",
});
new gcp.compute.DiskIamBinding("orders-data-readers", {
    name: disk.name,
    zone,
    role: "roles/compute.viewer",
    members: ["group:platform@example.com"],
});
new gcp.compute.SnapshotIamPolicy("orders-data-nightly-policy", {
    name: snapshot.name,
    policyData: JSON.stringify({ bindings: [{ role: "roles/compute.storageAdmin", members: ["group:backup-admins@example.com"] }] }),
});

// ---- Instances ------------------------------------------------------------------------------

// The boot disk is created on the customer key with the nightly schedule.
new gcp.compute.Instance("worker", {
    zone,
    machineType: "e2-small",
    bootDisk: {
        kmsKeySelfLink: key.id,
        initializeParams: { image: "debian-cloud/debian-12", resourcePolicies: nightlySchedule.id },
    },
    networkInterfaces: [{ network: "default" }],
});

// ---- Backup and DR --------------------------------------------------------------------------

// A vault usable only inside the organization, on the customer key, that enforces a week of
// retention and is never force-deleted with its backups.
const vault = new gcp.backupdisasterrecovery.BackupVault("backups", {
    location: "europe-west1",
    backupVaultId: "orders-backups",
    backupMinimumEnforcedRetentionDuration: "604800s",
    accessRestriction: "WITHIN_ORGANIZATION",
    encryptionConfig: { kmsKeyName: key.id },
});

// Daily backups kept for 30 days.
new gcp.backupdisasterrecovery.BackupPlan("daily", {
    location: "europe-west1",
    backupPlanId: "orders-daily",
    resourceType: "compute.googleapis.com/Instance",
    backupVault: vault.id,
    backupRules: [{
        ruleId: "daily",
        backupRetentionDays: 30,
        standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC", backupWindow: { startHourOfDay: 1, endHourOfDay: 5 } },
    }],
});
