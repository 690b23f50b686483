// Insecure on purpose: every resource below is something snapshot-guard blocks or warns about.
// `snapshot-guard scan examples/gcp-insecure` lists the findings; expected-findings.json holds them
// and README.md maps each rule to the resources that demonstrate it.
import * as gcp from "@pulumi/gcp";

const zone = "europe-west1-b";
const ledgerKey = "projects/orders-prod/locations/europe-west1/keyRings/storage/cryptoKeys/ledger";

// ---- Disks, snapshots and images --------------------------------------------------------------

// A Google-managed key, no final snapshot when Pulumi destroys it, and no snapshot schedule.
const disk = new gcp.compute.Disk("orders-data", { zone, size: 100, type: "pd-balanced" });

// An image and a snapshot of it that never expire (no expiry label).
const image = new gcp.compute.Image("golden", { sourceDisk: disk.id });
const snapshot = new gcp.compute.Snapshot("orders-data-nightly", { sourceDisk: disk.name, zone });

// A customer-supplied key written into the program (and so into the state and source control).
new gcp.compute.Disk("scratch", {
    zone,
    size: 10,
    type: "pd-standard",
    diskEncryptionKey: { rawKey: "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0=" },
    createSnapshotBeforeDestroy: true,
});

// A snapshot schedule that keeps every snapshot forever, attached to a disk on a customer key...
const nightlySchedule = new gcp.compute.ResourcePolicy("nightly-schedule", {
    region: "europe-west1",
    snapshotSchedulePolicy: { schedule: { dailySchedule: { daysInCycle: 1, startTime: "03:00" } } },
});
const ledger = new gcp.compute.Disk("ledger-data", {
    zone,
    size: 50,
    type: "pd-ssd",
    diskEncryptionKey: { kmsKeySelfLink: ledgerKey },
    createSnapshotBeforeDestroy: true,
    resourcePolicies: [nightlySchedule.id],
});

// ...and a manual snapshot of that disk that falls back to a Google-managed key.
new gcp.compute.Snapshot("ledger-data-snapshot", {
    sourceDisk: ledger.name,
    zone,
    sourceDiskEncryptionKey: { kmsKeySelfLink: ledgerKey },
    labels: { "retention-days": "30" },
});

// ---- IAM ------------------------------------------------------------------------------------

// Anyone on the internet may use the image.
new gcp.compute.ImageIamMember("golden-public", { image: image.name, role: "roles/compute.imageUser", member: "allUsers" });

// Any Google account may read the disk.
new gcp.compute.DiskIamBinding("orders-data-readers", {
    name: disk.name,
    zone,
    role: "roles/compute.viewer",
    members: ["group:platform@example.com", "allAuthenticatedUsers"],
});

// A whole policy document that makes the snapshot public.
new gcp.compute.SnapshotIamPolicy("orders-data-nightly-policy", {
    name: snapshot.name,
    policyData: JSON.stringify({ bindings: [{ role: "roles/compute.storageAdmin", members: ["allUsers"] }] }),
});

// ---- Instances ------------------------------------------------------------------------------

// The boot disk is created on a Google-managed key, has no snapshot schedule and is deleted with
// the instance.
new gcp.compute.Instance("worker", {
    zone,
    machineType: "e2-small",
    bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } },
    networkInterfaces: [{ network: "default" }],
});

// ---- Backup and DR --------------------------------------------------------------------------

// A vault any project outside the organization may use, with no enforced minimum retention, that
// is force-deleted with its backups, on a Google-managed key.
const vault = new gcp.backupdisasterrecovery.BackupVault("backups", {
    location: "europe-west1",
    backupVaultId: "orders-backups",
    backupMinimumEnforcedRetentionDuration: "0s",
    accessRestriction: "UNRESTRICTED",
    forceDelete: true,
});

// Daily backups kept for three days: less than the seven-day minimum.
new gcp.backupdisasterrecovery.BackupPlan("daily", {
    location: "europe-west1",
    backupPlanId: "orders-daily",
    resourceType: "compute.googleapis.com/Instance",
    backupVault: vault.id,
    backupRules: [{
        ruleId: "daily",
        backupRetentionDays: 3,
        standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC", backupWindow: { startHourOfDay: 1, endHourOfDay: 5 } },
    }],
});

// ---- IAM above the images ---------------------------------------------------------------------

// One binding on the project lets every Google account use every image of the project.
new gcp.projects.IAMMember("project-image-users", {
    project: "acme-images",
    role: "roles/compute.imageUser",
    member: "allAuthenticatedUsers",
});
