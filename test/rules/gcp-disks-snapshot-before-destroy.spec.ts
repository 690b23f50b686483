import { disksSnapshotBeforeDestroy } from "../../policies/gcp/disks-snapshot-before-destroy";
import { describeRule, UNKNOWN, type Row } from "../harness";

function rows(resource: string, base: Record<string, unknown>): Row[] {
    const disk = (value: unknown) => ({ ...base, createSnapshotBeforeDestroy: value });
    return [
        { name: "final snapshot enabled", props: disk(true), expect: "pass" },
        { name: "final snapshot enabled as a string", props: disk("true"), expect: "pass" },
        { name: "final snapshot disabled", props: disk(false), expect: "fail", paths: ["createSnapshotBeforeDestroy"], message: new RegExp(`without a final snapshot at createSnapshotBeforeDestroy; set \`createSnapshotBeforeDestroy: true\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "final snapshot disabled as a string", props: disk("FALSE"), expect: "fail", paths: ["createSnapshotBeforeDestroy"] },
        { name: "final snapshot omitted (default false)", props: { ...base }, expect: "fail", paths: ["createSnapshotBeforeDestroy"], message: /omitted means false/ },
        { name: "final snapshot unknown during preview", props: disk(UNKNOWN), expect: "defer", paths: ["createSnapshotBeforeDestroy"] },
        { name: "no final snapshot but exempted with a reason", props: { ...base }, config: { exemptions: [{ resource: "subject", reason: "scratch disk" }] }, expect: "exempt" },
        { name: "exemption without a reason is invalid config", props: { ...base }, config: { exemptions: [{ resource: "subject" }] }, expect: "fail", message: /invalid policy config/ },
    ];
}

describeRule(disksSnapshotBeforeDestroy, "gcp:compute/disk:Disk", rows("gcp.compute.Disk", { zone: "us-central1-a", size: 10 }));
describeRule(disksSnapshotBeforeDestroy, "gcp:compute/regionDisk:RegionDisk", rows("gcp.compute.RegionDisk", { region: "us-central1", replicaZones: ["a", "b"] }));
