import { volumesEncrypted } from "../../policies/aws/volumes-encrypted";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

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

const exempt = { exemptions: [{ resource: "subject", reason: "legacy build host", expires: "2999-01-01" }] };

for (const [type, resource] of [
    ["aws:ec2/spotInstanceRequest:SpotInstanceRequest", "SpotInstanceRequest"],
    ["aws:ec2/launchConfiguration:LaunchConfiguration", "LaunchConfiguration"],
] as const) {
    describeRule(volumesEncrypted, type, [
        { name: "root and extra devices encrypted", props: { imageId: "ami-1", rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }, expect: "pass" },
        { name: "rootBlockDevice omitted: unencrypted root", props: { imageId: "ami-1", instanceType: "t3.micro" }, expect: "fail", paths: ["rootBlockDevice.encrypted"], message: new RegExp(`omitted means unencrypted\\) at rootBlockDevice.encrypted; set .* on the aws.ec2.${resource}`) },
        { name: "root encryption turned off", props: { rootBlockDevice: { encrypted: false } }, expect: "fail", paths: ["rootBlockDevice.encrypted"], message: /turned off/ },
        { name: "extra device unencrypted", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf" }] }, expect: "fail", paths: ["ebsBlockDevices[0].encrypted"] },
        { name: "extra device from a snapshot inherits", props: { rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] }, expect: "pass" },
        { name: "root encryption unknown during preview", props: { rootBlockDevice: { encrypted: UNKNOWN } }, expect: "defer", message: /rootBlockDevice.encrypted is unknown/ },
        { name: "unencrypted root exempted", props: {}, config: exempt, expect: "exempt" },
    ]);
}

const fleet = (specification: Record<string, unknown>) => ({ iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 1, launchSpecifications: [{ ami: "ami-1", instanceType: "m5.large", ...specification }] });

describeRule(volumesEncrypted, "aws:ec2/spotFleetRequest:SpotFleetRequest", [
    { name: "root and extra devices encrypted", props: fleet({ rootBlockDevices: [{ encrypted: true }], ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }] }), expect: "pass" },
    { name: "launch template configs only (launchSpecifications omitted)", props: { iamFleetRole: "r", targetCapacity: 1, launchTemplateConfigs: [{ launchTemplateSpecification: { id: "lt-1" } }] }, expect: "pass" },
    { name: "root encryption omitted", props: fleet({ rootBlockDevices: [{ volumeSize: 20 }] }), expect: "fail", paths: ["launchSpecifications[0].rootBlockDevices[0].encrypted"] },
    { name: "extra device turned off", props: fleet({ ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] }), expect: "fail", paths: ["launchSpecifications[0].ebsBlockDevices[0].encrypted"] },
    { name: "extra device from a snapshot inherits", props: fleet({ ebsBlockDevices: [{ deviceName: "/dev/sdf", snapshotId: "snap-1" }] }), expect: "pass" },
    { name: "specifications unknown during preview", props: { launchSpecifications: UNKNOWN }, expect: "defer" },
    { name: "root device encryption unknown during preview", props: fleet({ rootBlockDevices: [{ encrypted: UNKNOWN }] }), expect: "defer" },
]);

describeRule(volumesEncrypted, "aws:imagebuilder/imageRecipe:ImageRecipe", [
    { name: "string \"true\"", props: { parentImage: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true" } }] }, expect: "pass" },
    { name: "encrypted omitted inherits the parent image", props: { parentImage: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30 } }] }, expect: "pass" },
    { name: "no block device mappings", props: { parentImage: "ami-1" }, expect: "pass" },
    { name: "string \"false\"", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false" } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"], message: /a string in this SDK/ },
    { name: "\"FALSE\" in upper case", props: { blockDeviceMappings: [{ ebs: { encrypted: "FALSE" } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"] },
    { name: "encrypted unknown during preview", props: { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN } }] }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws:imagebuilder/containerRecipe:ContainerRecipe", [
    { name: "string \"true\"", props: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] } }, expect: "pass" },
    { name: "instanceConfiguration omitted", props: { containerType: "DOCKER" }, expect: "pass" },
    { name: "string \"false\"", props: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] } }, expect: "fail", paths: ["instanceConfiguration.blockDeviceMappings[0].ebs.encrypted"] },
    { name: "instanceConfiguration unknown during preview", props: { instanceConfiguration: UNKNOWN }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws:ebs/encryptionByDefault:EncryptionByDefault", [
    { name: "enabled", props: { enabled: true }, expect: "pass" },
    { name: "enabled omitted: default true", props: {}, expect: "pass" },
    { name: "string \"true\"", props: { enabled: "true" }, expect: "pass" },
    { name: "turned off", props: { enabled: false }, expect: "fail", paths: ["enabled"], message: /turned off for the region at enabled; set `enabled: true` on the aws.ebs.EncryptionByDefault/ },
    { name: "enabled unknown during preview", props: { enabled: UNKNOWN }, expect: "defer" },
    { name: "turned off but exempted", props: { enabled: false }, config: exempt, expect: "exempt" },
]);

