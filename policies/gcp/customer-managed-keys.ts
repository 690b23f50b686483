import type { BackupVaultArgs } from "@pulumi/gcp/backupdisasterrecovery";
import type {
    DiskArgs, ImageArgs, InstanceArgs, InstanceTemplateArgs, MachineImageArgs, RegionDiskArgs, RegionInstanceTemplateArgs, SnapshotArgs,
} from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";
import { eachItem, hasValue, isAllowedKey } from "./lib/keys";

type Knobs = "allowedKeyIds";

const docsUrl = "https://cloud.google.com/compute/docs/disks/customer-managed-encryption";

interface KeyFields {
    /** The KMS key field: `kmsKeySelfLink` on most Compute resources, `kmsKeyName` on RegionDisk, MachineImage and vaults. */
    kms: "kmsKeySelfLink" | "kmsKeyName";
    /** Customer-supplied key fields that also keep the key out of Google's hands. */
    csek: readonly string[];
}

/**
 * Judges one key holder (the key block, or an instance disk that carries the key fields itself).
 * `at` is the holder's path ("" for the resource), `fix` says where to set the key.
 */
function judgeKey(holder: unknown, at: string, fields: KeyFields, allowed: readonly string[], fix: string): Finding[] {
    const kmsPath = at === "" ? fields.kms : `${at}.${fields.kms}`;
    if (isUnknown(holder)) {
        return [deferred(at)];
    }
    if (hasValue(holder, fields.kms)) {
        if (allowed.length === 0) {
            return [];
        }
        const key = prop(holder, fields.kms);
        if (isUnknown(key)) {
            return [deferred(kmsPath)];
        }
        return typeof key === "string" && isAllowedKey(key, allowed)
            ? []
            : [violation(kmsPath, "the customer-managed key is not one of allowedKeyIds", `${fix} with a key listed in allowedKeyIds, or add the key to allowedKeyIds in the policy config`)];
    }
    const csek = fields.csek.find((field) => hasValue(holder, field));
    if (csek !== undefined) {
        return allowed.length === 0
            ? []
            : [violation(at === "" ? csek : `${at}.${csek}`, "a customer-supplied key is used instead of a KMS key from allowedKeyIds", fix)];
    }
    return [violation(kmsPath, "no customer-managed key is set (omitted means a Google-managed key)", fix)];
}

/** A resource whose key sits in one block, e.g. `diskEncryptionKey.kmsKeySelfLink` of a Disk. */
function keyBlock(block: string, fields: KeyFields, resource: string) {
    return (props: unknown, allowed: readonly string[]): Finding[] =>
        judgeKey(prop(props, block), block, fields, allowed,
            `set \`${block}.${fields.kms}\` on the ${resource} to a Cloud KMS key (this replaces an existing resource)`);
}

const selfLinkKey: KeyFields = { kms: "kmsKeySelfLink", csek: ["rawKey", "rsaEncryptedKey"] };
const keyNameKey: KeyFields = { kms: "kmsKeyName", csek: ["rawKey", "rsaEncryptedKey"] };
const instanceDiskKey: KeyFields = { kms: "kmsKeySelfLink", csek: ["diskEncryptionKeyRaw", "diskEncryptionKeyRsa"] };
const templateDiskKey: KeyFields = { kms: "kmsKeySelfLink", csek: [] };

const disk = keyBlock("diskEncryptionKey", selfLinkKey, "gcp.compute.Disk");
const regionDisk = keyBlock("diskEncryptionKey", keyNameKey, "gcp.compute.RegionDisk");
const snapshot = keyBlock("snapshotEncryptionKey", selfLinkKey, "gcp.compute.Snapshot");
const image = keyBlock("imageEncryptionKey", selfLinkKey, "gcp.compute.Image");
const machineImage = keyBlock("machineImageEncryptionKey", { kms: "kmsKeyName", csek: ["rawKey"] }, "gcp.compute.MachineImage");
const backupVault = keyBlock("encryptionConfig", { kms: "kmsKeyName", csek: [] }, "gcp.backupdisasterrecovery.BackupVault");

/** Boot disk and each attached disk of an Instance carry `kmsKeySelfLink` directly. */
function instance(props: unknown, allowed: readonly string[]): Finding[] {
    const boot = prop(props, "bootDisk");
    const findings = judgeKey(boot === undefined ? {} : boot, "bootDisk", instanceDiskKey, allowed,
        "set `bootDisk.kmsKeySelfLink` on the gcp.compute.Instance to a Cloud KMS key (changing it recreates the instance)");
    findings.push(...eachItem(props, "attachedDisks", (attached, path) =>
        judgeKey(attached, path, instanceDiskKey, allowed,
            `encrypt the attached gcp.compute.Disk with a Cloud KMS key and set \`${path}.kmsKeySelfLink\` on the gcp.compute.Instance to that key`)));
    return findings;
}

