import type { InstanceArgs } from "@pulumi/aws/ec2";
import type { InstanceArgs as NativeInstanceArgs } from "@pulumi/aws-native/ec2";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, isUnknown, prop } from "../../core/values";
import { eachItem, objectAt } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/terminating-instances.html#preserving-volumes-on-termination";

function keptOnTermination(findings: Finding[], device: unknown, path: string, what: string, resource = "aws.ec2.Instance", volume = "aws.ebs.Volume") {
    const value = asBool(prop(device, "deleteOnTermination"));
    const at = `${path}.deleteOnTermination`;
    if (isUnknown(value)) {
        findings.push(deferred(at));
    } else if (value === false) {
        findings.push(violation(at, `the ${what} outlives the instance as an orphaned volume nobody tracks (deleteOnTermination false)`,
            `set \`deleteOnTermination: true\` on ${path} of the ${resource}, or manage the volume as its own ${volume} with an expiry`));
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
        "likewise `ebs.deleteOnTermination` in `blockDeviceMappings` of `aws-native.ec2.Instance`. Data that must outlive the " +
        "instance belongs on an `aws.ebs.Volume` (or `aws-native.ec2.Volume`) with an attachment, backups and an expiry.",
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
        // aws-native (CloudFormation): `blockDeviceMappings[].ebs.deleteOnTermination`, true unless set.
        on<NativeInstanceArgs>("aws-native:ec2:Instance", (props) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "blockDeviceMappings", "", (mapping, path) => {
                const ebs = objectAt(findings, mapping, "ebs", path);
                if (ebs !== undefined) keptOnTermination(findings, ebs, `${path}.ebs`, "volume", "aws-native.ec2.Instance", "aws-native.ec2.Volume");
            });
            return findings;
        }),
    ],
});
