// Violating and compliant snippets for the Google Cloud resource rules.
import { ext, resource, type Example, type RuleExamples } from "./model";

const one = (type: string, name: string, props: Record<string, unknown>, extra: Omit<Example, "resources"> = {}): Example =>
    ({ resources: [resource(type, name, props)], ...extra });

const keyId = ext("key.id", "projects/sec/locations/us/keyRings/disks/cryptoKeys/disk-key");
const disk = { zone: "us-central1-a", size: 100 };
const schedule = { dailySchedule: { daysInCycle: 1, startTime: "04:00" } };
const backupSchedule = { recurrenceType: "DAILY", timeZone: "UTC", backupWindow: { startHourOfDay: 0, endHourOfDay: 6 } };
const backupPlan = (days: number) => ({
    backupPlanId: "daily", location: "us-central1", backupVault: ext("vault.id", "projects/p/locations/us-central1/backupVaults/vault"),
    resourceType: "compute.googleapis.com/Instance",
    backupRules: [{ ruleId: "daily", backupRetentionDays: days, standardSchedule: backupSchedule }],
});
const vault = { backupVaultId: "vault", location: "us-central1" };
const sourceDisk = ext("data.id", "projects/p/zones/us-central1-a/disks/data");

export const gcpSnippets: Record<string, RuleExamples> = {
    "gcp-iam-not-public": {
        violating: one("gcp:compute/imageIamMember:ImageIamMember", "public", { image: ext("image.name", "golden"), role: "roles/compute.imageUser", member: "allUsers" }),
        compliant: one("gcp:compute/imageIamMember:ImageIamMember", "team", { image: ext("image.name", "golden"), role: "roles/compute.imageUser", member: "group:platform@example.com" },
            { config: { trustedDomains: ["example.com"] } }),
    },
    "gcp-backup-vaults-restricted": {
        violating: one("gcp:backupdisasterrecovery/backupVault:BackupVault", "vault", { ...vault, backupMinimumEnforcedRetentionDuration: "604800s", accessRestriction: "UNRESTRICTED" }),
        compliant: one("gcp:backupdisasterrecovery/backupVault:BackupVault", "vault", { ...vault, backupMinimumEnforcedRetentionDuration: "604800s", accessRestriction: "WITHIN_ORGANIZATION" }),
    },
    "gcp-snapshot-schedules-retained": {
        violating: one("gcp:compute/resourcePolicy:ResourcePolicy", "daily", { region: "us-central1", snapshotSchedulePolicy: { schedule } }),
        compliant: one("gcp:compute/resourcePolicy:ResourcePolicy", "daily", {
            region: "us-central1", snapshotSchedulePolicy: { schedule, retentionPolicy: { maxRetentionDays: 14, onSourceDiskDelete: "APPLY_RETENTION_POLICY" } },
        }),
    },
    "gcp-snapshots-expire": {
        violating: one("gcp:compute/snapshot:Snapshot", "before-upgrade", { sourceDisk, zone: "us-central1-a" }),
        compliant: one("gcp:compute/snapshot:Snapshot", "before-upgrade", { sourceDisk, zone: "us-central1-a", labels: { "retention-days": "30" } }),
    },
    "gcp-backup-plans-retained": {
        violating: one("gcp:backupdisasterrecovery/backupPlan:BackupPlan", "daily", backupPlan(3)),
        compliant: one("gcp:backupdisasterrecovery/backupPlan:BackupPlan", "daily", backupPlan(30)),
    },
    "gcp-customer-managed-keys": {
        violating: one("gcp:compute/disk:Disk", "data", { ...disk }),
        compliant: one("gcp:compute/disk:Disk", "data", { ...disk, diskEncryptionKey: { kmsKeySelfLink: keyId } }),
    },
    "gcp-no-raw-keys": {
        violating: one("gcp:compute/disk:Disk", "data", { ...disk, diskEncryptionKey: { rawKey: ext("config.requireSecret(\"diskKey\")", "c2VjcmV0") } }),
        compliant: one("gcp:compute/disk:Disk", "data", { ...disk, diskEncryptionKey: { kmsKeySelfLink: keyId } }),
    },
    "gcp-disks-snapshot-before-destroy": {
        violating: one("gcp:compute/disk:Disk", "data", { ...disk }),
        compliant: one("gcp:compute/disk:Disk", "data", { ...disk, createSnapshotBeforeDestroy: true }),
    },
    "gcp-backup-vaults-enforce-retention": {
        violating: one("gcp:backupdisasterrecovery/backupVault:BackupVault", "vault", { ...vault, backupMinimumEnforcedRetentionDuration: "86400s" }),
        compliant: one("gcp:backupdisasterrecovery/backupVault:BackupVault", "vault", { ...vault, backupMinimumEnforcedRetentionDuration: "1209600s" }),
    },
    "gcp-boot-disks-outlive-instances": {
        violating: one("gcp:compute/instance:Instance", "app", { machineType: "e2-small", zone: "us-central1-a", networkInterfaces: [{ network: "default" }], bootDisk: { initializeParams: { image: "debian-cloud/debian-12" } } }),
        compliant: one("gcp:compute/instance:Instance", "app", { machineType: "e2-small", zone: "us-central1-a", networkInterfaces: [{ network: "default" }], bootDisk: { autoDelete: false, initializeParams: { image: "debian-cloud/debian-12" } } }),
    },
};
