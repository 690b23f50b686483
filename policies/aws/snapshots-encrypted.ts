import type { LifecyclePolicyArgs } from "@pulumi/aws/dlm";
import type { LifecyclePolicyArgs as NativeLifecyclePolicyArgs } from "@pulumi/aws-native/dlm";
import type { SnapshotCopyArgs, SnapshotImportArgs } from "@pulumi/aws/ebs";
import type { AmiArgs, AmiCopyArgs } from "@pulumi/aws/ec2";
import { defineRule, on, type Finding } from "../../core/rule";
import { isSet } from "../../core/values";
import { eachItem, objectAt, requireTrue } from "./lib/checks";
import { DLM, eachEventCopy, eachSchedule, NATIVE_DLM, type DlmShape } from "./lib/dlm";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";

function encryptedFlag(resource: string, what: string) {
    return (props: Record<string, unknown>): Finding[] => requireTrue(props, "encrypted", "", {
        omitted: false,
        off: `${what} is not encrypted`,
        absent: `${what} is not encrypted (omitted means unencrypted unless the source or account default is)`,
        fix: `set \`encrypted: true\` on the ${resource} (add \`kmsKeyId\` for a customer-managed key)`,
    });
}

/** Cross-region copies of a DLM policy: schedule copy rules and event-based copies must be encrypted. */
function dlmCopies(shape: DlmShape) {
    return (props: Record<string, unknown>): Finding[] => {
        const findings: Finding[] = [];
        eachSchedule(findings, props, (schedule, path) => {
            eachItem(findings, schedule, "crossRegionCopyRules", path, (rule, rulePath) => {
                findings.push(...requireTrue(rule, "encrypted", rulePath, {
                    omitted: false,
                    off: "cross-region snapshot copies are not encrypted",
                    fix: `set \`encrypted: true\` on ${rulePath} of the ${shape.resource} (add \`cmkArn\` for a customer-managed key)`,
                }));
            });
        });
        eachEventCopy(findings, props, shape, (copy, copyPath) => {
            const encryption = objectAt(findings, copy, "encryptionConfiguration", copyPath);
            if (encryption === undefined && isSet(copy, "encryptionConfiguration")) return; // unknown: deferred above
            findings.push(...requireTrue(encryption, "encrypted", `${copyPath}.encryptionConfiguration`, {
                omitted: false,
                off: "copies of shared snapshots are not encrypted",
                fix: `set \`encryptionConfiguration: { encrypted: true }\` on ${copyPath} of the ${shape.resource}`,
            }));
        });
        return findings;
    };
}

export const snapshotsEncrypted = defineRule({
    id: "aws-snapshots-encrypted",
    cloud: "aws",
    title: "EBS snapshot copies, imported snapshots, AMIs and lifecycle-policy copies are encrypted",
    category: "encryption",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Copying or importing a snapshot, copying or registering an AMI, and Data Lifecycle Manager's cross-region copies " +
        "are the moments where encryption can be added; left off, the copy holds the data in the clear wherever it " +
        "lands, and every volume restored from it starts unencrypted.",
    remediation:
        "Set `encrypted: true` on `aws.ebs.SnapshotCopy`, `aws.ebs.SnapshotImport` and `aws.ec2.AmiCopy`, and on each " +
        "`ebsBlockDevices` entry of `aws.ec2.Ami` that is not restored from a `snapshotId`. In `aws.dlm.LifecyclePolicy` set " +
        "`encrypted: true` on every `schedules[].crossRegionCopyRules[]` and `encryptionConfiguration.encrypted: true` on " +
        "every `action.crossRegionCopies[]` (`actions[].crossRegionCopy[]` in `aws-native.dlm.LifecyclePolicy`). The other " +
        "types have no aws-native counterpart: CloudFormation cannot copy or import snapshots or register AMIs.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_204", "CKV_AWS_235", "CKV_AWS_255", "CKV_AWS_253"],
        kics: ["8bbb242f-6e38-4127-86d4-d8f0b2687ae2"],
        prowler: ["ec2_ebs_snapshots_encrypted"],
    },
    config: [],
    targets: [
        on<SnapshotCopyArgs>("aws:ebs/snapshotCopy:SnapshotCopy", encryptedFlag("aws.ebs.SnapshotCopy", "the snapshot copy")),
        on<SnapshotImportArgs>("aws:ebs/snapshotImport:SnapshotImport", encryptedFlag("aws.ebs.SnapshotImport", "the imported snapshot")),
        on<AmiCopyArgs>("aws:ec2/amiCopy:AmiCopy", encryptedFlag("aws.ec2.AmiCopy", "the AMI copy")),
        on<AmiArgs>("aws:ec2/ami:Ami", (props) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "ebsBlockDevices", "", (device, path) => {
                // A device backed by a snapshot takes the snapshot's encryption; the two fields are exclusive.
                if (!isSet(device, "snapshotId")) {
                    findings.push(...requireTrue(device, "encrypted", path, {
                        omitted: false,
                        off: "the AMI block device is not encrypted",
                        fix: `set \`encrypted: true\` on ${path} of the aws.ec2.Ami, or register it from an encrypted \`snapshotId\``,
                    }));
                }
            });
            return findings;
        }),
        on<LifecyclePolicyArgs>("aws:dlm/lifecyclePolicy:LifecyclePolicy", dlmCopies(DLM)),
        on<NativeLifecyclePolicyArgs>("aws-native:dlm:LifecyclePolicy", dlmCopies(NATIVE_DLM)),
    ],
});
