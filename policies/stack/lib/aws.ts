// AWS facts the stack rules share: type tokens, encryption of sources, provider grouping.

import type { StackResource } from "../../../core/rule";
import { asBool, enumIn, isUnknown, prop, UNKNOWN } from "../../../core/values";
import { anyBad, listOf, memo, present, type StackGraph, type Verdict } from "./graph";

export const T = {
    volume: "aws:ebs/volume:Volume",
    snapshot: "aws:ebs/snapshot:Snapshot",
    snapshotCopy: "aws:ebs/snapshotCopy:SnapshotCopy",
    instance: "aws:ec2/instance:Instance",
    volumeAttachment: "aws:ec2/volumeAttachment:VolumeAttachment",
    ami: "aws:ec2/ami:Ami",
    amiCopy: "aws:ec2/amiCopy:AmiCopy",
    amiFromInstance: "aws:ec2/amiFromInstance:AmiFromInstance",
    rdsInstance: "aws:rds/instance:Instance",
    rdsSnapshot: "aws:rds/snapshot:Snapshot",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterSnapshot: "aws:rds/clusterSnapshot:ClusterSnapshot",
    docdbCluster: "aws:docdb/cluster:Cluster",
    docdbClusterSnapshot: "aws:docdb/clusterSnapshot:ClusterSnapshot",
    neptuneCluster: "aws:neptune/cluster:Cluster",
    neptuneClusterSnapshot: "aws:neptune/clusterSnapshot:ClusterSnapshot",
    dlmPolicy: "aws:dlm/lifecyclePolicy:LifecyclePolicy",
    backupSelection: "aws:backup/selection:Selection",
    backupVault: "aws:backup/vault:Vault",
    backupVaultLock: "aws:backup/vaultLockConfiguration:VaultLockConfiguration",
    encryptionByDefault: "aws:ebs/encryptionByDefault:EncryptionByDefault",
    snapshotBlockPublicAccess: "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess",
    imageBlockPublicAccess: "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess",
} as const;

/** The aws-native (Cloud Control) types the stack rules join, CloudFormation-shaped. */
export const N = {
    volume: "aws-native:ec2:Volume",
    instance: "aws-native:ec2:Instance",
    volumeAttachment: "aws-native:ec2:VolumeAttachment",
    dbInstance: "aws-native:rds:DbInstance",
    dbCluster: "aws-native:rds:DbCluster",
    dbSnapshot: "aws-native:rds:DbSnapshot",
    clusterSnapshot: "aws-native:rds:ClusterSnapshot",
    dlmPolicy: "aws-native:dlm:LifecyclePolicy",
    backupSelection: "aws-native:backup:BackupSelection",
    backupVault: "aws-native:backup:BackupVault",
    snapshotBlockPublicAccess: "aws-native:ec2:SnapshotBlockPublicAccess",
} as const;

export const EBS_SNAPSHOTS = [T.snapshot, T.snapshotCopy];
export const VOLUMES = [T.volume, N.volume];
export const INSTANCES = [T.instance, N.instance];

/** Identifier keys of the aws-native types other resources refer to (besides `id` and `arn`). */
export const NATIVE_IDS: Readonly<Record<string, readonly string[]>> = {
    [N.volume]: ["volumeId"],
    [N.instance]: ["instanceId"],
    [N.dbInstance]: ["dbInstanceIdentifier"],
    [N.dbCluster]: ["dbClusterIdentifier"],
};

/**
 * The provider a resource is created with (the policy SDK passes it on stack resources, although
 * core's StackResource does not declare it). Resources without one share the default group.
 */
export function providerKey(resource: StackResource): string {
    const provider = resource.provider;
    return typeof provider?.urn === "string" ? provider.urn : "";
}

