import { snapshotsEncrypted } from "../../policies/aws/snapshots-encrypted";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "public dataset", expires: "2999-01-01" }] };

for (const [type, base] of [
    ["aws:ebs/snapshotCopy:SnapshotCopy", { sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1" }],
    ["aws:ebs/snapshotImport:SnapshotImport", { diskContainer: { format: "VHD", userBucket: { s3Bucket: "b", s3Key: "k" } } }],
    ["aws:ec2/amiCopy:AmiCopy", { sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1" }],
] as const) {
    describeRule(snapshotsEncrypted, type, [
        { name: "encrypted", props: { ...base, encrypted: true }, expect: "pass" },
        { name: "encrypted with a customer key", props: { ...base, encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k" }, expect: "pass" },
        { name: "encryption omitted", props: { ...base }, expect: "fail", paths: ["encrypted"], message: /omitted means unencrypted/ },
        { name: "encryption turned off", props: { ...base, encrypted: false }, expect: "fail", paths: ["encrypted"] },
        { name: "string \"false\"", props: { ...base, encrypted: "false" }, expect: "fail", paths: ["encrypted"] },
        { name: "encryption unknown during preview", props: { ...base, encrypted: UNKNOWN }, expect: "defer", message: /encrypted is unknown/ },
        { name: "unencrypted copy exempted", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "no knobs", props: { ...base, encrypted: true }, config: { minRetentionDays: 7 }, expect: "fail", message: /invalid policy config/ },
    ]);
}

describeRule(snapshotsEncrypted, "aws:ec2/ami:Ami", [
    { name: "device encrypted", props: { name: "img", ebsBlockDevices: [{ deviceName: "/dev/xvda", encrypted: true, volumeSize: 8 }] }, expect: "pass" },
    { name: "device from a snapshot, encryption omitted", props: { name: "img", ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: "snap-1" }] }, expect: "pass" },
    { name: "block devices omitted", props: { name: "img", imageLocation: "bucket/manifest.xml" }, expect: "pass" },
    { name: "device encryption omitted without a snapshot", props: { ebsBlockDevices: [{ deviceName: "/dev/xvda", snapshotId: "snap-1" }, { deviceName: "/dev/sdf", volumeSize: 8 }] }, expect: "fail", paths: ["ebsBlockDevices[1].encrypted"] },
    { name: "device encryption turned off", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: false }] }, expect: "fail", paths: ["ebsBlockDevices[0].encrypted"] },
    { name: "device encryption unknown during preview", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: UNKNOWN }] }, expect: "defer" },
]);

const dlm = (details: Record<string, unknown>) => ({ description: "d", executionRoleArn: "r", policyDetails: details });
const schedule = (crossRegionCopyRules: unknown[]) => ({ schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, crossRegionCopyRules }] });

describeRule(snapshotsEncrypted, "aws:dlm/lifecyclePolicy:LifecyclePolicy", [
    { name: "cross-region copies encrypted", props: dlm(schedule([{ target: "us-east-1", encrypted: true, retainRule: { interval: 7, intervalUnit: "DAYS" } }])), expect: "pass" },
    { name: "no cross-region copies (crossRegionCopyRules omitted)", props: dlm({ schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 } }] }), expect: "pass" },
    { name: "cross-region copy unencrypted", props: dlm(schedule([{ target: "us-east-1", encrypted: false }])), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].encrypted"] },
    { name: "event-based copy encrypted", props: dlm({ policyType: "EVENT_BASED_POLICY", action: { name: "copy", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }] } }), expect: "pass" },
    { name: "event-based copy: encrypted omitted", props: dlm({ policyType: "EVENT_BASED_POLICY", action: { name: "copy", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: {} }] } }), expect: "fail", paths: ["policyDetails.action.crossRegionCopies[0].encryptionConfiguration.encrypted"] },
    { name: "event-based copy: encryptionConfiguration omitted", props: dlm({ action: { name: "copy", crossRegionCopies: [{ target: "us-east-1" }] } }), expect: "fail", paths: ["policyDetails.action.crossRegionCopies[0].encryptionConfiguration.encrypted"] },
    { name: "cross-region encryption unknown during preview", props: dlm(schedule([{ target: "us-east-1", encrypted: UNKNOWN }])), expect: "defer" },
    { name: "encryptionConfiguration unknown during preview", props: dlm({ action: { name: "copy", crossRegionCopies: [{ target: "us-east-1", encryptionConfiguration: UNKNOWN }] } }), expect: "defer" },
]);

// aws-native (CloudFormation): event-based copies are `actions[].crossRegionCopy[]`; `encryptionConfiguration` is required there.
const nativeSchedule = (crossRegionCopyRules: unknown[]) => ({ schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 7 }, crossRegionCopyRules }] });
const nativeEvent = (crossRegionCopy: unknown) => ({ policyType: "EVENT_BASED_POLICY", actions: [{ name: "copy", crossRegionCopy }] });

describeRule(snapshotsEncrypted, "aws-native:dlm:LifecyclePolicy", [
    { name: "cross-region copies encrypted", props: dlm(nativeSchedule([{ target: "us-east-1", encrypted: true, retainRule: { interval: 7, intervalUnit: "DAYS" } }])), expect: "pass" },
    { name: "no cross-region copies (crossRegionCopyRules omitted)", props: dlm({ schedules: [{ name: "daily", retainRule: { count: 7 } }] }), expect: "pass" },
    { name: "cross-region copy unencrypted", props: dlm(nativeSchedule([{ target: "us-east-1", encrypted: false }])), expect: "fail", paths: ["policyDetails.schedules[0].crossRegionCopyRules[0].encrypted"], message: /of the aws-native\.dlm\.LifecyclePolicy/ },
    { name: "event-based copy encrypted", props: dlm(nativeEvent([{ target: "us-east-1", encryptionConfiguration: { encrypted: true } }])), expect: "pass" },
    { name: "event-based copy: encrypted omitted", props: dlm(nativeEvent([{ target: "us-east-1", encryptionConfiguration: {} }])), expect: "fail", paths: ["policyDetails.actions[0].crossRegionCopy[0].encryptionConfiguration.encrypted"] },
    { name: "event-based copy turned off in the second action", props: dlm({ actions: [{ name: "a", crossRegionCopy: [] }, { name: "b", crossRegionCopy: [{ target: "us-east-1", encryptionConfiguration: { encrypted: false } }] }] }), expect: "fail", paths: ["policyDetails.actions[1].crossRegionCopy[0].encryptionConfiguration.encrypted"] },
    { name: "cross-region encryption unknown during preview", props: dlm(nativeSchedule([{ target: "us-east-1", encrypted: UNKNOWN }])), expect: "defer" },
    { name: "actions unknown during preview", props: dlm({ actions: UNKNOWN }), expect: "defer", paths: ["policyDetails.actions"] },
]);
