import type {
    DiskArgs, ImageArgs, InstanceArgs, InstanceTemplateArgs, MachineImageArgs, RegionDiskArgs, RegionInstanceTemplateArgs, SnapshotArgs,
} from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isUnknown, prop } from "../../core/values";
import { eachItem, hasValue } from "./lib/keys";

const docsUrl = "https://cloud.google.com/compute/docs/disks/customer-supplied-encryption";

/**
 * Looks for a raw key at `block.field` under `at`. Presence only: the value is never read, so an
 * unknown raw key counts as present; an unknown block defers.
 */
function rawKeyIn(container: unknown, at: string, block: string | undefined, field: string, fix: string): Finding[] {
    const holder = block === undefined ? container : prop(container, block);
    const holderPath = [at, block].filter((part) => part !== undefined && part !== "").join(".");
    if (isUnknown(holder)) {
        return [deferred(holderPath)];
    }
    return hasValue(holder, field)
        ? [violation(holderPath === "" ? field : `${holderPath}.${field}`,
            "a raw customer-supplied encryption key is written in the program (it ends up in the state and in source control)", fix)]
        : [];
}

/** A key block that may hold `rawKey`, with the alternatives this SDK offers in the same block. */
interface RawKeyBlock {
    block: string;
    kms: "kmsKeySelfLink" | "kmsKeyName";
    /** Whether the block also takes `rsaEncryptedKey` (not every one does). */
    rsa: boolean;
}

function replacement({ block, kms, rsa }: RawKeyBlock): string {
    return `\`${block}.${kms}\` (a Cloud KMS key)` + (rsa ? ` or an RSA-wrapped key in \`${block}.rsaEncryptedKey\`` : "");
}

/** Key blocks that may hold `rawKey`, per resource. */
function rawKeyBlocks(blocks: readonly RawKeyBlock[], resource: string) {
    return (props: unknown): Finding[] => blocks.flatMap((entry) => rawKeyIn(props, "", entry.block, "rawKey",
        `replace \`${entry.block}.rawKey\` on the ${resource} with ${replacement(entry)}`));
}

const selfLink = (block: string, rsa = true): RawKeyBlock => ({ block, kms: "kmsKeySelfLink", rsa });
const keyName = (block: string, rsa = true): RawKeyBlock => ({ block, kms: "kmsKeyName", rsa });
const sourceBlocks = ["sourceImageEncryptionKey", "sourceSnapshotEncryptionKey"];

function instance(props: unknown): Finding[] {
    const instanceFix = (path: string) =>
        `replace \`${path}.diskEncryptionKeyRaw\` on the gcp.compute.Instance with \`${path}.kmsKeySelfLink\` (a Cloud KMS key) or an RSA-wrapped key in \`${path}.diskEncryptionKeyRsa\``;
    const findings = rawKeyIn(props, "", "bootDisk", "diskEncryptionKeyRaw", instanceFix("bootDisk"));
    const boot = prop(props, "bootDisk");
    if (!isUnknown(boot)) {
        const params = prop(boot, "initializeParams");
        if (isUnknown(params)) {
            findings.push(deferred("bootDisk.initializeParams"));
        } else {
            findings.push(...sourceBlocks.flatMap((block) => rawKeyIn(params, "bootDisk.initializeParams", block, "rawKey",
                `replace \`bootDisk.initializeParams.${block}.rawKey\` on the gcp.compute.Instance with ${replacement(selfLink(`bootDisk.initializeParams.${block}`))}`)));
        }
    }
    findings.push(...eachItem(props, "attachedDisks", (attached, path) =>
        rawKeyIn(attached, path, undefined, "diskEncryptionKeyRaw", instanceFix(path))));
    return findings;
}

function template(resource: string) {
    return (props: unknown): Finding[] => eachItem(props, "disks", (entry, path) =>
        sourceBlocks.flatMap((block) => rawKeyIn(entry, path, block, "rawKey",
            `replace \`${path}.${block}.rawKey\` on the ${resource} with ${replacement(selfLink(`${path}.${block}`))}`)));
}

export const noRawKeys = defineRule({
    id: "gcp-no-raw-keys",
    cloud: "gcp",
    title: "Programs do not hold raw customer-supplied encryption keys for disks, snapshots and images",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A customer-supplied encryption key (CSEK) given as `rawKey` or `diskEncryptionKeyRaw` is the plain AES key of the " +
        "disk, snapshot or image. Written in a program it lands in source control, in CI logs and in the Pulumi state, so " +
        "anyone who reads them can decrypt every copy; losing it makes the data unrecoverable. A Cloud KMS key or an " +
        "RSA-wrapped key keeps the key material out of the program.",
    remediation:
        "Replace `rawKey` with `kmsKeySelfLink` (gcp.compute.Disk, Snapshot, Image, instance templates) or `kmsKeyName` " +
        "(RegionDisk, MachineImage) pointing at a Cloud KMS key, or wrap the key with Google's public RSA certificate and " +
        "use `rsaEncryptedKey`; on gcp.compute.Instance use `bootDisk.kmsKeySelfLink`/`diskEncryptionKeyRsa` instead of " +
        "`diskEncryptionKeyRaw`. If a raw key must stay, read it from a Pulumi secret, never a literal. Changing the key " +
        "replaces the resource.",
    docsUrl,
    controls: {
        trivy: ["GCP-0037"],
    },
    config: [],
    targets: [
        on<DiskArgs>("gcp:compute/disk:Disk", rawKeyBlocks([selfLink("diskEncryptionKey"), selfLink("sourceImageEncryptionKey", false), selfLink("sourceSnapshotEncryptionKey", false)], "gcp.compute.Disk")),
        on<RegionDiskArgs>("gcp:compute/regionDisk:RegionDisk", rawKeyBlocks([keyName("diskEncryptionKey"), keyName("sourceImageEncryptionKey"), keyName("sourceSnapshotEncryptionKey", false)], "gcp.compute.RegionDisk")),
        on<SnapshotArgs>("gcp:compute/snapshot:Snapshot", rawKeyBlocks([selfLink("snapshotEncryptionKey"), selfLink("sourceDiskEncryptionKey")], "gcp.compute.Snapshot")),
        on<ImageArgs>("gcp:compute/image:Image", rawKeyBlocks([selfLink("imageEncryptionKey"), selfLink("sourceDiskEncryptionKey"), selfLink("sourceImageEncryptionKey"), selfLink("sourceSnapshotEncryptionKey")], "gcp.compute.Image")),
        on<MachineImageArgs>("gcp:compute/machineImage:MachineImage", rawKeyBlocks([keyName("machineImageEncryptionKey", false)], "gcp.compute.MachineImage")),
        on<InstanceArgs>("gcp:compute/instance:Instance", instance),
        on<InstanceTemplateArgs>("gcp:compute/instanceTemplate:InstanceTemplate", template("gcp.compute.InstanceTemplate")),
        on<RegionInstanceTemplateArgs>("gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", template("gcp.compute.RegionInstanceTemplate")),
    ],
});