/** Each persistent disk of an instance template: `disks[i].diskEncryptionKey.kmsKeySelfLink`. */
function template(resource: string) {
    return (props: unknown, allowed: readonly string[]): Finding[] =>
        eachItem(props, "disks", (entry, path) => {
            const scratch = enumIn(prop(entry, "type"), "SCRATCH");
            if (isUnknown(scratch)) {
                return [deferred(`${path}.type`)];
            }
            if (scratch) {
                return []; // local SSDs cannot use a customer-managed key
            }
            const blockPath = `${path}.diskEncryptionKey`;
            return judgeKey(prop(entry, "diskEncryptionKey"), blockPath, templateDiskKey, allowed,
                `set \`${blockPath}.kmsKeySelfLink\` on the ${resource} to a Cloud KMS key`);
        });
}

export const customerManagedKeys = defineRule({
    id: "gcp-customer-managed-keys",
    cloud: "gcp",
    title: "Compute disks, snapshots, images and backup vaults are encrypted with customer-managed keys",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Compute Engine always encrypts data at rest, by default with keys Google manages. A Cloud KMS key (CMEK) lets the " +
        "organization control, audit, rotate and revoke access to every disk, snapshot, image, machine image and backup " +
        "made from it; with a Google-managed key, anyone who gains IAM access to a copy can read it. The key is fixed " +
        "when the resource is created, so it has to be right in the program. With allowedKeyIds set, only the listed " +
        "keys are accepted.",
    remediation:
        "Set the Cloud KMS key on each resource; mind the field names: `diskEncryptionKey.kmsKeySelfLink` (gcp.compute.Disk), " +
        "`diskEncryptionKey.kmsKeyName` (RegionDisk), `snapshotEncryptionKey.kmsKeySelfLink` (Snapshot), " +
        "`imageEncryptionKey.kmsKeySelfLink` (Image), `machineImageEncryptionKey.kmsKeyName` (MachineImage), " +
        "`bootDisk.kmsKeySelfLink` and `attachedDisks[].kmsKeySelfLink` (Instance), `disks[].diskEncryptionKey.kmsKeySelfLink` " +
        "(InstanceTemplate, RegionInstanceTemplate) and `encryptionConfig.kmsKeyName` (gcp.backupdisasterrecovery.BackupVault). " +
        "A customer-supplied (RSA-wrapped) key also passes unless allowedKeyIds is set. Changing the key replaces the resource; " +
        "migrate through a snapshot. Raise the level to mandatory to block Google-managed keys, and enforce the " +
        "`gcp.restrictNonCmekServices` organization policy as a guardrail.",
    docsUrl,
    controls: {
        "cis-gcp-4.0": ["4.7"],
        checkov: ["CKV_GCP_37", "CKV_GCP_38"],
        trivy: ["GCP-0033", "GCP-0034"],
        kics: ["b1d51728-7270-4991-ac2f-fc26e2695b38"],
        "gcp-org-policy": ["gcp.restrictNonCmekServices"],
    },
    config: ["allowedKeyIds"],
    targets: [
        on<DiskArgs, Knobs>("gcp:compute/disk:Disk", (props, { config }) => disk(props, config.allowedKeyIds)),
        on<RegionDiskArgs, Knobs>("gcp:compute/regionDisk:RegionDisk", (props, { config }) => regionDisk(props, config.allowedKeyIds)),
        on<SnapshotArgs, Knobs>("gcp:compute/snapshot:Snapshot", (props, { config }) => snapshot(props, config.allowedKeyIds)),
        on<ImageArgs, Knobs>("gcp:compute/image:Image", (props, { config }) => image(props, config.allowedKeyIds)),
        on<MachineImageArgs, Knobs>("gcp:compute/machineImage:MachineImage", (props, { config }) => machineImage(props, config.allowedKeyIds)),
        on<InstanceArgs, Knobs>("gcp:compute/instance:Instance", (props, { config }) => instance(props, config.allowedKeyIds)),
        on<InstanceTemplateArgs, Knobs>("gcp:compute/instanceTemplate:InstanceTemplate", (props, { config }) =>
            template("gcp.compute.InstanceTemplate")(props, config.allowedKeyIds)),
        on<RegionInstanceTemplateArgs, Knobs>("gcp:compute/regionInstanceTemplate:RegionInstanceTemplate", (props, { config }) =>
            template("gcp.compute.RegionInstanceTemplate")(props, config.allowedKeyIds)),
        on<BackupVaultArgs, Knobs>("gcp:backupdisasterrecovery/backupVault:BackupVault", (props, { config }) => backupVault(props, config.allowedKeyIds)),
    ],
});
