import { defineStackRule, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";
import type { StackResource } from "../../core/rule";
import { EbsEncryption, EBS_SNAPSHOTS, INSTANCES, N, NATIVE_IDS, serverless, storageUnencrypted, T } from "./lib/aws";
import { anyBad, deferredAt, judge, listOf, present, StackGraph } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";

/** Cluster snapshot types and the cluster types each is taken from (RDS clusters of either provider). */
const clusterSnapshots: ReadonlyArray<[snapshot: string, clusters: readonly string[], cls: string]> = [
    [T.rdsClusterSnapshot, [T.rdsCluster, N.dbCluster], "aws.rds.Cluster"],
    [T.docdbClusterSnapshot, [T.docdbCluster], "aws.docdb.Cluster"],
    [T.neptuneClusterSnapshot, [T.neptuneCluster], "aws.neptune.Cluster"],
];

const RDS_INSTANCES = [T.rdsInstance, N.dbInstance];

/** Storage of a DB instance of either provider; read replicas and Aurora members are judged at their source. */
function instanceUnencrypted(instance: StackResource): boolean | ReturnType<typeof storageUnencrypted> {
    if (instance.type.startsWith("aws-native:")) {
        return present(instance.props, "sourceDbInstanceIdentifier") || present(instance.props, "dbClusterIdentifier") ? false : storageUnencrypted(instance);
    }
    // A read replica's encryption follows its source; it is judged there.
    return present(instance.props, "replicateSourceDb") ? false : storageUnencrypted(instance);
}

/** Storage of an RDS, DocumentDB or Neptune cluster; serverless v1 Aurora clusters are always encrypted. */
function clusterUnencrypted(cluster: StackResource): ReturnType<typeof storageUnencrypted> {
    const rds = cluster.type === T.rdsCluster || cluster.type === N.dbCluster;
    return storageUnencrypted(cluster, rds && serverless(cluster));
}

export const awsSnapshotsFromEncryptedSources = defineStackRule({
    id: "aws-snapshots-from-encrypted-sources",
    cloud: "aws",
    title: "Snapshots and machine images are only taken from encrypted volumes, instances and databases",
    category: "encryption",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "An EBS snapshot, an RDS, DocumentDB or Neptune snapshot and an AMI have no encryption setting of their own: " +
        "they inherit it from the volume, database, cluster or instance they are taken from. A copy of an unencrypted " +
        "source is an unencrypted copy of the machine's data that can outlive the source, be copied and be shared. " +
        "Only the stack shows where a copy comes from, so this rule follows `volumeId`, `sourceSnapshotId`, " +
        "`dbInstanceIdentifier`, `dbClusterIdentifier`, `sourceInstanceId` and block-device `snapshotId` references " +
        "to resources in the same stack (by property dependency, id or ARN) and defers while a reference is unknown.",
    remediation:
        "Encrypt the source (`encrypted: true` on `aws.ebs.Volume` and instance block devices, `storageEncrypted: true` " +
        "on `aws.rds.Instance`/`Cluster`, `aws.docdb.Cluster`, `aws.neptune.Cluster`; both replace the resource, so migrate " +
        "through an encrypted copy), or copy an existing snapshot with `aws.ebs.SnapshotCopy` and `encrypted: true`, and " +
        "restore instance block devices from unencrypted snapshots with `encrypted: true`. aws-native " +
        "`rds.DbSnapshot` and `rds.ClusterSnapshot` (`dbInstanceIdentifier`, `dbClusterIdentifier`), AMIs of aws-native " +
        "instances and aws-native instance `blockDeviceMappings` restored from a snapshot are followed the same way. " +
        "`aws.ebs.EncryptionByDefault` in the same provider counts as encryption for volumes that omit it.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_146", "CKV_AWS_279", "CKV_AWS_280"],
        kics: ["e6b4b943-6883-47a9-9739-7ada9568f8ca", "656880aa-1388-488f-a6d4-8f73c23149b2"],
        "aws-config": ["rds-snapshot-encrypted", "neptune-cluster-snapshot-encrypted"],
        prowler: ["ec2_ebs_snapshots_encrypted", "rds_snapshots_encrypted", "neptune_cluster_snapshot_encrypted"],
    },
    config: [],
    stackTypes: [
        T.snapshot, T.snapshotCopy, T.rdsSnapshot, T.rdsClusterSnapshot, T.docdbClusterSnapshot, T.neptuneClusterSnapshot,
        T.amiFromInstance, T.ami, T.instance, N.dbSnapshot, N.clusterSnapshot, N.instance,
    ],
    // the sources and what decides their encryption
    alsoReads: [
        T.volume, T.volumeAttachment, T.encryptionByDefault, T.rdsInstance, T.rdsCluster, T.docdbCluster, T.neptuneCluster,
        N.volume, N.volumeAttachment, N.dbInstance, N.dbCluster,
    ],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, {
            [T.volume]: [], [T.snapshot]: [], [T.snapshotCopy]: [], [T.instance]: [],
            [T.rdsInstance]: ["identifier"], [T.rdsCluster]: ["clusterIdentifier"],
            [T.docdbCluster]: ["clusterIdentifier"], [T.neptuneCluster]: ["clusterIdentifier"],
            ...NATIVE_IDS,
        });
        const ebs = new EbsEncryption(graph);
        const ebsSnapshot = (owner: StackResource, device: unknown) => ebs.deviceSnapshot(owner, "blockDeviceMappings", device);
        const findings: Finding[] = [];

        for (const snapshot of graph.of(T.snapshot)) {
            findings.push(...judge(snapshot, ebs.snapshot(snapshot), "volumeId",
                "the snapshot is taken from an unencrypted aws.ebs.Volume in this stack, so it is unencrypted too",
                "encrypt the source aws.ebs.Volume (`encrypted: true`, which replaces it), or re-encrypt this snapshot with an aws.ebs.SnapshotCopy and `encrypted: true` and delete the plain one"));
        }

        for (const copy of graph.of(T.snapshotCopy)) {
            const encrypted = asBool(prop(copy.props, "encrypted"));
            if (encrypted === true) continue;
            const source = ebs.sourceOfCopy(copy);
            if (source === true && isUnknown(encrypted)) {
                findings.push(deferredAt(copy, "encrypted"));
                continue;
            }
            findings.push(...judge(copy, source, "encrypted",
                "the copy is made from an unencrypted snapshot in this stack and does not turn encryption on",
                "set `encrypted: true` (and `kmsKeyId` for a customer-managed key) on the aws.ebs.SnapshotCopy"));
        }

        for (const snapshot of graph.of(T.rdsSnapshot)) {
            const instances = graph.resolve(snapshot, "dbInstanceIdentifier", RDS_INSTANCES);
            const verdict = isUnknown(instances) ? instances : anyBad(instances.map(instanceUnencrypted));
            findings.push(...judge(snapshot, verdict, "dbInstanceIdentifier",
                "the DB snapshot is taken from an aws.rds.Instance in this stack without storage encryption, so it is unencrypted too",
                "set `storageEncrypted: true` on the source aws.rds.Instance (this replaces it; restore from an encrypted snapshot copy with `kmsKeyId`)"));
        }

        for (const [snapshotType, clusterTypes, cls] of clusterSnapshots) {
            for (const snapshot of graph.of(snapshotType)) {
                const clusters = graph.resolve(snapshot, "dbClusterIdentifier", clusterTypes);
                const verdict = isUnknown(clusters) ? clusters : anyBad(clusters.map(clusterUnencrypted));
                findings.push(...judge(snapshot, verdict, "dbClusterIdentifier",
                    `the cluster snapshot is taken from an ${cls} in this stack without storage encryption, so it is unencrypted too`,
                    `set \`storageEncrypted: true\` on the source ${cls} (this replaces it; migrate through an encrypted snapshot copy)`));
            }
        }

        for (const image of graph.of(T.amiFromInstance)) {
            const instances = graph.resolve(image, "sourceInstanceId", INSTANCES);
            const verdict = isUnknown(instances) ? instances : anyBad(instances.map(ebs.instance));
            findings.push(...judge(image, verdict, "sourceInstanceId",
                "the image is taken from an aws.ec2.Instance in this stack with an unencrypted root, block device or attached volume, so its snapshots are unencrypted",
                "encrypt every volume of the source aws.ec2.Instance (`rootBlockDevice.encrypted`, `ebsBlockDevices[].encrypted`, attached aws.ebs.Volume `encrypted`), or copy the image with aws.ec2.AmiCopy and `encrypted: true`"));
        }

        for (const image of graph.of(T.ami)) {
            const devices = listOf(image.props, "ebsBlockDevices");
            if (isUnknown(devices)) {
                if (graph.dependencies(image, "ebsBlockDevices", EBS_SNAPSHOTS).length > 0) {
                    findings.push(deferredAt(image, "ebsBlockDevices"));
                }
                continue;
            }
            devices.forEach((device, index) => {
                if (!present(device, "snapshotId")) return; // a device without a snapshot is aws-volumes-encrypted's
                findings.push(...judge(image, ebs.deviceSnapshot(image, "ebsBlockDevices", device), `ebsBlockDevices[${index}].snapshotId`,
                    "the image registers an unencrypted snapshot from this stack, so instances launched from it get unencrypted volumes",
                    "register an encrypted snapshot instead: copy it with an aws.ebs.SnapshotCopy and `encrypted: true` and use the copy's id"));
            });
        }

        for (const instance of graph.of(T.instance)) {
            const devices = listOf(instance.props, "ebsBlockDevices");
            if (isUnknown(devices)) continue; // aws-volumes-encrypted defers the whole list already
            devices.forEach((device, index) => {
                if (!present(device, "snapshotId")) return;
                const encrypted = asBool(prop(device, "encrypted"));
                if (encrypted === true) return;
                const path = `ebsBlockDevices[${index}].encrypted`;
                const source = ebs.deviceSnapshot(instance, "ebsBlockDevices", device);
                if (source === true && isUnknown(encrypted)) {
                    findings.push(deferredAt(instance, path));
                    return;
                }
                findings.push(...judge(instance, source, isUnknown(source) ? `ebsBlockDevices[${index}].snapshotId` : path,
                    "the block device is restored from an unencrypted snapshot in this stack without turning encryption on",
                    `set \`encrypted: true\` on ${path.replace(/\.encrypted$/, "")} of the aws.ec2.Instance (this replaces the instance)`));
            });
        }
        // aws-native (CloudFormation): DB and cluster snapshots taken from databases of either provider.
        for (const snapshot of graph.of(N.dbSnapshot)) {
            const instances = graph.resolve(snapshot, "dbInstanceIdentifier", RDS_INSTANCES);
            const verdict = isUnknown(instances) ? instances : anyBad(instances.map(instanceUnencrypted));
            findings.push(...judge(snapshot, verdict, "dbInstanceIdentifier",
                "the DB snapshot is taken from a DB instance in this stack without storage encryption, so it is unencrypted too",
                "set `storageEncrypted: true` on the source DB instance (aws-native.rds.DbInstance or aws.rds.Instance; this replaces it, so restore from an encrypted snapshot copy)"));
        }
        for (const snapshot of graph.of(N.clusterSnapshot)) {
            const clusters = graph.resolve(snapshot, "dbClusterIdentifier", [T.rdsCluster, N.dbCluster]);
            const verdict = isUnknown(clusters) ? clusters : anyBad(clusters.map(clusterUnencrypted));
            findings.push(...judge(snapshot, verdict, "dbClusterIdentifier",
                "the cluster snapshot is taken from a DB cluster in this stack without storage encryption, so it is unencrypted too",
                "set `storageEncrypted: true` on the source DB cluster (aws-native.rds.DbCluster or aws.rds.Cluster; this replaces it, so migrate through an encrypted snapshot copy)"));
        }
        for (const instance of graph.of(N.instance)) {
            const mappings = listOf(instance.props, "blockDeviceMappings");
            if (isUnknown(mappings)) continue; // aws-volumes-encrypted defers the whole list already
            mappings.forEach((mapping, index) => {
                const ebs = prop(mapping, "ebs");
                if (isUnknown(ebs) || !present(ebs, "snapshotId")) return;
                const encrypted = asBool(prop(ebs, "encrypted"));
                if (encrypted === true) return;
                const path = `blockDeviceMappings[${index}].ebs.encrypted`;
                const source = ebs === undefined ? false : ebsSnapshot(instance, ebs);
                if (source === true && isUnknown(encrypted)) {
                    findings.push(deferredAt(instance, path));
                    return;
                }
                findings.push(...judge(instance, source, isUnknown(source) ? `blockDeviceMappings[${index}].ebs.snapshotId` : path,
                    "the block device is restored from an unencrypted snapshot in this stack without turning encryption on",
                    `set \`encrypted: true\` on blockDeviceMappings[${index}].ebs of the aws-native.ec2.Instance (this replaces the instance)`));
            });
        }
        return findings;
    },
});