describeRule(volumesEncrypted, "aws:workspaces/workspace:Workspace", [
    { name: "both volumes encrypted", props: { bundleId: "b", directoryId: "d", userName: "u", rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true, volumeEncryptionKey: "alias/ws" }, expect: "pass" },
    { name: "both flags omitted", props: { bundleId: "b", directoryId: "d", userName: "u" }, expect: "fail", paths: ["rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"] },
    { name: "user volume turned off", props: { rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: false }, expect: "fail", paths: ["userVolumeEncryptionEnabled"] },
    { name: "root flag unknown during preview", props: { rootVolumeEncryptionEnabled: UNKNOWN, userVolumeEncryptionEnabled: true }, expect: "defer" },
]);

// ---- Remediation: launch templates and the regional default only ------------------------------

describeFix(volumesEncrypted, "aws:ec2/launchTemplate:LaunchTemplate", [
    { name: "string \"false\" becomes \"true\"", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "false", volumeSize: 20 } }] }, expect: "fixed",
        fixed: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", volumeSize: 20 } }] } },
    { name: "encrypted omitted without snapshot; instance store and snapshot mappings untouched", props: { blockDeviceMappings: [
        { deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { ebs: { snapshotId: "snap-1" } }, { deviceName: "/dev/xvda", ebs: { volumeSize: 20, kmsKeyId: secret("arn:aws:kms:eu-west-1:111122223333:key/k") } }] }, expect: "fixed",
    fixed: { blockDeviceMappings: [
        { deviceName: "/dev/sdb", virtualName: "ephemeral0" }, { ebs: { snapshotId: "snap-1" } }, { deviceName: "/dev/xvda", ebs: { volumeSize: 20, kmsKeyId: secret("arn:aws:kms:eu-west-1:111122223333:key/k"), encrypted: "true" } }] } },
    { name: "one mapping unknown, another unencrypted: only the known one changes", props: { blockDeviceMappings: [UNKNOWN, { ebs: { encrypted: false, iops: UNKNOWN } }] }, expect: "fixed",
        fixed: { blockDeviceMappings: [UNKNOWN, { ebs: { encrypted: "true", iops: UNKNOWN } }] } },
    { name: "compliant: encrypted", props: { blockDeviceMappings: [{ ebs: { encrypted: "true" } }] }, expect: "unchanged" },
    { name: "encrypted unknown during preview: nothing changes", props: { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN } }] }, expect: "unchanged" },
    { name: "exempted: nothing changes", props: { blockDeviceMappings: [{ ebs: { encrypted: "false" } }] }, config: exempt, expect: "unchanged" },
]);
describeFix(volumesEncrypted, "aws:ebs/encryptionByDefault:EncryptionByDefault", [
    { name: "turned off becomes enabled", props: { enabled: false }, expect: "fixed", fixed: { enabled: true } },
    { name: "string \"false\" becomes enabled", props: { enabled: "false" }, expect: "fixed", fixed: { enabled: true } },
    { name: "enabled omitted: default true, nothing changes", props: {}, expect: "unchanged" },
    { name: "enabled unknown: nothing changes", props: { enabled: UNKNOWN }, expect: "unchanged" },
]);
// Volumes, instances and recipes hold data or build it: no fix ever touches their encryption.
describeFix(volumesEncrypted, "aws:ebs/volume:Volume", [
    { name: "an unencrypted volume is never changed", props: { availabilityZone: "eu-west-1a", size: 8, encrypted: false }, expect: "unchanged" },
]);
describeFix(volumesEncrypted, "aws:ec2/instance:Instance", [
    { name: "an instance's unencrypted root volume is never changed", props: { ami: "ami-1", rootBlockDevice: { encrypted: false } }, expect: "unchanged" },
]);

