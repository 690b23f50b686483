// Google Cloud facts the stack rules share: type tokens and customer keys of disks and their copies.

import type { StackResource } from "../../../core/rule";
import { isUnknown, prop, UNKNOWN } from "../../../core/values";
import { anyBad, listOf, memo, type StackGraph, type Verdict } from "./graph";

export const G = {
    disk: "gcp:compute/disk:Disk",
    regionDisk: "gcp:compute/regionDisk:RegionDisk",
    snapshot: "gcp:compute/snapshot:Snapshot",
    image: "gcp:compute/image:Image",
    machineImage: "gcp:compute/machineImage:MachineImage",
    instance: "gcp:compute/instance:Instance",
    diskAttachment: "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment",
    regionDiskAttachment: "gcp:compute/regionDiskResourcePolicyAttachment:RegionDiskResourcePolicyAttachment",
    resourcePolicy: "gcp:compute/resourcePolicy:ResourcePolicy",
    backupPlanAssociation: "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation",
} as const;

export const DISKS = [G.disk, G.regionDisk];

/** Keys that make a GCP key block a customer key (CMEK `kmsKeySelfLink`/`kmsKeyName`, or CSEK). */
const KEY_FIELDS = ["kmsKeySelfLink", "kmsKeyName", "rawKey", "rsaEncryptedKey"];

/** A key field counts when it holds a non-empty string, or a value still unknown (presence check). */
export function keyField(container: unknown, field: string): boolean {
    const value = prop(container, field);
    return isUnknown(value) || (typeof value === "string" && value.trim() !== "");
}

/**
 * Whether a key block holds a customer key: true, false, or UNKNOWN when the block is unknown.
 * A key field whose value is unknown counts as set.
 */
export function customerKey(container: unknown, block: string): boolean | typeof UNKNOWN {
    const key = prop(container, block);
    if (isUnknown(key)) return UNKNOWN;
    // Outputs after deploy may carry the block with empty strings; only a real key counts.
    return KEY_FIELDS.some((field) => keyField(key, field));
}

/** The key block each type carries for itself. */
export const OWN_KEY: Readonly<Record<string, string>> = {
    [G.disk]: "diskEncryptionKey",
    [G.regionDisk]: "diskEncryptionKey",
    [G.snapshot]: "snapshotEncryptionKey",
    [G.image]: "imageEncryptionKey",
    [G.machineImage]: "machineImageEncryptionKey",
};

/** Customer keys of sources, memoised per stack ("true" = encrypted with a customer key). */
export class GcpKeys {
    constructor(private readonly graph: StackGraph) {}

    /** True when the disk, snapshot or image is under a customer key. */
    readonly own = memo((resource: StackResource): Verdict => {
        const block = OWN_KEY[this.graph.type(resource)];
        return block ? customerKey(resource.props, block) : false;
    }, false);

    /** True when any disk of the instance is under a customer key (inline key or referenced disk). */
    readonly instance = memo((instance: StackResource): Verdict => {
        const verdicts: Verdict[] = [];
        const disk = (container: unknown, listKey: string) => {
            if (isUnknown(container)) {
                verdicts.push(UNKNOWN);
                return;
            }
            verdicts.push(["kmsKeySelfLink", "diskEncryptionKeyRaw", "diskEncryptionKeyRsa"].some((field) => keyField(container, field)));
            const source = prop(container, "source");
            if (typeof source === "string") {
                verdicts.push(anyBad(this.graph.lookup(source, DISKS).map(this.own)));
            } else if (isUnknown(source)) {
                // Which disk is unknown: settled only when the candidates agree.
                const candidates = this.graph.dependencies(instance, listKey, DISKS).map(this.own);
                const any = anyBad(candidates);
                verdicts.push(candidates.length > 0 && candidates.every((candidate) => candidate === any) ? any : UNKNOWN);
            }
        };
        disk(prop(instance.props, "bootDisk"), "bootDisk");
        const attached = listOf(instance.props, "attachedDisks");
        if (isUnknown(attached)) {
            verdicts.push(UNKNOWN);
        } else {
            attached.forEach((entry) => disk(entry, "attachedDisks"));
        }
        return anyBad(verdicts);
    }, false);
}
