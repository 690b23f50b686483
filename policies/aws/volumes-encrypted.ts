import type { VolumeArgs } from "@pulumi/aws/ebs";
import type { InstanceArgs, LaunchTemplateArgs } from "@pulumi/aws/ec2";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, asList, isSet, isUnknown, prop } from "../../core/values";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";

/** `encrypted` must be true; omitted means the provider default, unencrypted. */
function requireEncrypted(container: unknown, path: string, fix: string): Finding[] {
    const encryptedPath = withPrefix(path, "encrypted");
    const encrypted = asBool(prop(container, "encrypted"));
    if (isUnknown(encrypted)) {
        return [deferred(encryptedPath)];
    }
    if (encrypted === true) {
        return [];
    }
    const problem = encrypted === false ? "EBS encryption is turned off" : "EBS encryption is not enabled (omitted means unencrypted)";
    return [violation(encryptedPath, problem, fix)];
}

function withPrefix(path: string, key: string): string {
    return path === "" ? key : `${path}.${key}`;
}

export const volumesEncrypted = defineRule({
    id: "aws-volumes-encrypted",
    cloud: "aws",
    title: "EBS volumes are encrypted at rest",
    category: "encryption",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "An unencrypted EBS volume, and every snapshot and AMI taken from it, holds the machine's data in the clear. " +
        "Encryption cannot be turned on for an existing volume: it has to be set when the volume is created.",
    remediation:
        "Set `encrypted: true` on `aws.ebs.Volume`, on the instance's `rootBlockDevice` and each `ebsBlockDevices` entry, " +
        "and `ebs.encrypted: \"true\"` in launch template block device mappings. Add `kmsKeyId` to use a customer-managed key.",
    docsUrl,
    controls: {
        "cis-aws-5.0": ["5.1.1"],
        checkov: ["CKV_AWS_3", "CKV_AWS_8"],
        trivy: ["AWS-0026", "AWS-0131"],
        kics: ["cc997676-481b-4e93-aa81-d19f8c5e9b12", "4de9de27-254e-424f-bd70-4c1e95790838"],
        "aws-config": ["encrypted-volumes", "ec2-launch-templates-ebs-volume-encrypted"],
    },
    config: [],
    targets: [
        on<VolumeArgs>("aws:ebs/volume:Volume", (props) =>
            requireEncrypted(props, "", "set `encrypted: true` on the aws.ebs.Volume (this replaces an existing volume; migrate data through an encrypted snapshot)")),

        on<InstanceArgs>("aws:ec2/instance:Instance", (props) => {
            const findings: Finding[] = [];
            const root = prop(props, "rootBlockDevice");
            if (isUnknown(root)) {
                findings.push(deferred("rootBlockDevice"));
            } else {
                findings.push(...requireEncrypted(root, "rootBlockDevice",
                    "set `rootBlockDevice: { encrypted: true }` on the aws.ec2.Instance (changing it replaces the instance)"));
            }
            const devices = asList(prop(props, "ebsBlockDevices"));
            if (isUnknown(devices)) {
                return [...findings, deferred("ebsBlockDevices")];
            }
            devices.forEach((device, index) => {
                const path = `ebsBlockDevices[${index}]`;
                if (isUnknown(device)) {
                    findings.push(deferred(path));
                } else if (!isSet(device, "snapshotId")) {
                    // A device restored from a snapshot inherits the snapshot's encryption.
                    findings.push(...requireEncrypted(device, path, `set \`encrypted: true\` on ${path} of the aws.ec2.Instance`));
                }
            });
            return findings;
        }),

        on<LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (props) => {
            const mappings = asList(prop(props, "blockDeviceMappings"));
            if (isUnknown(mappings)) {
                return [deferred("blockDeviceMappings")];
            }
            const findings: Finding[] = [];
            mappings.forEach((mapping, index) => {
                const path = withPrefix(`blockDeviceMappings[${index}]`, "ebs");
                const ebs = prop(mapping, "ebs");
                if (isUnknown(ebs)) {
                    findings.push(deferred(path));
                    return;
                }
                if (ebs === undefined) {
                    return; // instance-store or no-device mapping: no EBS volume
                }
                const encrypted = asBool(prop(ebs, "encrypted"));
                if (isUnknown(encrypted)) {
                    findings.push(deferred(`${path}.encrypted`));
                } else if (encrypted === false) {
                    findings.push(violation(`${path}.encrypted`, "EBS encryption is turned off (\"false\")",
                        `set \`encrypted: "true"\` on ${path} of the aws.ec2.LaunchTemplate (a string in this SDK)`));
                } else if (encrypted === undefined && !isSet(ebs, "snapshotId")) {
                    findings.push(violation(`${path}.encrypted`, "EBS encryption is not enabled (omitted means the AMI or account default, usually unencrypted)",
                        `set \`encrypted: "true"\` on ${path} of the aws.ec2.LaunchTemplate (a string in this SDK)`));
                }
            });
            return findings;
        }),
    ],
});