// ---- aws-native (CloudFormation shapes; booleans are booleans) -------------------------------

describeRule(volumesEncrypted, "aws-native:ec2:Volume", [
    { name: "encrypted", props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true }, expect: "pass" },
    { name: "encryption turned off", props: { availabilityZone: "eu-west-1a", encrypted: false }, expect: "fail", paths: ["encrypted"], message: /turned off.*aws-native\.ec2\.Volume/ },
    { name: "encryption omitted: CloudFormation default is unencrypted", props: { availabilityZone: "eu-west-1a", size: 8 }, expect: "fail", paths: ["encrypted"], message: /omitted means unencrypted/ },
    { name: "encryption unknown during preview", props: { availabilityZone: "eu-west-1a", encrypted: UNKNOWN }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws-native:ec2:Instance", [
    { name: "root mapping encrypted", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, volumeSize: 20 } }] }, expect: "pass" },
    { name: "mapping restored from a snapshot inherits", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: "snap-1" } }] }, expect: "pass" },
    { name: "instance-store mapping has no EBS volume", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdb", virtualName: "ephemeral0" }] }, expect: "pass" },
    { name: "devices come from a launch template", props: { launchTemplate: { launchTemplateId: "lt-1", version: "1" } }, expect: "pass" },
    { name: "blockDeviceMappings omitted: the AMI's root volume", props: { imageId: "ami-1", instanceType: "t3.micro" }, expect: "fail", paths: ["blockDeviceMappings"], message: /blockDeviceMappings omitted.*aws-native\.ec2\.Instance/ },
    { name: "encryption omitted on a mapping", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"], message: /set `encrypted: true` on blockDeviceMappings\[0\]\.ebs of the aws-native\.ec2\.Instance/ },
    { name: "encryption turned off on the second mapping", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }, { deviceName: "/dev/sdf", ebs: { encrypted: false } }] }, expect: "fail", paths: ["blockDeviceMappings[1].ebs.encrypted"] },
    { name: "encryption unknown during preview", props: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: UNKNOWN } }] }, expect: "defer" },
    { name: "mappings unknown during preview", props: { imageId: "ami-1", blockDeviceMappings: UNKNOWN }, expect: "defer", paths: ["blockDeviceMappings"] },
]);

describeRule(volumesEncrypted, "aws-native:ec2:LaunchTemplate", [
    { name: "encrypted", props: { launchTemplateData: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] } }, expect: "pass" },
    { name: "no block device mappings", props: { launchTemplateData: { imageId: "ami-1" } }, expect: "pass" },
    { name: "encryption omitted without a snapshot", props: { launchTemplateData: { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20 } }] } }, expect: "fail", paths: ["launchTemplateData.blockDeviceMappings[0].ebs.encrypted"] },
    { name: "encryption turned off", props: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: false } }] } }, expect: "fail", paths: ["launchTemplateData.blockDeviceMappings[0].ebs.encrypted"], message: /turned off at .*`encrypted: true` on launchTemplateData\.blockDeviceMappings\[0\]\.ebs of the aws-native\.ec2\.LaunchTemplate/ },
    { name: "launch template data unknown during preview", props: { launchTemplateData: UNKNOWN }, expect: "defer", paths: ["launchTemplateData"] },
    { name: "encryption unknown during preview", props: { launchTemplateData: { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN } }] } }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws-native:autoscaling:LaunchConfiguration", [
    { name: "root mapping encrypted", props: { imageId: "ami-1", instanceType: "t3.micro", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, expect: "pass" },
    { name: "blockDeviceMappings omitted: the AMI's root volume", props: { imageId: "ami-1", instanceType: "t3.micro" }, expect: "fail", paths: ["blockDeviceMappings"], message: /omitted means the AMI's root volume.* on the aws-native\.autoscaling\.LaunchConfiguration \(changing it replaces the launch configuration\)/ },
    { name: "encryption turned off", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"] },
    { name: "mapping from a snapshot inherits", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: "snap-1" } }] }, expect: "pass" },
    { name: "encryption unknown during preview", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: UNKNOWN } }] }, expect: "defer" },
]);

