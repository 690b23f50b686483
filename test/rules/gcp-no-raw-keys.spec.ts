import { noRawKeys } from "../../policies/gcp/no-raw-keys";
import { describeRule, secret, UNKNOWN, type Row } from "../harness";

const RAW = "c2VjcmV0LWtleS1tYXRlcmlhbC0zMi1ieXRlcyE=";
const exempt = { exemptions: [{ resource: "subject", reason: "migration of a CSEK disk, key held in a secret", expires: "2999-01-01" }] };

/** Rows for resources whose raw keys sit in `<block>.rawKey`; `blocks[0]` is the resource's own key. */
function blockRows(blocks: string[], resource: string, base: Record<string, unknown>): Row[] {
    const [own, source] = blocks;
    const rows: Row[] = [
        { name: "Cloud KMS key", props: { ...base, [own]: { kmsKeySelfLink: "k", kmsKeyName: "k" } }, expect: "pass" },
        { name: "RSA-wrapped key", props: { ...base, [own]: { rsaEncryptedKey: "d3JhcHBlZA==" } }, expect: "pass" },
        { name: "key blocks omitted", props: { ...base }, expect: "pass" },
        { name: "raw key literal", props: { ...base, [own]: { rawKey: RAW } }, expect: "fail", paths: [`${own}.rawKey`], message: new RegExp(`raw customer-supplied encryption key .* at ${own}\\.rawKey; replace \`${own}\\.rawKey\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "raw key from a secret is still a raw key", props: { ...base, [own]: { rawKey: secret(RAW) } }, expect: "fail", paths: [`${own}.rawKey`] },
        { name: "raw key unknown during preview counts as present", props: { ...base, [own]: { rawKey: UNKNOWN } }, expect: "fail", paths: [`${own}.rawKey`] },
        { name: "empty raw key", props: { ...base, [own]: { rawKey: "" } }, expect: "pass" },
        { name: "key block unknown during preview", props: { ...base, [own]: UNKNOWN }, expect: "defer", paths: [own] },
        { name: "raw key but exempted with a reason", props: { ...base, [own]: { rawKey: RAW } }, config: exempt, expect: "exempt" },
        { name: "a knob this rule does not have", props: { ...base }, config: { allowedKeyIds: ["k"] }, expect: "fail", message: /invalid policy config/ },
    ];
    if (source !== undefined) {
        rows.push(
            { name: "raw key for the source", props: { ...base, [source]: { rawKey: RAW } }, expect: "fail", paths: [`${source}.rawKey`] },
            { name: "unknown own key does not hide a raw source key", props: { ...base, [own]: UNKNOWN, [source]: { rawKey: RAW } }, expect: "fail", paths: [`${source}.rawKey`] },
        );
    }
    return rows;
}

describeRule(noRawKeys, "gcp:compute/disk:Disk", blockRows(["diskEncryptionKey", "sourceSnapshotEncryptionKey"], "gcp.compute.Disk", { zone: "us-central1-a" }));
describeRule(noRawKeys, "gcp:compute/regionDisk:RegionDisk", blockRows(["diskEncryptionKey", "sourceImageEncryptionKey"], "gcp.compute.RegionDisk", { replicaZones: ["a", "b"] }));
describeRule(noRawKeys, "gcp:compute/snapshot:Snapshot", blockRows(["snapshotEncryptionKey", "sourceDiskEncryptionKey"], "gcp.compute.Snapshot", { sourceDisk: "disk" }));
describeRule(noRawKeys, "gcp:compute/image:Image", blockRows(["imageEncryptionKey", "sourceDiskEncryptionKey"], "gcp.compute.Image", { sourceDisk: "disk" }));
describeRule(noRawKeys, "gcp:compute/machineImage:MachineImage", blockRows(["machineImageEncryptionKey"], "gcp.compute.MachineImage", { sourceInstance: "vm" }));

const vm = (extra: Record<string, unknown>) => ({ machineType: "e2-small", zone: "us-central1-a", ...extra });
describeRule(noRawKeys, "gcp:compute/machineImage:MachineImage", [
    { name: "fix offers only what the block takes (no rsaEncryptedKey here)", props: { sourceInstance: "vm", machineImageEncryptionKey: { rawKey: RAW } }, expect: "fail", message: /with `machineImageEncryptionKey\.kmsKeyName` \(a Cloud KMS key\)\n/ },
]);
describeRule(noRawKeys, "gcp:compute/regionDisk:RegionDisk", [
    { name: "fix names kmsKeyName on a regional disk", props: { diskEncryptionKey: { rawKey: RAW } }, expect: "fail", message: /`diskEncryptionKey\.kmsKeyName` \(a Cloud KMS key\) or an RSA-wrapped key in `diskEncryptionKey\.rsaEncryptedKey`/ },
]);

describeRule(noRawKeys, "gcp:compute/instance:Instance", [
    { name: "KMS keys everywhere", props: vm({ bootDisk: { kmsKeySelfLink: "k", initializeParams: { image: "debian-12" } }, attachedDisks: [{ source: "d", kmsKeySelfLink: "k" }] }), expect: "pass" },
    { name: "RSA-wrapped boot key", props: vm({ bootDisk: { diskEncryptionKeyRsa: "d3JhcHBlZA==" } }), expect: "pass" },
    { name: "keys omitted", props: vm({ bootDisk: { initializeParams: { image: "debian-12" } } }), expect: "pass" },
    { name: "raw boot key", props: vm({ bootDisk: { diskEncryptionKeyRaw: RAW } }), expect: "fail", paths: ["bootDisk.diskEncryptionKeyRaw"], message: /replace `bootDisk\.diskEncryptionKeyRaw` on the gcp\.compute\.Instance with `bootDisk\.kmsKeySelfLink`.*diskEncryptionKeyRsa/ },
    { name: "raw key of the second attached disk", props: vm({ bootDisk: {}, attachedDisks: [{ source: "a" }, { source: "b", diskEncryptionKeyRaw: RAW }] }), expect: "fail", paths: ["attachedDisks[1].diskEncryptionKeyRaw"] },
    { name: "raw key for the boot image", props: vm({ bootDisk: { initializeParams: { image: "img", sourceImageEncryptionKey: { rawKey: RAW } } } }), expect: "fail", paths: ["bootDisk.initializeParams.sourceImageEncryptionKey.rawKey"] },
    { name: "boot disk unknown during preview", props: vm({ bootDisk: UNKNOWN }), expect: "defer", paths: ["bootDisk"] },
    { name: "initialize params unknown during preview", props: vm({ bootDisk: { initializeParams: UNKNOWN } }), expect: "defer", paths: ["bootDisk.initializeParams"] },
    { name: "attached disks unknown during preview", props: vm({ bootDisk: {}, attachedDisks: UNKNOWN }), expect: "defer", paths: ["attachedDisks"] },
    { name: "unknown attached disks do not hide a raw boot key", props: vm({ bootDisk: { diskEncryptionKeyRaw: RAW }, attachedDisks: UNKNOWN }), expect: "fail", paths: ["bootDisk.diskEncryptionKeyRaw"] },
    { name: "raw boot key but exempted with a reason", props: vm({ bootDisk: { diskEncryptionKeyRaw: RAW } }), config: exempt, expect: "exempt" },
]);

function templateRows(): Row[] {
    const tpl = (disks: unknown) => ({ machineType: "e2-small", disks });
    return [
        { name: "disks from plain images", props: tpl([{ sourceImage: "debian-12", diskEncryptionKey: { kmsKeySelfLink: "k" } }]), expect: "pass" },
        { name: "disks omitted", props: { machineType: "e2-small" }, expect: "pass" },
        { name: "raw key for a source image", props: tpl([{ sourceImage: "img" }, { sourceImage: "img", sourceImageEncryptionKey: { rawKey: RAW } }]), expect: "fail", paths: ["disks[1].sourceImageEncryptionKey.rawKey"] },
        { name: "raw key for a source snapshot", props: tpl([{ sourceSnapshot: "snap", sourceSnapshotEncryptionKey: { rawKey: RAW } }]), expect: "fail", paths: ["disks[0].sourceSnapshotEncryptionKey.rawKey"] },
        { name: "disks unknown during preview", props: tpl(UNKNOWN), expect: "defer", paths: ["disks"] },
        { name: "source key block unknown during preview", props: tpl([{ sourceImageEncryptionKey: UNKNOWN }]), expect: "defer", paths: ["disks[0].sourceImageEncryptionKey"] },
        { name: "raw key but exempted with a reason", props: tpl([{ sourceSnapshotEncryptionKey: { rawKey: RAW } }]), config: exempt, expect: "exempt" },
    ];
}
describeRule(noRawKeys, "gcp:compute/instanceTemplate:InstanceTemplate", templateRows());
describeRule(noRawKeys, "gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", templateRows());
