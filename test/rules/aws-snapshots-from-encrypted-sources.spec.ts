import { awsSnapshotsFromEncryptedSources as rule } from "../../policies/stack/aws-snapshots-from-encrypted-sources";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const VOLUME = "aws:ebs/volume:Volume";
const SNAPSHOT = "aws:ebs/snapshot:Snapshot";
const COPY = "aws:ebs/snapshotCopy:SnapshotCopy";
const INSTANCE = "aws:ec2/instance:Instance";
const ATTACHMENT = "aws:ec2/volumeAttachment:VolumeAttachment";

const volume = (name: string, props: Record<string, unknown>): StackFixture => ({ type: VOLUME, name, props: { availabilityZone: "eu-west-1a", size: 8, ...props } });
const plain = volume("plain", { id: "vol-0plain", arn: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-0plain", encrypted: false });
const sealed = volume("sealed", { id: "vol-0sealed", encrypted: true });
const snapshotOf = (name: string, volumeId: unknown, dependsOn?: string): StackFixture => ({
    type: SNAPSHOT, name, props: { volumeId, tags: { "retention-days": "7" } },
    ...(dependsOn ? { dependencies: [dependsOn], propertyDependencies: { volumeId: [dependsOn] } } : {}),
});

describeStackRule(rule, [
    // EBS snapshots
    { name: "snapshot of an encrypted volume (by id)", resources: [sealed, snapshotOf("s", "vol-0sealed")], expect: "pass" },
    { name: "snapshot of an unencrypted volume (by id after deploy)", resources: [plain, snapshotOf("s", "vol-0plain")], expect: "report", reported: ["s"], paths: ["volumeId"], message: /unencrypted aws\.ebs\.Volume/ },
    { name: "snapshot of a volume whose encryption is omitted", resources: [volume("v", { id: "vol-1" }), snapshotOf("s", "vol-1")], expect: "report", reported: ["s"] },
    { name: "snapshot of an unencrypted volume through propertyDependencies during preview", resources: [volume("v", { encrypted: false }), snapshotOf("s", UNKNOWN, "v")], expect: "report", reported: ["s"] },
    { name: "snapshot of an encrypted volume through propertyDependencies during preview", resources: [volume("v", { encrypted: true }), snapshotOf("s", UNKNOWN, "v")], expect: "pass" },
    { name: "no property dependencies sent: the only volume dependency stands in", resources: [plain, { ...snapshotOf("s", UNKNOWN), dependencies: ["plain"] }], expect: "report", reported: ["s"] },
    { name: "known id outside the stack is not redirected by an explicit dependsOn", resources: [plain, { ...snapshotOf("s", "vol-0elsewhere"), dependencies: ["plain"] }], expect: "pass" },
    { name: "no property dependencies sent and two volume dependencies: defer", resources: [plain, sealed, { ...snapshotOf("s", UNKNOWN), dependencies: ["plain", "sealed"] }], expect: "defer", paths: ["s.volumeId"] },
    { name: "volume id unknown during preview without a dependency", resources: [plain, snapshotOf("s", UNKNOWN)], expect: "defer", paths: ["s.volumeId"] },
    { name: "source volume's encryption unknown during preview", resources: [volume("v", { encrypted: UNKNOWN }), snapshotOf("s", UNKNOWN, "v")], expect: "defer" },
    { name: "snapshot of a volume outside the stack", resources: [plain, snapshotOf("s", "vol-0elsewhere")], expect: "pass" },
    { name: "volume encryption omitted but EncryptionByDefault in the same provider", resources: [
        { ...volume("v", { id: "vol-1" }), provider: "eu" }, { ...snapshotOf("s", "vol-1"), provider: "eu" },
        { type: "aws:ebs/encryptionByDefault:EncryptionByDefault", name: "ebd", props: {}, provider: "eu" },
    ], expect: "pass" },
    { name: "EncryptionByDefault in another provider does not count", resources: [
        { ...volume("v", { id: "vol-1" }), provider: "eu" }, { ...snapshotOf("s", "vol-1"), provider: "eu" },
        { type: "aws:ebs/encryptionByDefault:EncryptionByDefault", name: "ebd", props: { enabled: true }, provider: "us" },
    ], expect: "report", reported: ["s"] },
    { name: "string boolean \"true\" on the volume", resources: [volume("v", { id: "vol-1", encrypted: "true" }), snapshotOf("s", "vol-1")], expect: "pass" },
    { name: "several snapshots: only those of the unencrypted volume", resources: [plain, sealed, snapshotOf("a", "vol-0sealed"), snapshotOf("b", "vol-0plain"), snapshotOf("c", "vol-0plain")], expect: "report", reported: ["b", "c"] },
    { name: "exempted snapshot", resources: [plain, snapshotOf("s", "vol-0plain")], config: { exemptions: [{ resource: "s", reason: "scratch data" }] }, expect: "exempt" },
    { name: "invalid config", resources: [plain], config: { minRetentionDays: 3 }, expect: "report", message: /invalid policy config/ },

    // EBS snapshot copies
    { name: "copy of an unencrypted snapshot without encryption", resources: [plain, snapshotOf("s", "vol-0plain"), { type: COPY, name: "c", props: { sourceSnapshotId: UNKNOWN, sourceRegion: "eu-west-1" }, propertyDependencies: { sourceSnapshotId: ["s"] } }], expect: "report", reported: ["s", "c"], paths: ["volumeId", "encrypted"] },
    { name: "copy of an unencrypted snapshot with encrypted: true", resources: [plain, { ...snapshotOf("s", "vol-0plain"), props: { id: "snap-1", volumeId: "vol-0plain" } }, { type: COPY, name: "c", props: { sourceSnapshotId: "snap-1", encrypted: true } }], expect: "report", reported: ["s"] },
    { name: "copy of a copy inherits the re-encryption", resources: [plain, { ...snapshotOf("s", "vol-0plain"), props: { id: "snap-1", volumeId: "vol-0plain" } }, { type: COPY, name: "c1", props: { id: "snap-2", sourceSnapshotId: "snap-1", encrypted: "true" } }, { type: COPY, name: "c2", props: { sourceSnapshotId: "snap-2" } }], expect: "report", reported: ["s"] },
    { name: "copy's encryption unknown during preview of an unencrypted source", resources: [{ ...sealed, props: { encrypted: false } }, snapshotOf("s", UNKNOWN, "sealed"), { type: COPY, name: "c", props: { sourceSnapshotId: UNKNOWN, encrypted: UNKNOWN }, propertyDependencies: { sourceSnapshotId: ["s"] } }], expect: "report", reported: ["s"] },
    { name: "copy of a snapshot outside the stack, encryption omitted", resources: [{ type: COPY, name: "c", props: { sourceSnapshotId: "snap-elsewhere" } }], expect: "pass" },

    // RDS and cluster snapshots
    { name: "DB snapshot of an unencrypted instance (by identifier)", resources: [
        { type: "aws:rds/instance:Instance", name: "db", props: { identifier: "orders", storageEncrypted: false } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "orders-1" } },
    ], expect: "report", reported: ["snap"], paths: ["dbInstanceIdentifier"] },
    { name: "DB snapshot of an instance with storage encryption omitted (dependency)", resources: [
        { type: "aws:rds/instance:Instance", name: "db", props: { engine: "postgres" } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: UNKNOWN }, propertyDependencies: { dbInstanceIdentifier: ["db"] } },
    ], expect: "report", reported: ["snap"] },
    { name: "DB snapshot of an encrypted instance", resources: [
        { type: "aws:rds/instance:Instance", name: "db", props: { identifier: "orders", storageEncrypted: true } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: "orders" } },
    ], expect: "pass" },
    { name: "DB snapshot of a read replica is judged at the source", resources: [
        { type: "aws:rds/instance:Instance", name: "replica", props: { identifier: "orders-r", replicateSourceDb: "orders" } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: "orders-r" } },
    ], expect: "pass" },
    { name: "deployed outputs: an empty replicateSourceDb is not a replica", resources: [
        { type: "aws:rds/instance:Instance", name: "db", props: { identifier: "orders", replicateSourceDb: "", storageEncrypted: false } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: "orders" } },
    ], expect: "report", reported: ["snap"] },
    { name: "DB instance reference unknown during preview", resources: [
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: UNKNOWN } },
    ], expect: "defer", paths: ["snap.dbInstanceIdentifier"] },
    { name: "Aurora cluster snapshot of an unencrypted cluster", resources: [
        { type: "aws:rds/cluster:Cluster", name: "aurora", props: { id: "aurora-main", clusterIdentifier: "aurora-main", engine: "aurora-postgresql" } },
        { type: "aws:rds/clusterSnapshot:ClusterSnapshot", name: "csnap", props: { dbClusterIdentifier: "aurora-main", dbClusterSnapshotIdentifier: "c1" } },
    ], expect: "report", reported: ["csnap"], paths: ["dbClusterIdentifier"], message: /aws\.rds\.Cluster/ },
    { name: "Aurora Serverless v1 cluster is encrypted when omitted (enum case)", resources: [
        { type: "aws:rds/cluster:Cluster", name: "aurora", props: { clusterIdentifier: "aurora-main", engineMode: "SERVERLESS" } },
        { type: "aws:rds/clusterSnapshot:ClusterSnapshot", name: "csnap", props: { dbClusterIdentifier: "aurora-main" } },
    ], expect: "pass" },
    { name: "DocumentDB cluster snapshot of an unencrypted cluster", resources: [
        { type: "aws:docdb/cluster:Cluster", name: "docs", props: { clusterIdentifier: "docs", storageEncrypted: false } },
        { type: "aws:docdb/clusterSnapshot:ClusterSnapshot", name: "dsnap", props: { dbClusterIdentifier: "docs" } },
    ], expect: "report", reported: ["dsnap"], message: /aws\.docdb\.Cluster/ },
    { name: "Neptune cluster snapshot of an encrypted cluster", resources: [
        { type: "aws:neptune/cluster:Cluster", name: "graph", props: { clusterIdentifier: "graph", storageEncrypted: true } },
        { type: "aws:neptune/clusterSnapshot:ClusterSnapshot", name: "nsnap", props: { dbClusterIdentifier: UNKNOWN }, propertyDependencies: { dbClusterIdentifier: ["graph"] } },
    ], expect: "pass" },
    { name: "Neptune cluster snapshot of an unencrypted cluster", resources: [
        { type: "aws:neptune/cluster:Cluster", name: "graph", props: { clusterIdentifier: "graph" } },
        { type: "aws:neptune/clusterSnapshot:ClusterSnapshot", name: "nsnap", props: { dbClusterIdentifier: "graph" } },
    ], expect: "report", reported: ["nsnap"] },
    { name: "cluster encryption unknown during preview", resources: [
        { type: "aws:docdb/cluster:Cluster", name: "docs", props: { storageEncrypted: UNKNOWN } },
        { type: "aws:docdb/clusterSnapshot:ClusterSnapshot", name: "dsnap", props: { dbClusterIdentifier: UNKNOWN }, propertyDependencies: { dbClusterIdentifier: ["docs"] } },
    ], expect: "defer", paths: ["dsnap.dbClusterIdentifier"] },

    // AMIs and instances
    { name: "AMI from an instance with an unencrypted root (rootBlockDevice omitted)", resources: [
        { type: INSTANCE, name: "web", props: { id: "i-1", ami: "ami-base", instanceType: "t3.micro" } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-1" } },
    ], expect: "report", reported: ["img"], paths: ["sourceInstanceId"] },
    { name: "deployed outputs: a device's empty snapshotId means no snapshot, so its own encryption counts", resources: [
        { type: INSTANCE, name: "web", props: { id: "i-1", rootBlockDevice: { encrypted: true, snapshotId: "" }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "", encrypted: false }] } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-1" } },
    ], expect: "report", reported: ["img"] },
    { name: "AMI from a fully encrypted instance", resources: [
        { type: INSTANCE, name: "web", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: UNKNOWN }, propertyDependencies: { sourceInstanceId: ["web"] } },
    ], expect: "pass" },
    { name: "AMI from an instance with an unencrypted attached volume", resources: [
        { type: INSTANCE, name: "web", props: { id: "i-1", rootBlockDevice: { encrypted: true } } },
        plain,
        { type: ATTACHMENT, name: "att", props: { deviceName: "/dev/sdh", instanceId: "i-1", volumeId: "vol-0plain" } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-1" } },
    ], expect: "report", reported: ["img"] },
    { name: "AMI from an instance whose root encryption is unknown during preview", resources: [
        { type: INSTANCE, name: "web", props: { rootBlockDevice: { encrypted: UNKNOWN } } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: UNKNOWN }, propertyDependencies: { sourceInstanceId: ["web"] } },
    ], expect: "defer", paths: ["img.sourceInstanceId"] },
    { name: "unknown device does not hide an unencrypted root", resources: [
        { type: INSTANCE, name: "web", props: { rootBlockDevice: { encrypted: false }, ebsBlockDevices: UNKNOWN } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: UNKNOWN }, propertyDependencies: { sourceInstanceId: ["web"] } },
    ], expect: "report", reported: ["img"] },
    { name: "AMI registering an unencrypted snapshot (by id)", resources: [
        plain, { ...snapshotOf("s", "vol-0plain"), props: { id: "snap-1", volumeId: "vol-0plain" } },
        { type: "aws:ec2/ami:Ami", name: "img", props: { rootDeviceName: "/dev/xvda", ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: "snap-1" }] } },
    ], expect: "report", reported: ["s", "img"], paths: ["volumeId", "ebsBlockDevices[0].snapshotId"] },
    { name: "AMI registering an encrypted snapshot copy", resources: [
        { type: COPY, name: "c", props: { id: "snap-2", sourceSnapshotId: "snap-x", encrypted: true } },
        { type: "aws:ec2/ami:Ami", name: "img", props: { ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: UNKNOWN }] }, propertyDependencies: { ebsBlockDevices: ["c"] } },
    ], expect: "pass" },
    { name: "AMI snapshot unknown during preview with an unencrypted candidate", resources: [
        plain, snapshotOf("s", UNKNOWN, "plain"),
        { type: "aws:ec2/ami:Ami", name: "img", props: { ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: UNKNOWN }] }, propertyDependencies: { ebsBlockDevices: ["s"] } },
    ], expect: "report", reported: ["s"] },
    { name: "instance device restored from an unencrypted snapshot without encryption", resources: [
        plain, { ...snapshotOf("s", "vol-0plain"), props: { id: "snap-1", volumeId: "vol-0plain" } },
        { type: INSTANCE, name: "web", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", snapshotId: "snap-1" }] } },
    ], expect: "report", reported: ["s", "web"], paths: ["volumeId", "ebsBlockDevices[1].encrypted"] },
    { name: "instance device restored from an unencrypted snapshot with encrypted: true", resources: [
        { ...snapshotOf("s", "vol-elsewhere"), props: { id: "snap-1", volumeId: "vol-elsewhere" } },
        { type: INSTANCE, name: "web", props: { ebsBlockDevices: [{ deviceName: "/dev/sdg", snapshotId: "snap-1", encrypted: true }] } },
    ], expect: "pass" },
    { name: "instance device snapshot unknown during preview, device encryption omitted", resources: [
        plain, snapshotOf("s", UNKNOWN, "plain"),
        { type: INSTANCE, name: "web", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdg", snapshotId: UNKNOWN }] }, propertyDependencies: { ebsBlockDevices: ["s"] } },
    ], expect: "report", reported: ["s"] },
]);

