import type { InstanceArgs } from "@pulumi/aws/ec2";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";
import { eachItem, objectAt } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html#preserving-volumes-on-termination";

function keptOnTermination(findings: Finding[], device: unknown, path: string, what: string) {
    const value = asBool(prop(device, "deleteOnTermination"));
    const at = `${path}.deleteOnTermination`;
    if (isUnknown(value)) {
        findings.push(deferred(at));
    } else if (value === false) {
        findings.push(violation(at, `the ${what} outlives the instance as an orphaned volume nobody tracks (deleteOnTermination false)`,
            `set \`deleteOnTermination: true\` on ${path} of the aws.ec2.Instance, or manage the volume as its own aws.ebs.Volume with an expiry`));
    }
}

export const volumesDeletedWithInstance = defineRule({
    id: "aws-volumes-deleted-with-instance",
    cloud: "aws",
    title: "Instance block devices are deleted with the instance instead of left behind",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "A block device with `deleteOnTermination: false` survives its instance as an unattached volume that no resource " +
        "in the stack owns: it keeps a full copy of the machine's disk, is billed, and is never reviewed or deleted.",
    remediation:
        "Leave `deleteOnTermination` at its default (true) on `rootBlockDevice` and `ebsBlockDevices` of `aws.ec2.Instance`; " +
        "data that must outlive the instance belongs on an `aws.ebs.Volume` with an attachment, backups and an expiry.",
    docsUrl,
    controls: {
        "aws-config": ["ec2-volume-inuse-check"],
    },
    config: [],
    targets: [
        on<InstanceArgs>("aws:ec2/instance:Instance", (props) => {
            const findings: Finding[] = [];
            const root = objectAt(findings, props, "rootBlockDevice", "");
            if (root !== undefined) keptOnTermination(findings, root, "rootBlockDevice", "root volume");
            eachItem(findings, props, "ebsBlockDevices", "", (device, path) => keptOnTermination(findings, device, path, "volume"));
            return findings;
        }),
    ],
});
