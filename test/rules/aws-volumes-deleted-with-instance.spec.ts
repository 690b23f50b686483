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
