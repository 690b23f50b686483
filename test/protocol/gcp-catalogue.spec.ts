// Protocol tests for the Google Cloud catalogue: every resource type a GCP rule checks is sent
// through the spawned pack over gRPC, once violating and once compliant, and the verdicts are
// checked by rule id and enforcement level.

import * as assert from "assert";
import { urnFor } from "../harness";
import { AnalyzerClient, UNKNOWN } from "../../cli/analyzer-client";
import { of, show, startCompiledPack } from "./pack";
import { isStackRule, type Level } from "../../core/rule";
import { gcpRules } from "../../policies/gcp";

interface Case {
    rule: string;
    type: string;
    violating: Record<string, unknown>;
    compliant: Record<string, unknown>;
    /** The path the violation names. */
    at: string;
}

const KEY = "projects/sec/locations/us/keyRings/disks/cryptoKeys/disk-key";
const RAW = "c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcyE=";

function iamCases(): Case[] {
    const resources = ["Image", "Disk", "RegionDisk", "Snapshot", "MachineImage", "InstantSnapshot", "RegionInstantSnapshot"];
    const role = "roles/compute.imageUser";
    return resources.flatMap((resource) => {
        const module = resource.charAt(0).toLowerCase() + resource.slice(1);
        const token = (kind: string) => `gcp:compute/${module}Iam${kind}:${resource}Iam${kind}`;
        return [
            { rule: "gcp-iam-not-public", type: token("Member"), violating: { role, member: "allUsers" }, compliant: { role, member: "user:alice@example.com" }, at: "member" },
            { rule: "gcp-iam-not-public", type: token("Binding"), violating: { role, members: ["user:alice@example.com", "allAuthenticatedUsers"] }, compliant: { role, members: ["group:ops@example.com"] }, at: "members[1]" },
            {
                rule: "gcp-iam-not-public", type: token("Policy"),
                violating: { policyData: JSON.stringify({ bindings: [{ role, members: ["allUsers"], condition: { title: "t", expression: "true" } }] }) },
                compliant: { policyData: JSON.stringify({ bindings: [{ role, members: ["serviceAccount:ci@p.iam.gserviceaccount.com"] }] }) },
                at: "policyData.bindings[0].members[0]",
            },
        ];
    });
}

const DISK = "gcp:compute/disk:Disk";
const REGION_DISK = "gcp:compute/regionDisk:RegionDisk";
const SNAPSHOT = "gcp:compute/snapshot:Snapshot";
const IMAGE = "gcp:compute/image:Image";
const MACHINE_IMAGE = "gcp:compute/machineImage:MachineImage";
const INSTANCE = "gcp:compute/instance:Instance";
const TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
const REGION_TEMPLATE = "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate";
const VAULT = "gcp:backupdisasterrecovery/backupVault:BackupVault";
const PLAN = "gcp:backupdisasterrecovery/backupPlan:BackupPlan";
const RESOURCE_POLICY = "gcp:compute/resourcePolicy:ResourcePolicy";