const nativeFleet = (...launchSpecifications: unknown[]) => ({ spotFleetRequestConfigData: { iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 2, launchSpecifications } });

describeRule(volumesEncrypted, "aws-native:ec2:SpotFleet", [
    { name: "launch specification root encrypted", props: nativeFleet({ imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }), expect: "pass" },
    { name: "launch template configs only (launchSpecifications omitted)", props: { spotFleetRequestConfigData: { iamFleetRole: "r", targetCapacity: 1, launchTemplateConfigs: [{ launchTemplateSpecification: { launchTemplateId: "lt-1", version: "1" } }] } }, expect: "pass" },
    { name: "blockDeviceMappings omitted in a specification", props: nativeFleet({ imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, { imageId: "ami-2" }), expect: "fail", paths: ["spotFleetRequestConfigData.launchSpecifications[1].blockDeviceMappings"], message: /to spotFleetRequestConfigData\.launchSpecifications\[1\] of the aws-native\.ec2\.SpotFleet/ },
    { name: "encryption turned off", props: nativeFleet({ imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }] }), expect: "fail", paths: ["spotFleetRequestConfigData.launchSpecifications[0].blockDeviceMappings[0].ebs.encrypted"] },
    { name: "request config unknown during preview", props: { spotFleetRequestConfigData: UNKNOWN }, expect: "defer", paths: ["spotFleetRequestConfigData"] },
    { name: "specifications unknown during preview", props: { spotFleetRequestConfigData: { iamFleetRole: "r", targetCapacity: 1, launchSpecifications: UNKNOWN } }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws-native:imagebuilder:ImageRecipe", [
    { name: "encrypted", props: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true } }] }, expect: "pass" },
    { name: "encrypted omitted inherits the parent image", props: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 30 } }] }, expect: "pass" },
    { name: "encryption turned off (a boolean in this SDK)", props: { parentImage: "ami-1", version: "1.0.0", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: false } }] }, expect: "fail", paths: ["blockDeviceMappings[0].ebs.encrypted"], message: /turned off at .*set `encrypted: true` on blockDeviceMappings\[0\]\.ebs of the aws-native\.imagebuilder\.ImageRecipe/ },
    { name: "encrypted unknown during preview", props: { blockDeviceMappings: [{ ebs: { encrypted: UNKNOWN } }] }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws-native:imagebuilder:ContainerRecipe", [
    { name: "encrypted", props: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: true } }] } }, expect: "pass" },
    { name: "instanceConfiguration omitted", props: { containerType: "DOCKER" }, expect: "pass" },
    { name: "encryption turned off", props: { instanceConfiguration: { blockDeviceMappings: [{ ebs: { encrypted: false } }] } }, expect: "fail", paths: ["instanceConfiguration.blockDeviceMappings[0].ebs.encrypted"], message: /aws-native\.imagebuilder\.ContainerRecipe/ },
    { name: "instanceConfiguration unknown during preview", props: { instanceConfiguration: UNKNOWN }, expect: "defer" },
]);

describeRule(volumesEncrypted, "aws-native:workspaces:Workspace", [
    { name: "both volumes encrypted", props: { bundleId: "b", directoryId: "d", userName: "u", rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: true }, expect: "pass" },
    { name: "encryption omitted: both volumes unencrypted", props: { bundleId: "b", directoryId: "d", userName: "u" }, expect: "fail", paths: ["rootVolumeEncryptionEnabled", "userVolumeEncryptionEnabled"], message: /aws-native\.workspaces\.Workspace/ },
    { name: "user volume turned off", props: { rootVolumeEncryptionEnabled: true, userVolumeEncryptionEnabled: false }, expect: "fail", paths: ["userVolumeEncryptionEnabled"] },
    { name: "root encryption unknown during preview", props: { rootVolumeEncryptionEnabled: UNKNOWN, userVolumeEncryptionEnabled: true }, expect: "defer" },
]);
