import { bootDisksOutliveInstances } from "../../policies/gcp/boot-disks-outlive-instances";
import { describeRule, UNKNOWN } from "../harness";

const INSTANCE = "gcp:compute/instance:Instance";
const SCHEDULE = "projects/p/regions/us-central1/resourcePolicies/daily";
const vm = (bootDisk: unknown) => ({ machineType: "e2-small", zone: "us-central1-a", bootDisk });

describeRule(bootDisksOutliveInstances, INSTANCE, [
    { name: "boot disk with a snapshot schedule", props: vm({ initializeParams: { image: "debian-12", resourcePolicies: SCHEDULE } }), expect: "pass" },
    { name: "boot disk kept after the instance", props: vm({ autoDelete: false, initializeParams: { image: "debian-12" } }), expect: "pass" },
    { name: "boot disk kept (string false)", props: vm({ autoDelete: "false" }), expect: "pass" },
    { name: "existing boot disk attached by source", props: vm({ source: "projects/p/zones/z/disks/boot" }), expect: "pass" },
    { name: "schedule given as a one-element list", props: vm({ initializeParams: { resourcePolicies: [SCHEDULE] } }), expect: "pass" },
    { name: "auto-delete omitted and no schedule", props: vm({ initializeParams: { image: "debian-12" } }), expect: "fail", paths: ["bootDisk.autoDelete"], message: /omitted means true.*set `bootDisk\.initializeParams\.resourcePolicies` on the gcp\.compute\.Instance/ },
    { name: "auto-delete true and no schedule", props: vm({ autoDelete: true, initializeParams: { image: "debian-12" } }), expect: "fail", paths: ["bootDisk.autoDelete"] },
    { name: "empty schedule string", props: vm({ initializeParams: { resourcePolicies: "" } }), expect: "fail", paths: ["bootDisk.autoDelete"] },
    { name: "boot disk omitted", props: { machineType: "e2-small" }, expect: "fail", paths: ["bootDisk.autoDelete"] },
    { name: "schedule unknown during preview counts as set", props: vm({ initializeParams: { resourcePolicies: UNKNOWN } }), expect: "pass" },
    { name: "auto-delete unknown during preview", props: vm({ autoDelete: UNKNOWN }), expect: "defer", paths: ["bootDisk.autoDelete"] },
    { name: "boot disk unknown during preview", props: vm(UNKNOWN), expect: "defer", paths: ["bootDisk"] },
    { name: "no schedule but exempted with a reason", props: vm({}), config: { exemptions: [{ resource: "subject", reason: "stateless worker" }] }, expect: "exempt" },
    { name: "a knob this rule does not have", props: vm({}), config: { minRetentionDays: 7 }, expect: "fail", message: /invalid policy config/ },
]);
