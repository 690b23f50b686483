import { volumesDeletedWithInstance } from "../../policies/aws/volumes-deleted-with-instance";
import { describeRule, UNKNOWN } from "../harness";

describeRule(volumesDeletedWithInstance, "aws:ec2/instance:Instance", [
    { name: "deleteOnTermination omitted (default true)", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] }, expect: "pass" },
    { name: "rootBlockDevice omitted", props: { ami: "ami-1" }, expect: "pass" },
    { name: "root kept on termination", props: { rootBlockDevice: { deleteOnTermination: false } }, expect: "fail", paths: ["rootBlockDevice.deleteOnTermination"], message: /orphaned volume/ },
    { name: "extra device kept on termination", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf", deleteOnTermination: true }, { deviceName: "/dev/sdg", deleteOnTermination: false }] }, expect: "fail", paths: ["ebsBlockDevices[1].deleteOnTermination"] },
    { name: "unknown during preview", props: { rootBlockDevice: { deleteOnTermination: UNKNOWN } }, expect: "defer" },
    { name: "exempted", props: { rootBlockDevice: { deleteOnTermination: false } }, config: { exemptions: [{ resource: "subject", reason: "forensics host" }] }, expect: "exempt" },
]);

describeRule(volumesDeletedWithInstance, "aws-native:ec2:Instance", [
    { name: "deleteOnTermination omitted (default true)", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, expect: "pass" },
    { name: "blockDeviceMappings omitted", props: { imageId: "ami-1" }, expect: "pass" },
    { name: "instance-store mapping", props: { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }] }, expect: "pass" },
    { name: "data volume kept on termination", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: {} }, { deviceName: "/dev/sdf", ebs: { deleteOnTermination: false } }] }, expect: "fail", paths: ["blockDeviceMappings[1].ebs.deleteOnTermination"], message: /orphaned volume .* of the aws-native\.ec2\.Instance, or manage the volume as its own aws-native\.ec2\.Volume/ },
    { name: "unknown during preview", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { deleteOnTermination: UNKNOWN } }] }, expect: "defer" },
    { name: "mappings unknown during preview", props: { blockDeviceMappings: UNKNOWN }, expect: "defer" },
]);
