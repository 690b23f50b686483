import { awsAccountGuardrails as rule } from "../../policies/stack/aws-account-guardrails";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const EBD = "aws:ebs/encryptionByDefault:EncryptionByDefault";
const SBPA = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const IBPA = "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess";

const on = (provider: string, fixture: StackFixture): StackFixture => ({ ...fixture, provider });
const volume: StackFixture = { type: "aws:ebs/volume:Volume", name: "data", props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true } };
const snapshot: StackFixture = { type: "aws:ebs/snapshot:Snapshot", name: "snap", props: { volumeId: "vol-1" } };
const image: StackFixture = { type: "aws:ec2/amiFromInstance:AmiFromInstance", name: "img", props: { sourceInstanceId: "i-1" } };
const guardrails = (provider: string): StackFixture[] => [
    on(provider, { type: EBD, name: `ebd-${provider}`, props: { enabled: true } }),
    on(provider, { type: SBPA, name: `sbpa-${provider}`, props: { state: "block-all-sharing" } }),
    on(provider, { type: IBPA, name: `ibpa-${provider}`, props: { state: "block-new-sharing" } }),
];
const provider: StackFixture = { type: "pulumi:providers:aws", name: "eu", props: { region: "eu-west-1" } };
const others: StackFixture[] = [
    { type: "aws:ec2/instance:Instance", name: "web", props: { ami: "ami-1" } },
    { type: "aws:ebs/snapshotCopy:SnapshotCopy", name: "copy", props: { sourceSnapshotId: "snap-1", encrypted: true } },
    { type: "aws:ec2/ami:Ami", name: "reg", props: { ebsBlockDevices: [] } },
    { type: "aws:ec2/amiCopy:AmiCopy", name: "acopy", props: { sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1", encrypted: true } },
];

describeStackRule(rule, [
    { name: "volumes, snapshots and images with every guardrail", resources: [on("eu", volume), on("eu", snapshot), on("eu", image), ...guardrails("eu")], expect: "pass" },
    { name: "no guardrails at all: one finding per guardrail against the provider", resources: [provider, on("eu", volume), on("eu", snapshot), on("eu", image)], expect: "report",
        reported: ["eu", "eu", "eu"], paths: ["", "", ""],
        message: /^the stack creates EBS volumes, snapshots or images in this account and region but does not set EBS encryption by default \(no aws\.ebs\.EncryptionByDefault with the same provider and region in the stack\); add an aws\.ebs\.EncryptionByDefault/ },
    { name: "the AMI guardrail is named in words", resources: [provider, on("eu", image), ...guardrails("eu").slice(0, 2)], expect: "report", reported: ["eu"], paths: [""],
        message: /^the stack creates AMIs in this account and region but does not set AMI block public access \(no aws\.ec2\.ImageBlockPublicAccess with the same provider and region in the stack\); add an aws\.ec2\.ImageBlockPublicAccess with `state: "block-new-sharing"` and the same provider$/m },
    { name: "volumes only: no AMI guardrail needed", resources: [on("eu", volume), ...guardrails("eu").slice(0, 2)], expect: "pass" },
    { name: "guardrails in another provider do not count", resources: [on("us", volume), ...guardrails("eu")], expect: "report", paths: ["", ""], message: /no aws\.ebs\.SnapshotBlockPublicAccess with the same provider and region/ },
    { name: "guardrails with a per-resource region cover only that region", resources: [on("eu", volume), on("eu", { type: EBD, name: "ebd", props: { region: "us-east-1" } }), on("eu", { type: SBPA, name: "sbpa", props: { state: "block-all-sharing" } })], expect: "report", paths: [""], message: /no aws\.ebs\.EncryptionByDefault with the same provider and region/ },
    { name: "instances, snapshot copies and registered or copied AMIs need the guardrails too", resources: [provider, ...others.map((fixture) => on("eu", fixture))], expect: "report", reported: ["eu", "eu", "eu"] },
    { name: "deployed outputs carry the provider's region on every resource", resources: [
        { ...on("eu", { ...volume, props: { ...volume.props, region: "eu-west-1" } }), providerProps: { region: "eu-west-1" } },
        ...guardrails("eu").slice(0, 2).map((fixture) => ({ ...fixture, providerProps: { region: "eu-west-1" } })),
    ], expect: "pass" },
    { name: "a resource's region unknown during preview is the provider's", resources: [on("eu", { ...volume, props: { region: UNKNOWN } }), ...guardrails("eu").slice(0, 2)], expect: "pass" },
    { name: "stack without EBS or image resources needs nothing", resources: [{ type: "aws:s3/bucket:Bucket", name: "logs", props: {} }], expect: "pass" },
    { name: "default provider omitted: reported against the first resource", resources: [volume], expect: "report", reported: ["data", "data"] },
    { name: "guardrail region unknown during preview", resources: [on("eu", volume), on("eu", { type: EBD, name: "ebd", props: { region: UNKNOWN } }), ...guardrails("eu").slice(1)], expect: "defer", paths: ["eu.region"] },
    { name: "exempted provider (another stack owns the baseline)", resources: [on("eu", volume)], config: { exemptions: [{ resource: "eu", reason: "the landing-zone stack sets the account baseline" }] }, expect: "exempt" },
    { name: "invalid config", resources: [volume], config: { exemptions: [{ resource: "eu", reason: "" }] }, expect: "report", message: /invalid policy config/ },
]);

// aws-native: its volumes and instances need the guardrails; CloudFormation has only the snapshot one,
// so EBS encryption by default comes from an @pulumi/aws provider in the same region.
const NSBPA = "aws-native:ec2:SnapshotBlockPublicAccess";
const inRegion = (name: string, region: string, fixture: StackFixture): StackFixture => ({ ...fixture, provider: name, providerProps: { region } });
const nativeVolume: StackFixture = { type: "aws-native:ec2:Volume", name: "ndata", props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true } };
const nativeInstance: StackFixture = { type: "aws-native:ec2:Instance", name: "nweb", props: { imageId: "ami-1" } };

describeStackRule(rule, [
    { name: "aws-native volume with its snapshot guardrail and an aws encryption default in the same region", resources: [
        inRegion("neu", "eu-west-1", nativeVolume), inRegion("neu", "eu-west-1", { type: NSBPA, name: "nsbpa", props: { state: "block-all-sharing" } }),
        inRegion("eu", "eu-west-1", { type: EBD, name: "ebd", props: { enabled: true } }),
    ], expect: "pass" },
    { name: "aws-native instance and volume without guardrails: one finding per guardrail against the aws-native provider", resources: [
        inRegion("neu", "eu-west-1", nativeVolume), inRegion("neu", "eu-west-1", nativeInstance),
    ], expect: "report", paths: ["", ""] },
    { name: "an aws encryption default in another region does not count for aws-native volumes", resources: [
        inRegion("neu", "eu-west-1", nativeVolume), inRegion("neu", "eu-west-1", { type: NSBPA, name: "nsbpa", props: { state: "block-new-sharing" } }),
        inRegion("us", "us-east-1", { type: EBD, name: "ebd", props: { enabled: true } }),
    ], expect: "report", paths: [""] },
    { name: "an aws-native snapshot guardrail counts for aws volumes in its region", resources: [
        inRegion("eu", "eu-west-1", volume), inRegion("eu", "eu-west-1", { type: EBD, name: "ebd", props: { enabled: true } }),
        inRegion("neu", "eu-west-1", { type: NSBPA, name: "nsbpa", props: { state: "block-all-sharing" } }),
    ], expect: "pass" },
    { name: "aws-native guardrail region unknown during preview", resources: [
        inRegion("neu", "eu-west-1", nativeVolume), { type: NSBPA, name: "nsbpa", props: { state: "block-all-sharing", region: UNKNOWN }, provider: "neu" },
        inRegion("eu", "eu-west-1", { type: EBD, name: "ebd", props: { enabled: true } }),
    ], expect: "defer" },
]);
