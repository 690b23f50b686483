import * as assert from "assert";
import { customerManagedKeys } from "../../policies/gcp/customer-managed-keys";
import { normaliseKmsKey } from "../../policies/gcp/lib/keys";
import { describeRule, secret, UNKNOWN, type Row } from "../harness";

const KEY = "projects/sec/locations/us/keyRings/disks/cryptoKeys/disk-key";
const OTHER_KEY = "projects/other/locations/us/keyRings/r/cryptoKeys/k";
const allowed = { allowedKeyIds: [KEY] };
const exempt = { exemptions: [{ resource: "subject", reason: "public test data only", expires: "2999-01-01" }] };

/** Rows for a resource whose key is one block: `block.kms` (CMEK) or one of `csek` (customer-supplied). */
function blockRows(block: string, kms: string, csek: string[], resource: string, base: Record<string, unknown>): Row[] {
    const keyed = (key: unknown) => ({ ...base, [block]: key });
    const kmsPath = `${block}.${kms}`;
    const rows: Row[] = [
        { name: "Cloud KMS key", props: keyed({ [kms]: KEY }), expect: "pass" },
        { name: "Cloud KMS key version", props: keyed({ [kms]: `${KEY}/cryptoKeyVersions/3` }), expect: "pass" },
        { name: "key block omitted (Google-managed key)", props: { ...base }, expect: "fail", paths: [kmsPath], message: new RegExp(`omitted means a Google-managed key\\) at ${kmsPath.replace(/\./g, "\\.")}; set \`${kmsPath.replace(/\./g, "\\.")}\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "key block without a key (omitted field)", props: keyed({ kmsKeyServiceAccount: "sa@p.iam.gserviceaccount.com" }), expect: "fail", paths: [kmsPath] },
        { name: "empty key string", props: keyed({ [kms]: "" }), expect: "fail", paths: [kmsPath] },
        { name: "key unknown during preview counts as set", props: keyed({ [kms]: UNKNOWN }), expect: "pass" },
        { name: "key block unknown during preview", props: keyed(UNKNOWN), expect: "defer", paths: [block] },
        { name: "key as a secret", props: keyed({ [kms]: secret(KEY) }), expect: "pass" },
        // allowedKeyIds.
        { name: "allowed key", props: keyed({ [kms]: KEY }), config: allowed, expect: "pass" },
        { name: "allowed key given as an API URL", props: keyed({ [kms]: `https://cloudkms.googleapis.com/v1/${KEY}` }), config: allowed, expect: "pass" },
        { name: "key outside allowedKeyIds", props: keyed({ [kms]: OTHER_KEY }), config: allowed, expect: "fail", paths: [kmsPath], message: /not one of allowedKeyIds/ },
        { name: "key unknown with allowedKeyIds", props: keyed({ [kms]: UNKNOWN }), config: allowed, expect: "defer", paths: [kmsPath] },
        { name: "key omitted with allowedKeyIds", props: { ...base }, config: allowed, expect: "fail", paths: [kmsPath] },
        // The other SDK spelling is not this resource's field.
        { name: "wrong field name for this resource (omitted key)", props: keyed({ [kms === "kmsKeyName" ? "kmsKeySelfLink" : "kmsKeyName"]: KEY }), expect: "fail", paths: [kmsPath] },
        // Policy config.
        { name: "Google-managed but exempted with a reason", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "allowedKeyIds with an empty entry", props: keyed({ [kms]: KEY }), config: { allowedKeyIds: [""] }, expect: "fail", message: /invalid policy config: "gcp-customer-managed-keys\.allowedKeyIds\[0\]"/ },
    ];
    for (const field of csek) {
        rows.push(
            { name: `customer-supplied ${field}`, props: keyed({ [field]: secret("c2VjcmV0") }), expect: "pass" },
            { name: `customer-supplied ${field} with allowedKeyIds`, props: keyed({ [field]: "c2VjcmV0" }), config: allowed, expect: "fail", paths: [`${block}.${field}`], message: /customer-supplied key/ },
        );
    }
    return rows;
}

describeRule(customerManagedKeys, "gcp:compute/disk:Disk",
    blockRows("diskEncryptionKey", "kmsKeySelfLink", ["rawKey", "rsaEncryptedKey"], "gcp.compute.Disk", { zone: "us-central1-a", size: 10 }));
describeRule(customerManagedKeys, "gcp:compute/regionDisk:RegionDisk",
    blockRows("diskEncryptionKey", "kmsKeyName", ["rawKey", "rsaEncryptedKey"], "gcp.compute.RegionDisk", { region: "us-central1", replicaZones: ["a", "b"] }));
describeRule(customerManagedKeys, "gcp:compute/snapshot:Snapshot",
    blockRows("snapshotEncryptionKey", "kmsKeySelfLink", ["rawKey", "rsaEncryptedKey"], "gcp.compute.Snapshot", { sourceDisk: "disk" }));
describeRule(customerManagedKeys, "gcp:compute/image:Image",
    blockRows("imageEncryptionKey", "kmsKeySelfLink", ["rawKey", "rsaEncryptedKey"], "gcp.compute.Image", { sourceDisk: "disk" }));
describeRule(customerManagedKeys, "gcp:compute/machineImage:MachineImage",
    blockRows("machineImageEncryptionKey", "kmsKeyName", ["rawKey"], "gcp.compute.MachineImage", { sourceInstance: "vm" }));
describeRule(customerManagedKeys, "gcp:backupdisasterrecovery/backupVault:BackupVault",
    blockRows("encryptionConfig", "kmsKeyName", [], "gcp.backupdisasterrecovery.BackupVault", { backupVaultId: "v", location: "us-central1", backupMinimumEnforcedRetentionDuration: "604800s" }));

const boot = (extra: Record<string, unknown> = {}) => ({ initializeParams: { image: "debian-12" }, ...extra });
const vm = (extra: Record<string, unknown> = {}) => ({ machineType: "e2-small", zone: "us-central1-a", networkInterfaces: [{ network: "default" }], ...extra });
describeRule(customerManagedKeys, "gcp:compute/instance:Instance", [
    { name: "boot disk on a KMS key", props: vm({ bootDisk: boot({ kmsKeySelfLink: KEY }) }), expect: "pass" },
    { name: "boot and attached disks on KMS keys", props: vm({ bootDisk: boot({ kmsKeySelfLink: KEY }), attachedDisks: [{ source: "d1", kmsKeySelfLink: KEY }] }), expect: "pass" },
    { name: "boot disk with an RSA-wrapped key", props: vm({ bootDisk: boot({ diskEncryptionKeyRsa: "d3JhcHBlZA==" }) }), expect: "pass" },
    { name: "boot disk key omitted", props: vm({ bootDisk: boot() }), expect: "fail", paths: ["bootDisk.kmsKeySelfLink"], message: /Google-managed key\) at bootDisk\.kmsKeySelfLink; set `bootDisk\.kmsKeySelfLink` on the gcp\.compute\.Instance/ },
    { name: "boot disk omitted", props: vm(), expect: "fail", paths: ["bootDisk.kmsKeySelfLink"] },
    { name: "attached disk key omitted", props: vm({ bootDisk: boot({ kmsKeySelfLink: KEY }), attachedDisks: [{ source: "d1", kmsKeySelfLink: KEY }, { source: "d2" }] }), expect: "fail", paths: ["attachedDisks[1].kmsKeySelfLink"], message: /encrypt the attached gcp\.compute\.Disk/ },
    { name: "boot and attached keys omitted report each", props: vm({ bootDisk: boot(), attachedDisks: [{ source: "d1" }] }), expect: "fail", paths: ["bootDisk.kmsKeySelfLink", "attachedDisks[0].kmsKeySelfLink"] },
    { name: "boot disk unknown during preview", props: vm({ bootDisk: UNKNOWN }), expect: "defer", paths: ["bootDisk"] },
    { name: "attached disks unknown during preview", props: vm({ bootDisk: boot({ kmsKeySelfLink: KEY }), attachedDisks: UNKNOWN }), expect: "defer", paths: ["attachedDisks"] },
    { name: "unknown attached disks do not hide a Google-managed boot disk", props: vm({ bootDisk: boot(), attachedDisks: UNKNOWN }), expect: "fail", paths: ["bootDisk.kmsKeySelfLink"] },
    { name: "boot key outside allowedKeyIds", props: vm({ bootDisk: boot({ kmsKeySelfLink: OTHER_KEY }) }), config: allowed, expect: "fail", paths: ["bootDisk.kmsKeySelfLink"] },
    { name: "raw boot key with allowedKeyIds", props: vm({ bootDisk: boot({ diskEncryptionKeyRaw: "c2VjcmV0" }) }), config: allowed, expect: "fail", paths: ["bootDisk.diskEncryptionKeyRaw"] },
    { name: "Google-managed but exempted with a reason", props: vm({ bootDisk: boot() }), config: exempt, expect: "exempt" },
]);

function templateRows(resource: string): Row[] {
    const tpl = (disks: unknown) => ({ machineType: "e2-small", networkInterfaces: [{ network: "default" }], disks });
    const keyed = { sourceImage: "debian-12", boot: true, diskEncryptionKey: { kmsKeySelfLink: KEY } };
    return [
        { name: "every disk on a KMS key", props: tpl([keyed, { diskSizeGb: 100, diskEncryptionKey: { kmsKeySelfLink: KEY } }]), expect: "pass" },
        { name: "local SSD needs no key", props: tpl([keyed, { type: "SCRATCH", diskType: "local-ssd", diskSizeGb: 375 }]), expect: "pass" },
        { name: "scratch in lower case", props: tpl([keyed, { type: "scratch" }]), expect: "pass" },
        { name: "disk key omitted", props: tpl([keyed, { diskSizeGb: 100 }]), expect: "fail", paths: ["disks[1].diskEncryptionKey.kmsKeySelfLink"], message: new RegExp(`set \`disks\\[1\\]\\.diskEncryptionKey\\.kmsKeySelfLink\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "disks omitted", props: { machineType: "e2-small" }, expect: "pass" },
        { name: "disks unknown during preview", props: tpl(UNKNOWN), expect: "defer", paths: ["disks"] },
        { name: "one disk unknown during preview", props: tpl([keyed, UNKNOWN]), expect: "defer", paths: ["disks[1]"] },
        { name: "disk type unknown during preview", props: tpl([{ type: UNKNOWN }]), expect: "defer", paths: ["disks[0].type"] },
        { name: "key unknown during preview", props: tpl([{ diskEncryptionKey: { kmsKeySelfLink: UNKNOWN } }]), expect: "pass" },
        { name: "key outside allowedKeyIds", props: tpl([{ diskEncryptionKey: { kmsKeySelfLink: OTHER_KEY } }]), config: allowed, expect: "fail", paths: ["disks[0].diskEncryptionKey.kmsKeySelfLink"] },
        { name: "Google-managed but exempted with a reason", props: tpl([{}]), config: exempt, expect: "exempt" },
    ];
}
describeRule(customerManagedKeys, "gcp:compute/instanceTemplate:InstanceTemplate", templateRows("gcp.compute.InstanceTemplate"));
describeRule(customerManagedKeys, "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", templateRows("gcp.compute.RegionInstanceTemplate"));

describe("gcp-customer-managed-keys key names", () => {
    it("compare without host prefix or key version", () => {
        assert.strictEqual(normaliseKmsKey(`https://cloudkms.googleapis.com/v1/${KEY}/cryptoKeyVersions/1`), KEY);
        assert.strictEqual(normaliseKmsKey(`//cloudkms.googleapis.com/${KEY}`), KEY);
        assert.strictEqual(normaliseKmsKey(` ${KEY} `), KEY);
    });
});