// ---- aws-native sources and snapshots (CloudFormation shapes) ------------------------------------

const NVOLUME = "aws-native:ec2:Volume";
const NINSTANCE = "aws-native:ec2:Instance";
const NDB = "aws-native:rds:DbInstance";
const NCLUSTER = "aws-native:rds:DbCluster";

describeStackRule(rule, [
    { name: "EBS snapshot of an unencrypted aws-native volume (by volumeId)", resources: [{ type: NVOLUME, name: "nv", props: { availabilityZone: "eu-west-1a", volumeId: "vol-0native" } }, snapshotOf("s", "vol-0native")], expect: "report", reported: ["s"], paths: ["volumeId"] },
    { name: "EBS snapshot of an encrypted aws-native volume by reference", resources: [{ type: NVOLUME, name: "nv", props: { encrypted: true } }, snapshotOf("s", UNKNOWN, "nv")], expect: "pass" },
    { name: "aws-native DB snapshot of an unencrypted aws-native instance (by identifier)", resources: [
        { type: NDB, name: "orders", props: { engine: "postgres", dbInstanceIdentifier: "orders" } },
        { type: "aws-native:rds:DbSnapshot", name: "snap", props: { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "snap" } },
    ], expect: "report", reported: ["snap"], paths: ["dbInstanceIdentifier"], message: /DB snapshot is taken from a DB instance .*aws-native\.rds\.DbInstance/ },
    { name: "aws-native DB snapshot of an encrypted aws.rds.Instance (by identifier)", resources: [
        { type: "aws:rds/instance:Instance", name: "orders", props: { identifier: "orders", storageEncrypted: true } },
        { type: "aws-native:rds:DbSnapshot", name: "snap", props: { dbInstanceIdentifier: "orders", dbSnapshotIdentifier: "snap" } },
    ], expect: "pass" },
    { name: "aws.rds.Snapshot of an unencrypted aws-native instance by reference", resources: [
        { type: NDB, name: "orders", props: { engine: "postgres", storageEncrypted: false } },
        { type: "aws:rds/snapshot:Snapshot", name: "snap", props: { dbInstanceIdentifier: UNKNOWN, dbSnapshotIdentifier: "snap" }, propertyDependencies: { dbInstanceIdentifier: ["orders"] } },
    ], expect: "report", reported: ["snap"] },
    { name: "aws-native DB snapshot: instance reference unknown during preview", resources: [
        { type: NDB, name: "orders", props: { engine: "postgres" } },
        { type: "aws-native:rds:DbSnapshot", name: "snap", props: { dbInstanceIdentifier: UNKNOWN, dbSnapshotIdentifier: "snap" } },
    ], expect: "defer", paths: ["snap.dbInstanceIdentifier"] },
    { name: "aws-native cluster snapshot of an unencrypted aws-native cluster", resources: [
        { type: NCLUSTER, name: "ledger", props: { engine: "aurora-postgresql", dbClusterIdentifier: "ledger" } },
        { type: "aws-native:rds:ClusterSnapshot", name: "csnap", props: { dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "csnap" } },
    ], expect: "report", reported: ["csnap"], paths: ["dbClusterIdentifier"] },
    { name: "aws-native cluster snapshot of a serverless v1 cluster (always encrypted)", resources: [
        { type: NCLUSTER, name: "ledger", props: { engine: "aurora-postgresql", engineMode: "serverless", dbClusterIdentifier: "ledger" } },
        { type: "aws-native:rds:ClusterSnapshot", name: "csnap", props: { dbClusterIdentifier: "ledger", dbClusterSnapshotIdentifier: "csnap" } },
    ], expect: "pass" },
    { name: "AMI from an aws-native instance whose root comes from the AMI (no mappings)", resources: [
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", instanceId: "i-0web" } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-0web" } },
    ], expect: "report", reported: ["img"] },
    { name: "AMI from an aws-native instance with encrypted mappings and an encrypted attached volume", resources: [
        { type: NINSTANCE, name: "web", props: { instanceId: "i-0web", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }], volumes: [{ device: "/dev/sdh", volumeId: "vol-0data" }] } },
        { type: NVOLUME, name: "data", props: { volumeId: "vol-0data", encrypted: true } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-0web" } },
    ], expect: "pass" },
    { name: "AMI from an aws-native instance with an unencrypted attached aws-native volume", resources: [
        { type: NINSTANCE, name: "web", props: { instanceId: "i-0web", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] } },
        { type: NVOLUME, name: "data", props: { volumeId: "vol-0data" } },
        { type: "aws-native:ec2:VolumeAttachment", name: "att", props: { instanceId: "i-0web", volumeId: "vol-0data" } },
        { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-0web" } },
    ], expect: "report", reported: ["img"] },
    { name: "aws-native instance mapping restored from an unencrypted snapshot (by id)", resources: [
        plain, { ...snapshotOf("s", "vol-0plain"), props: { volumeId: "vol-0plain", id: "snap-0plain" } },
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }, { deviceName: "/dev/sdf", ebs: { snapshotId: "snap-0plain" } }] } },
    ], expect: "report", reported: ["s", "web"], paths: ["volumeId", "blockDeviceMappings[1].ebs.encrypted"], message: /aws-native\.ec2\.Instance/ },
    { name: "aws-native instance mapping restored from an unencrypted snapshot whose id is unknown during preview", resources: [
        plain, snapshotOf("s", "vol-0plain"),
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: UNKNOWN } }] }, propertyDependencies: { blockDeviceMappings: ["s"] } },
    ], expect: "report", reported: ["s"] },
    { name: "aws-native instance mapping restored from an unencrypted snapshot with encryption on", resources: [
        plain, snapshotOf("s", "vol-0plain"),
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: UNKNOWN, encrypted: true } }] }, propertyDependencies: { blockDeviceMappings: ["s"] } },
    ], expect: "report", reported: ["s"] },
    { name: "aws-native instance mapping: snapshot id unknown without a dependency", resources: [
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: UNKNOWN } }] } },
    ], expect: "defer", paths: ["web.blockDeviceMappings[0].ebs.snapshotId"] },
]);
