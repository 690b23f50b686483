import { gcpDisksSnapshotScheduled as rule } from "../../policies/stack/gcp-disks-snapshot-scheduled";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const DISK = "gcp:compute/disk:Disk";
const REGION_DISK = "gcp:compute/regionDisk:RegionDisk";
const INSTANCE = "gcp:compute/instance:Instance";
const ATTACH = "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment";
const REGION_ATTACH = "gcp:compute/regionDiskResourcePolicyAttachment:RegionDiskResourcePolicyAttachment";
const POLICY = "gcp:compute/resourcePolicy:ResourcePolicy";
const BPA = "gcp:backupdisasterrecovery/backupPlanAssociation:BackupPlanAssociation";

const disk = (name: string, props: Record<string, unknown> = {}): StackFixture => ({ type: DISK, name, props: { name, zone: "europe-west1-b", size: 10, ...props } });
const schedule: StackFixture = { type: POLICY, name: "daily", props: { name: "daily", region: "europe-west1", snapshotSchedulePolicy: { schedule: { dailySchedule: { daysInCycle: 1, startTime: "04:00" } }, retentionPolicy: { maxRetentionDays: 14 } } } };
const vm = (props: Record<string, unknown>, extra: Partial<StackFixture> = {}): StackFixture => ({ type: INSTANCE, name: "vm", props: { name: "vm", machineType: "e2-small", zone: "europe-west1-b", ...props }, ...extra });
const bpa = (resource: unknown, resourceType: string, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: BPA, name: "bpa", props: { backupPlan: "projects/p/locations/europe-west1/backupPlans/bp", backupPlanAssociationId: "a", location: "europe-west1", resource, resourceType }, ...extra,
});

describeStackRule(rule, [
    { name: "disk with a schedule attached by name", resources: [disk("data"), schedule, { type: ATTACH, name: "att", props: { name: "daily", disk: "data", zone: "europe-west1-b" } }], expect: "pass" },
    { name: "disk without any schedule", resources: [disk("data")], expect: "report", reported: ["data"], paths: ["resourcePolicies"], message: /no snapshot schedule/ },
    { name: "disk with resourcePolicies set", resources: [disk("data", { resourcePolicies: ["projects/p/regions/europe-west1/resourcePolicies/daily"] })], expect: "pass" },
    { name: "disk with resourcePolicies unknown during preview (counts as set)", resources: [disk("data", { resourcePolicies: UNKNOWN })], expect: "pass" },
    { name: "attached resource policy is not a snapshot schedule", resources: [disk("data"), { type: POLICY, name: "start-stop", props: { name: "start-stop", instanceSchedulePolicy: { timeZone: "UTC" } } }, { type: ATTACH, name: "att", props: { name: "start-stop", disk: "data" } }], expect: "report", reported: ["data"] },
    { name: "attachment through propertyDependencies during preview", resources: [disk("data", { name: UNKNOWN }), schedule, { type: ATTACH, name: "att", props: { name: UNKNOWN, disk: UNKNOWN }, propertyDependencies: { name: ["daily"], disk: ["data"] } }], expect: "pass" },
    { name: "attachment's disk unknown during preview without a dependency", resources: [disk("data"), { type: ATTACH, name: "att", props: { name: "daily", disk: UNKNOWN } }], expect: "defer", paths: ["att.disk"] },
    { name: "regional disk with a regional attachment", resources: [{ type: REGION_DISK, name: "rd", props: { name: "rd", region: "europe-west1" } }, { type: REGION_ATTACH, name: "ratt", props: { name: "daily", disk: "rd", region: "europe-west1" } }], expect: "pass" },
    { name: "regional disk without a schedule", resources: [{ type: REGION_DISK, name: "rd", props: { name: "rd" } }], expect: "report", reported: ["rd"], paths: [""],
        message: /^no snapshot schedule or Backup and DR plan in this stack covers this regional disk; attach a gcp\.compute\.ResourcePolicy with a `snapshotSchedulePolicy` \(gcp\.compute\.RegionDiskResourcePolicyAttachment\)/ },
    { name: "disk protected by a Backup and DR plan (self link)", resources: [disk("data", { selfLink: "https://www.googleapis.com/compute/v1/projects/p/zones/europe-west1-b/disks/data" }), bpa("projects/p/zones/europe-west1-b/disks/data", "compute.googleapis.com/Disk")], expect: "pass" },
    { name: "disk attached to an instance protected by a Backup and DR plan", resources: [disk("data"), vm({ bootDisk: { initializeParams: { image: "debian-12", resourcePolicies: "daily" } }, attachedDisks: [{ source: UNKNOWN }] }, { propertyDependencies: { attachedDisks: ["data"] } }), bpa(UNKNOWN, "compute.googleapis.com/Instance", { propertyDependencies: { resource: ["vm"] } })], expect: "pass" },
    { name: "instance boot disk with resourcePolicies", resources: [vm({ bootDisk: { initializeParams: { image: "debian-12", resourcePolicies: "projects/p/regions/r/resourcePolicies/daily" } } })], expect: "pass" },
    { name: "instance boot disk resourcePolicies omitted", resources: [vm({ bootDisk: { initializeParams: { image: "debian-12" } } })], expect: "report", reported: ["vm"], paths: ["bootDisk.initializeParams.resourcePolicies"] },
    { name: "deployed outputs: boot disk created from initializeParams, resourcePolicies empty", resources: [vm({ bootDisk: { source: "https://www.googleapis.com/compute/v1/projects/p/zones/z/disks/vm", initializeParams: { image: "debian-12", resourcePolicies: "" } } })], expect: "report", reported: ["vm"] },
    { name: "deployed outputs: boot disk created from initializeParams with a schedule", resources: [vm({ bootDisk: { source: "https://www.googleapis.com/compute/v1/projects/p/zones/z/disks/vm", initializeParams: { image: "debian-12", resourcePolicies: "projects/p/regions/r/resourcePolicies/daily" } } })], expect: "pass" },
    { name: "boot disk attached from outside the stack is not judged", resources: [vm({ bootDisk: { source: "projects/other/zones/z/disks/golden" } })], expect: "pass" },
    { name: "instance booting from a disk resource is judged on the disk", resources: [disk("boot", { resourcePolicies: ["daily"] }), vm({ bootDisk: { source: "boot" } })], expect: "pass" },
    { name: "instance boot disk unknown during preview", resources: [vm({ bootDisk: UNKNOWN })], expect: "defer", paths: ["vm.bootDisk.initializeParams.resourcePolicies"] },
    { name: "backup plan association target unknown during preview", resources: [disk("data"), bpa(UNKNOWN, "compute.googleapis.com/Disk")], expect: "defer", paths: ["bpa.resource"] },
    { name: "exempted disk", resources: [disk("scratch")], config: { exemptions: [{ resource: "scratch", reason: "rebuilt from the image on every deploy" }] }, expect: "exempt" },
    { name: "invalid config", resources: [disk("data")], config: { exemptions: "none" }, expect: "report", message: /invalid policy config/ },
]);
