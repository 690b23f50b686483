import { volumesEncrypted } from "../../policies/aws/volumes-encrypted";
import { describeRule, UNKNOWN } from "../harness";

describeRule(volumesEncrypted, "aws:ebs/volume:Volume", [
    { name: "encrypted", props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true }, expect: "pass" },
    { name: "encrypted with a customer key", props: { encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k" }, expect: "pass" },
    { name: "encryption turned off", props: { encrypted: false }, expect: "fail", paths: ["encrypted"], message: /turned off/ },
    { name: "encryption omitted", props: { size: 8 }, expect: "fail", paths: ["encrypted"], message: /omitted means unencrypted/ },
    { name: "encryption unknown during preview", props: { encrypted: UNKNOWN }, expect: "defer" },
    { name: "key unknown during preview but encryption on", props: { encrypted: true, kmsKeyId: UNKNOWN }, expect: "pass" },
]);

describeRule(volumesEncrypted, "aws:ec2/instance:Instance", [
    { name: "root and extra devices encrypted", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }, expect: "pass" },
    { name: "rootBlockDevice omitted", props: { ami: "ami-1", instanceType: "t3.micro" }, expect: "fail", paths: ["rootBlockDevice.encrypted"] },
    { name: "root encryption omitted", props: { rootBlockDevice: { volumeSize: 20 } }, expect: "fail", paths: ["rootBlockDevice.encrypted"] },
    { name: "one of two extra devices unencrypted", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", encrypted: false }] }, expect: "fail", paths: ["ebsBlockDevices[1].encrypted"] },
    { name: "extra device restored from a snapshot inherits its encryption", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] }, expect: "pass" },
    { name: "root and extra device both omitted report separately", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf" }] }, expect: "fail", paths: ["rootBlockDevice.encrypted", "ebsBlockDevices[0].encrypted"] },
    { name: "root encryption unknown during preview", props: { rootBlockDevice: { encrypted: UNKNOWN } }, expect: "defer" },
    { name: "whole device list unknown during preview", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: UNKNOWN }, expect: "defer" },
    { name: "unknown device does not hide a definite violation", props: { rootBlockDevice: { encrypted: false }, ebsBlockDevices: UNKNOWN }, expect: "fail", paths: ["rootBlockDevice.encrypted"] },
    { name: "snapshot id unknown: presence counts as set", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: UNKNOWN }] }, expect: "pass" },
]);

describeRule(volumesEncrypted, "aws:ec2/launchTemplate:LaunchTemplate", [
    { name: "string \"true\"", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] }, expect: "pass" },
    { name: "string \"false\"", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"] },
    { name: "string \"false\" even from a snapshot", props: { blockDeviceMappings: [{ ebs: { encrypted: "false", snapshotId: "snap-1" } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"] },
    { name: "encrypted omitted without snapshot", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"] },
    { name: "encrypted omitted but restored from a snapshot", props: { blockDeviceMappings: [{ ebs: { snapshotId: "snap-1" } }] }, expect: "pass" },
    { name: "no block device mappings omitted entirely", props: { imageId: "ami-1" }, expect: "pass" },
    { name: "mapping without ebs (instance store)", props: { blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }] }, expect: "pass" },
    { name: "encrypted unknown during preview", props: { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN } }] }, expect: "defer" },
    { name: "boolean true accepted too", props: { blockDeviceMappings: [{ ebs: { encrypted: true } }] }, expect: "pass" },
]);