/** Provider groups in which an `ebs.EncryptionByDefault` turns encryption on for new volumes. */
export function encryptedByDefault(graph: StackGraph): Set<string> {
    const groups = new Set<string>();
    for (const guardrail of graph.of(T.encryptionByDefault)) {
        const enabled = asBool(prop(guardrail.props, "enabled"));
        if (enabled !== false && !isUnknown(enabled)) {
            groups.add(providerKey(guardrail));
        }
    }
    return groups;
}

/** `encrypted` on a volume or block device: bad when false or omitted (the provider default). */
function encryptedFlag(container: unknown, omittedIsEncrypted: boolean): Verdict {
    const encrypted = asBool(prop(container, "encrypted"));
    if (isUnknown(encrypted)) return UNKNOWN;
    if (encrypted === true) return false;
    return encrypted === undefined ? !omittedIsEncrypted : true;
}

/**
 * Every instance-to-volumes attachment of the stack: volume attachments of either provider, found
 * through their references, and an aws-native instance's own `volumes` list. With
 * `dependenciesWhenUnknown`, an instance whose `volumes` list is unknown attaches the volumes it
 * depends on there.
 */
export function eachVolumeAttachment(graph: StackGraph, attach: (instances: readonly StackResource[], volumes: readonly StackResource[]) => void,
    dependenciesWhenUnknown = false): void {
    for (const attachment of graph.of(T.volumeAttachment, N.volumeAttachment)) {
        const instances = graph.resolve(attachment, "instanceId", INSTANCES);
        const volumes = graph.resolve(attachment, "volumeId", VOLUMES);
        if (isUnknown(instances) || isUnknown(volumes)) continue;
        attach(instances, volumes);
    }
    for (const instance of graph.of(N.instance)) {
        const entries = listOf(instance.props, "volumes");
        if (isUnknown(entries)) {
            if (dependenciesWhenUnknown) attach([instance], graph.dependencies(instance, "volumes", VOLUMES));
            continue;
        }
        for (const entry of entries) {
            const volumes = graph.resolveIn(instance, "volumes", prop(entry, "volumeId"), VOLUMES);
            if (!isUnknown(volumes)) attach([instance], volumes);
        }
    }
}

/** Encryption verdicts of EBS sources (volumes, snapshots, copies, instances), memoised per stack. */
export class EbsEncryption {
    private readonly defaults: Set<string>;
    private readonly attachments = new Map<StackResource, StackResource[]>();

    constructor(private readonly graph: StackGraph) {
        this.defaults = encryptedByDefault(graph);
        const attach = (instances: readonly StackResource[], volumes: readonly StackResource[]) => {
            for (const instance of instances) {
                const list = this.attachments.get(instance) ?? [];
                list.push(...volumes);
                this.attachments.set(instance, list);
            }
        };
        eachVolumeAttachment(graph, attach);
    }

    /** True when the volume is unencrypted. */
    readonly volume = memo((volume: StackResource): Verdict =>
        encryptedFlag(volume.props, this.defaults.has(providerKey(volume))), false);

    /** True when the snapshot (or snapshot copy) holds unencrypted data. */
    readonly snapshot: (snapshot: StackResource) => Verdict = memo((snapshot: StackResource): Verdict => {
        if (this.graph.type(snapshot) === T.snapshotCopy) {
            const encrypted = asBool(prop(snapshot.props, "encrypted"));
            if (encrypted === true) return false;
            const source = this.sourceOfCopy(snapshot);
            return isUnknown(encrypted) && source === true ? UNKNOWN : source;
        }
        const volumes = this.graph.resolve(snapshot, "volumeId", VOLUMES);
        return isUnknown(volumes) ? UNKNOWN : anyBad(volumes.map(this.volume));
    }, false);

    /** Verdict of the snapshot a copy is made from. */
    sourceOfCopy(copy: StackResource): Verdict {
        const sources = this.graph.resolve(copy, "sourceSnapshotId", EBS_SNAPSHOTS);
        return isUnknown(sources) ? UNKNOWN : anyBad(sources.map(this.snapshot));
    }

