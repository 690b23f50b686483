import { gcpCopiesKeepCustomerKeys as rule } from "../../policies/stack/gcp-copies-keep-customer-keys";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const DISK = "gcp:compute/disk:Disk";
const REGION_DISK = "gcp:compute/regionDisk:RegionDisk";
const SNAPSHOT = "gcp:compute/snapshot:Snapshot";
const IMAGE = "gcp:compute/image:Image";
const MACHINE_IMAGE = "gcp:compute/machineImage:MachineImage";
const INSTANCE = "gcp:compute/instance:Instance";
const KEY = "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k";
const selfLink = (zone: string, name: string) => `https://www.googleapis.com/compute/v1/projects/p/zones/${zone}/disks/${name}`;

const cmekDisk: StackFixture = { type: DISK, name: "data", props: { name: "data", zone: "europe-west1-b", id: "projects/p/zones/europe-west1-b/disks/data", selfLink: selfLink("europe-west1-b", "data"), diskEncryptionKey: { kmsKeySelfLink: KEY } } };
const googleDisk: StackFixture = { type: DISK, name: "scratch", props: { name: "scratch", zone: "europe-west1-b", selfLink: selfLink("europe-west1-b", "scratch") } };

describeStackRule(rule, [
    { name: "snapshot of a CMEK disk with its own key", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: selfLink("europe-west1-b", "data"), snapshotEncryptionKey: { kmsKeySelfLink: KEY } } }], expect: "pass" },
    { name: "snapshot of a CMEK disk with its key omitted (by self link)", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: selfLink("europe-west1-b", "data") } }], expect: "report", reported: ["snap"], paths: ["snapshotEncryptionKey"], message: /Google-managed key/ },
    { name: "snapshot of a CMEK disk by id", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "projects/p/zones/europe-west1-b/disks/data" } }], expect: "report", reported: ["snap"] },
    { name: "snapshot of a CMEK disk by name", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "data", zone: "europe-west1-b" } }], expect: "report", reported: ["snap"] },
    { name: "snapshot of a CMEK disk through propertyDependencies during preview", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: UNKNOWN }, propertyDependencies: { sourceDisk: ["data"] } }], expect: "report", reported: ["snap"] },
    { name: "outputs with an empty key block after deploy count as no key", resources: [{ type: DISK, name: "scratch", props: { name: "scratch", diskEncryptionKey: { kmsKeySelfLink: "", sha256: "" } } }, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "scratch", snapshotEncryptionKey: { kmsKeySelfLink: "" } } }], expect: "pass" },
    { name: "empty own key block does not hide a CMEK source", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "data", snapshotEncryptionKey: { kmsKeySelfLink: "", rawKey: "" } } }], expect: "report", reported: ["snap"] },
    { name: "snapshot of a Google-managed disk, key omitted", resources: [googleDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: selfLink("europe-west1-b", "scratch") } }], expect: "pass" },
    { name: "snapshot of a disk outside the stack", resources: [{ type: SNAPSHOT, name: "snap", props: { sourceDisk: "projects/other/zones/z/disks/d" } }], expect: "pass" },
    { name: "source disk unknown during preview without a dependency", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: UNKNOWN } }], expect: "defer", paths: ["snap.sourceDisk"] },
    { name: "own key unknown during preview counts as set", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "data", snapshotEncryptionKey: { kmsKeySelfLink: UNKNOWN } } }], expect: "pass" },
    { name: "source key block unknown during preview", resources: [{ ...cmekDisk, props: { name: "data", diskEncryptionKey: UNKNOWN } }, { type: SNAPSHOT, name: "snap", props: { sourceDisk: UNKNOWN }, propertyDependencies: { sourceDisk: ["data"] } }], expect: "defer" },
    { name: "customer-supplied source key counts as a customer key", resources: [{ type: DISK, name: "csek", props: { name: "csek", diskEncryptionKey: { rawKey: "c2VjcmV0" } } }, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "csek" } }], expect: "report", reported: ["snap"] },
    { name: "region disk with kmsKeyName", resources: [{ type: REGION_DISK, name: "rd", props: { name: "rd", diskEncryptionKey: { kmsKeyName: KEY } } }, { type: SNAPSHOT, name: "snap", props: { sourceDisk: UNKNOWN }, propertyDependencies: { sourceDisk: ["rd"] } }], expect: "report", reported: ["snap"] },
    { name: "image of a CMEK snapshot without a key", resources: [{ type: SNAPSHOT, name: "snap", props: { name: "snap1", snapshotEncryptionKey: { kmsKeySelfLink: KEY } } }, { type: IMAGE, name: "img", props: { sourceSnapshot: "snap1" } }], expect: "report", reported: ["img"], paths: ["imageEncryptionKey"] },
    { name: "image of a CMEK disk with a key", resources: [cmekDisk, { type: IMAGE, name: "img", props: { sourceDisk: "data", imageEncryptionKey: { kmsKeySelfLink: KEY } } }], expect: "pass" },
    { name: "image of a CMEK image without a key", resources: [{ type: IMAGE, name: "base", props: { name: "base", imageEncryptionKey: { kmsKeySelfLink: KEY } } }, { type: IMAGE, name: "img", props: { sourceImage: "base" } }], expect: "report", reported: ["img"] },
    { name: "machine image of an instance with a CMEK boot disk", resources: [{ type: INSTANCE, name: "vm", props: { name: "vm", bootDisk: { kmsKeySelfLink: KEY, initializeParams: { image: "debian-12" } } } }, { type: MACHINE_IMAGE, name: "mi", props: { sourceInstance: UNKNOWN }, propertyDependencies: { sourceInstance: ["vm"] } }], expect: "report", reported: ["mi"], paths: ["machineImageEncryptionKey"] },
    { name: "machine image of an instance attaching a CMEK disk", resources: [cmekDisk, { type: INSTANCE, name: "vm", props: { name: "vm", bootDisk: { initializeParams: {} }, attachedDisks: [{ source: selfLink("europe-west1-b", "data") }] } }, { type: MACHINE_IMAGE, name: "mi", props: { sourceInstance: "vm" } }], expect: "report", reported: ["mi"] },
    { name: "machine image with kmsKeyName of an instance with CMEK disks", resources: [{ type: INSTANCE, name: "vm", props: { name: "vm", bootDisk: { kmsKeySelfLink: KEY } } }, { type: MACHINE_IMAGE, name: "mi", props: { sourceInstance: "vm", machineImageEncryptionKey: { kmsKeyName: KEY } } }], expect: "pass" },
    { name: "machine image of an instance whose attached disk is unknown", resources: [cmekDisk, googleDisk, { type: INSTANCE, name: "vm", props: { name: "vm", bootDisk: {}, attachedDisks: [{ source: UNKNOWN }] }, propertyDependencies: { attachedDisks: ["data", "scratch"] } }, { type: MACHINE_IMAGE, name: "mi", props: { sourceInstance: "vm" } }], expect: "defer", paths: ["mi.sourceInstance"] },
    { name: "exempted snapshot", resources: [cmekDisk, { type: SNAPSHOT, name: "snap", props: { sourceDisk: "data" } }], config: { exemptions: [{ resource: "snap", reason: "short-lived test copy", expires: "2026-12-31" }] }, expect: "exempt" },
    { name: "invalid config", resources: [cmekDisk], config: { exemptions: [{ resource: "snap" }] }, expect: "report", message: /invalid policy config/ },
]);