const vault = (extra: Record<string, unknown>) => ({ backupVaultId: "v", location: "us-central1", backupMinimumEnforcedRetentionDuration: "604800s", ...extra });
const vm = (bootDisk: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    ({ machineType: "e2-small", zone: "us-central1-a", networkInterfaces: [{ network: "default" }], bootDisk, ...extra });
const template = (disks: unknown[]) => ({ machineType: "e2-small", networkInterfaces: [{ network: "default" }], disks });
const schedule = { dailySchedule: { daysInCycle: 1, startTime: "04:00" } };
const planRule = (days: number) => ({ ruleId: "daily", backupRetentionDays: days, standardSchedule: { recurrenceType: "DAILY", timeZone: "UTC" } });

const cases: Case[] = [
    ...iamCases(),
    { rule: "gcp-backup-vaults-restricted", type: VAULT, violating: vault({ accessRestriction: "UNRESTRICTED" }), compliant: vault({}), at: "accessRestriction" },

    {
        rule: "gcp-snapshot-schedules-retained", type: RESOURCE_POLICY,
        violating: { region: "us-central1", snapshotSchedulePolicy: { schedule, retentionPolicy: { maxRetentionDays: 14 } } },
        compliant: { region: "us-central1", snapshotSchedulePolicy: { schedule, retentionPolicy: { maxRetentionDays: 14, onSourceDiskDelete: "APPLY_RETENTION_POLICY" } } },
        at: "snapshotSchedulePolicy.retentionPolicy.onSourceDiskDelete",
    },
    { rule: "gcp-snapshots-expire", type: SNAPSHOT, violating: { sourceDisk: "d", labels: { team: "data" } }, compliant: { sourceDisk: "d", labels: { "retention-days": "30" } }, at: "labels" },
    { rule: "gcp-snapshots-expire", type: IMAGE, violating: { sourceDisk: "d" }, compliant: { sourceDisk: "d", labels: { "expires-on": "2999-01-01" } }, at: "labels" },
    { rule: "gcp-backup-plans-retained", type: PLAN, violating: { backupVault: "v", resourceType: "compute.googleapis.com/Instance", backupRules: [planRule(3)] }, compliant: { backupVault: "v", resourceType: "compute.googleapis.com/Instance", backupRules: [planRule(30)] }, at: "backupRules[0].backupRetentionDays" },

    { rule: "gcp-customer-managed-keys", type: DISK, violating: { zone: "us-central1-a" }, compliant: { zone: "us-central1-a", diskEncryptionKey: { kmsKeySelfLink: KEY } }, at: "diskEncryptionKey.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: REGION_DISK, violating: { replicaZones: ["a", "b"], diskEncryptionKey: { kmsKeySelfLink: KEY } }, compliant: { replicaZones: ["a", "b"], diskEncryptionKey: { kmsKeyName: KEY } }, at: "diskEncryptionKey.kmsKeyName" },
    { rule: "gcp-customer-managed-keys", type: SNAPSHOT, violating: { sourceDisk: "d" }, compliant: { sourceDisk: "d", snapshotEncryptionKey: { kmsKeySelfLink: KEY } }, at: "snapshotEncryptionKey.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: IMAGE, violating: { sourceDisk: "d" }, compliant: { sourceDisk: "d", imageEncryptionKey: { kmsKeySelfLink: UNKNOWN } }, at: "imageEncryptionKey.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: MACHINE_IMAGE, violating: { sourceInstance: "vm" }, compliant: { sourceInstance: "vm", machineImageEncryptionKey: { kmsKeyName: KEY } }, at: "machineImageEncryptionKey.kmsKeyName" },
    { rule: "gcp-customer-managed-keys", type: INSTANCE, violating: vm({ initializeParams: { image: "debian-12" } }), compliant: vm({ kmsKeySelfLink: KEY }), at: "bootDisk.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: TEMPLATE, violating: template([{ sourceImage: "debian-12" }]), compliant: template([{ sourceImage: "debian-12", diskEncryptionKey: { kmsKeySelfLink: KEY } }]), at: "disks[0].diskEncryptionKey.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: REGION_TEMPLATE, violating: template([{ sourceImage: "debian-12" }]), compliant: template([{ sourceImage: "debian-12", diskEncryptionKey: { kmsKeySelfLink: KEY } }]), at: "disks[0].diskEncryptionKey.kmsKeySelfLink" },
    { rule: "gcp-customer-managed-keys", type: VAULT, violating: vault({}), compliant: vault({ encryptionConfig: { kmsKeyName: KEY } }), at: "encryptionConfig.kmsKeyName" },

    { rule: "gcp-no-raw-keys", type: DISK, violating: { diskEncryptionKey: { rawKey: RAW } }, compliant: { diskEncryptionKey: { rsaEncryptedKey: "d3JhcHBlZA==" } }, at: "diskEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: REGION_DISK, violating: { diskEncryptionKey: { rawKey: RAW } }, compliant: { diskEncryptionKey: { kmsKeyName: KEY } }, at: "diskEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: SNAPSHOT, violating: { snapshotEncryptionKey: { rawKey: RAW } }, compliant: { snapshotEncryptionKey: { kmsKeySelfLink: KEY } }, at: "snapshotEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: IMAGE, violating: { imageEncryptionKey: { rawKey: RAW } }, compliant: {}, at: "imageEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: MACHINE_IMAGE, violating: { sourceInstance: "vm", machineImageEncryptionKey: { rawKey: RAW } }, compliant: { sourceInstance: "vm" }, at: "machineImageEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: INSTANCE, violating: vm({ diskEncryptionKeyRaw: RAW }), compliant: vm({ diskEncryptionKeyRsa: "d3JhcHBlZA==" }), at: "bootDisk.diskEncryptionKeyRaw" },
    { rule: "gcp-no-raw-keys", type: TEMPLATE, violating: template([{ sourceImage: "img", sourceImageEncryptionKey: { rawKey: RAW } }]), compliant: template([{ sourceImage: "img" }]), at: "disks[0].sourceImageEncryptionKey.rawKey" },
    { rule: "gcp-no-raw-keys", type: REGION_TEMPLATE, violating: template([{ sourceSnapshot: "s", sourceSnapshotEncryptionKey: { rawKey: RAW } }]), compliant: template([{ sourceSnapshot: "s" }]), at: "disks[0].sourceSnapshotEncryptionKey.rawKey" },

    { rule: "gcp-disks-snapshot-before-destroy", type: DISK, violating: { zone: "us-central1-a" }, compliant: { zone: "us-central1-a", createSnapshotBeforeDestroy: true }, at: "createSnapshotBeforeDestroy" },
    { rule: "gcp-disks-snapshot-before-destroy", type: REGION_DISK, violating: { createSnapshotBeforeDestroy: false }, compliant: { createSnapshotBeforeDestroy: true }, at: "createSnapshotBeforeDestroy" },
    { rule: "gcp-backup-vaults-enforce-retention", type: VAULT, violating: vault({ backupMinimumEnforcedRetentionDuration: "86400s" }), compliant: vault({}), at: "backupMinimumEnforcedRetentionDuration" },
    { rule: "gcp-boot-disks-outlive-instances", type: INSTANCE, violating: vm({ initializeParams: { image: "debian-12" } }), compliant: vm({ initializeParams: { image: "debian-12", resourcePolicies: "projects/p/regions/r/resourcePolicies/daily" } }), at: "bootDisk.autoDelete" },
];

const levels = new Map<string, Level>(gcpRules.map((rule) => [rule.id, rule.defaultLevel]));

describe("protocol: the Google Cloud catalogue over gRPC", function () {
    let client: AnalyzerClient | undefined;

    before(async function () {
        this.timeout(60_000);
        client = await startCompiledPack();
        await client.configure({});
    });

    after(async function () {
        this.timeout(15_000);
        await client?.close();
    });

    function analyzer(): AnalyzerClient {
        assert.ok(client, "the pack did not start");
        return client;
    }

    it("covers every type every GCP rule checks", () => {
        for (const rule of gcpRules) {
            if (isStackRule(rule)) continue;
            for (const target of rule.targets) {
                assert.ok(cases.some((entry) => entry.rule === rule.id && entry.type === target.type), `${rule.id} on ${target.type} has no protocol case`);
            }
        }
    });

    for (const entry of cases) {
        const short = entry.type.split(":")[2];
        describe(`${entry.rule} on ${short}`, () => {
            it(`reports a violating ${short} at ${levels.get(entry.rule)} level`, async () => {
                const result = await analyzer().analyze({ type: entry.type, name: "bad", urn: urnFor(entry.type, "bad"), properties: entry.violating });
                const diagnostics = of(result, entry.rule);
                assert.ok(diagnostics.length > 0, `expected a violation: ${show(result)}`);
                assert.deepStrictEqual([...new Set(diagnostics.map((diagnostic) => diagnostic.enforcementLevel))], [levels.get(entry.rule)], show(diagnostics));
                assert.ok(diagnostics.some((diagnostic) => diagnostic.message.includes(` at ${entry.at};`)), `no violation at ${entry.at}: ${show(diagnostics)}`);
            });

            it(`passes a compliant ${short}`, async () => {
                const result = await analyzer().analyze({ type: entry.type, name: "good", urn: urnFor(entry.type, "good"), properties: entry.compliant });
                assert.deepStrictEqual(of(result, entry.rule), [], show(result));
            });
        });
    }

    describe("raising an advisory key rule", () => {
        after(async () => {
            await analyzer().configure({});
        });

        it("blocks a Google-managed disk key once gcp-customer-managed-keys is mandatory", async () => {
            await analyzer().configure({ "gcp-customer-managed-keys": "mandatory" });
            const result = await analyzer().analyze({ type: DISK, name: "d", urn: urnFor(DISK, "d"), properties: { zone: "us-central1-a" } });
            assert.deepStrictEqual(of(result, "gcp-customer-managed-keys").map((diagnostic) => diagnostic.enforcementLevel), ["mandatory"], show(result));
        });

        it("applies allowedKeyIds from the policy config", async () => {
            await analyzer().configure({ "gcp-customer-managed-keys": { enforcementLevel: "mandatory", allowedKeyIds: [KEY] } });
            const other = { zone: "us-central1-a", diskEncryptionKey: { kmsKeySelfLink: "projects/x/locations/us/keyRings/r/cryptoKeys/k" } };
            const bad = await analyzer().analyze({ type: DISK, name: "d", urn: urnFor(DISK, "d"), properties: other });
            assert.match(of(bad, "gcp-customer-managed-keys")[0]?.message ?? "", /not one of allowedKeyIds/, show(bad));
            const good = await analyzer().analyze({ type: DISK, name: "d", urn: urnFor(DISK, "d"), properties: { zone: "us-central1-a", diskEncryptionKey: { kmsKeySelfLink: `${KEY}/cryptoKeyVersions/2` } } });
            assert.deepStrictEqual(of(good, "gcp-customer-managed-keys"), [], show(good));
        });
    });

    it("never prints a raw key", async () => {
        const result = await analyzer().analyze({ type: INSTANCE, name: "vm", urn: urnFor(INSTANCE, "vm"), properties: vm({ diskEncryptionKeyRaw: RAW }, { attachedDisks: [{ source: "d", diskEncryptionKeyRaw: RAW }] }) });
        assert.ok(of(result, "gcp-no-raw-keys").length === 2, show(result));
        assert.ok(!JSON.stringify(result).includes(RAW), "a raw key reached a message");
    });
});