    /**
     * Verdict of the snapshot one block device (inside the list property `listKey`) is restored
     * from. A known id is matched exactly; an unknown id can only be settled when every snapshot
     * the whole list depends on is encrypted (which one it is cannot be known yet).
     */
    deviceSnapshot(owner: StackResource, listKey: string, device: unknown): Verdict {
        const value = prop(device, "snapshotId");
        if (isUnknown(value)) {
            const candidates = this.graph.dependencies(owner, listKey, EBS_SNAPSHOTS);
            return candidates.length > 0 && anyBad(candidates.map(this.snapshot)) === false ? false : UNKNOWN;
        }
        if (typeof value !== "string") return false;
        return anyBad(this.graph.lookup(value, EBS_SNAPSHOTS).map(this.snapshot));
    }

    /** True when any volume of the instance (root, block devices, attached volumes) is unencrypted. */
    readonly instance = memo((instance: StackResource): Verdict => {
        const verdicts: Verdict[] = [];
        const omittedIsEncrypted = this.defaults.has(providerKey(instance));
        if (this.graph.type(instance) === N.instance) {
            verdicts.push(this.nativeDevices(instance, omittedIsEncrypted));
        } else {
            const root = prop(instance.props, "rootBlockDevice");
            verdicts.push(isUnknown(root) ? UNKNOWN : encryptedFlag(root, omittedIsEncrypted));
            const devices = listOf(instance.props, "ebsBlockDevices");
            if (isUnknown(devices)) {
                verdicts.push(UNKNOWN);
            } else {
                for (const device of devices) {
                    if (isUnknown(device)) {
                        verdicts.push(UNKNOWN);
                    } else if (present(device, "snapshotId")) {
                        verdicts.push(asBool(prop(device, "encrypted")) === true ? false : this.deviceSnapshot(instance, "ebsBlockDevices", device));
                    } else {
                        verdicts.push(encryptedFlag(device, omittedIsEncrypted));
                    }
                }
            }
        }
        for (const volume of this.attachments.get(instance) ?? []) {
            verdicts.push(this.volume(volume));
        }
        return anyBad(verdicts);
    }, false);

    /**
     * aws-native instance devices: no `blockDeviceMappings` means the AMI's root volume (unencrypted
     * unless the account default says otherwise); an instance launched from a template is judged on
     * the template, not here.
     */
    private nativeDevices(instance: StackResource, omittedIsEncrypted: boolean): Verdict {
        const mappings = listOf(instance.props, "blockDeviceMappings");
        if (isUnknown(mappings)) return UNKNOWN;
        if (mappings.length === 0) {
            return present(instance.props, "launchTemplate") ? false : !omittedIsEncrypted;
        }
        return anyBad(mappings.map((mapping): Verdict => {
            const ebs = prop(mapping, "ebs");
            if (isUnknown(mapping) || isUnknown(ebs)) return UNKNOWN;
            if (ebs === undefined) return false; // instance store or no device
            if (present(ebs, "snapshotId")) {
                return asBool(prop(ebs, "encrypted")) === true ? false : this.deviceSnapshot(instance, "blockDeviceMappings", ebs);
            }
            return encryptedFlag(ebs, omittedIsEncrypted);
        }));
    }
}

/** `storageEncrypted` of a database or cluster: bad when false or omitted (unless the engine encrypts by default). */
export function storageUnencrypted(resource: StackResource, omittedIsEncrypted = false): Verdict {
    const encrypted = asBool(prop(resource.props, "storageEncrypted"));
    if (isUnknown(encrypted)) return UNKNOWN;
    if (encrypted === true) return false;
    return encrypted === undefined ? !omittedIsEncrypted : true;
}

/** Aurora Serverless v1 clusters are always encrypted. */
export function serverless(resource: StackResource): boolean {
    return enumIn(prop(resource.props, "engineMode"), "serverless") === true;
}
