import type { EncryptionByDefaultArgs, VolumeArgs } from "@pulumi/aws/ebs";
import type {
    InstanceArgs, LaunchConfigurationArgs, LaunchTemplateArgs, SpotFleetRequestArgs, SpotInstanceRequestArgs,
} from "@pulumi/aws/ec2";
import type { ContainerRecipeArgs, ImageRecipeArgs } from "@pulumi/aws/imagebuilder";
import type { WorkspaceArgs } from "@pulumi/aws/workspaces";
import type { LaunchConfigurationArgs as NativeLaunchConfigurationArgs } from "@pulumi/aws-native/autoscaling";
import type {
    InstanceArgs as NativeInstanceArgs, LaunchTemplateArgs as NativeLaunchTemplateArgs, SpotFleetArgs, VolumeArgs as NativeVolumeArgs,
} from "@pulumi/aws-native/ec2";
import type { ContainerRecipeArgs as NativeContainerRecipeArgs, ImageRecipeArgs as NativeImageRecipeArgs } from "@pulumi/aws-native/imagebuilder";
import type { WorkspaceArgs as NativeWorkspaceArgs } from "@pulumi/aws-native/workspaces";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { applyEdits, assign, at, eachElement, UNCHANGED, update, updateIn } from "../../core/fix";
import { asBool, asList, isSet, isUnknown, prop } from "../../core/values";
import { eachItem, objectAt, requireTrue } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html";

/**
 * Remediation for launch templates only: `encrypted: "true"` on each EBS mapping the check flags. A
 * template holds no data; only instances launched from the new version get encrypted volumes.
 * Volumes, instances and recipes are never changed (that would replace them).
 */
function encryptTemplateDevices(props: Record<string, unknown>): Record<string, unknown> | undefined {
    return applyEdits(props, at(["blockDeviceMappings"], eachElement((mapping) => updateIn(mapping, ["ebs"], (ebs) => {
        if (typeof ebs !== "object" || ebs === null) {
            return UNCHANGED; // instance-store or no-device mapping
        }
        const encrypted = asBool(prop(ebs, "encrypted"));
        const flagged = encrypted === false || (encrypted === undefined && !isSet(ebs, "snapshotId"));
        return flagged ? update(ebs, "encrypted", assign("true")) : UNCHANGED;
    }))));
}

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

/** Root device (omitted means an unencrypted root) and every extra EBS device not restored from a snapshot. */
function instanceDevices(resource: string) {
    return (props: Record<string, unknown>): Finding[] => {
        const findings: Finding[] = [];
        const root = prop(props, "rootBlockDevice");
        if (isUnknown(root)) {
            findings.push(deferred("rootBlockDevice"));
        } else {
            findings.push(...requireEncrypted(root, "rootBlockDevice",
                `set \`rootBlockDevice: { encrypted: true }\` on the ${resource} (changing it replaces the instance)`));
        }
        return [...findings, ...extraDevices(props, "", resource)];
    };
}

function extraDevices(container: unknown, path: string, resource: string): Finding[] {
    const findings: Finding[] = [];
    eachItem(findings, container, "ebsBlockDevices", path, (device, devicePath) => {
        // A device restored from a snapshot inherits the snapshot's encryption.
        if (!isSet(device, "snapshotId")) {
            findings.push(...requireEncrypted(device, devicePath, `set \`encrypted: true\` on ${devicePath} of the ${resource}`));
        }
    });
    return findings;
}

/**
 * Image Builder block devices: omitted inherits the parent image, only an explicit false fails. `on`
 * is how the SDK spells true (`"true"`, a string, in @pulumi/aws; `true` in aws-native).
 */
function recipeDevices(container: unknown, path: string, resource: string, on: string | boolean = "true"): Finding[] {
    const findings: Finding[] = [];
    const stringly = typeof on === "string";
    eachItem(findings, container, "blockDeviceMappings", path, (mapping, mappingPath) => {
        const ebs = objectAt(findings, mapping, "ebs", mappingPath);
        const encrypted = asBool(prop(ebs, "encrypted"));
        const encryptedPath = `${mappingPath}.ebs.encrypted`;
        if (isUnknown(encrypted)) {
            findings.push(deferred(encryptedPath));
        } else if (encrypted === false) {
            findings.push(violation(encryptedPath, stringly ? "EBS encryption of the build volume is turned off (\"false\")" : "EBS encryption of the build volume is turned off",
                stringly
                    ? `set \`encrypted: "true"\` (a string in this SDK) on ${mappingPath}.ebs of the ${resource}, or leave it out to inherit the parent image's encryption`
                    : `set \`encrypted: true\` on ${mappingPath}.ebs of the ${resource}, or leave it out to inherit the parent image's encryption`));
        }
    });
    return findings;
}

/**
 * Launch template block device mappings: `ebs.encrypted` false fails; omitted fails unless the
 * volume is restored from a snapshot (it inherits the snapshot's encryption). `on` is how the SDK
 * spells true (`"true"` in @pulumi/aws, `true` in aws-native).
 */
function templateDevices(container: unknown, path: string, resource: string, on: string | boolean): Finding[] {
    const listPath = withPrefix(path, "blockDeviceMappings");
    const mappings = asList(prop(container, "blockDeviceMappings"));
    if (isUnknown(mappings)) {
        return [deferred(listPath)];
    }
    const setting = typeof on === "string" ? `\`encrypted: "true"\`` : "`encrypted: true`";
    const note = typeof on === "string" ? " (a string in this SDK)" : "";
    const findings: Finding[] = [];
    mappings.forEach((mapping, index) => {
        const ebsPath = `${listPath}[${index}].ebs`;
        const ebs = prop(mapping, "ebs");
        if (isUnknown(ebs)) {
            findings.push(deferred(ebsPath));
            return;
        }
        if (ebs === undefined) {
            return; // instance-store or no-device mapping: no EBS volume
        }
        const encrypted = asBool(prop(ebs, "encrypted"));
        const fix = `set ${setting} on ${ebsPath} of the ${resource}${note}`;
        if (isUnknown(encrypted)) {
            findings.push(deferred(`${ebsPath}.encrypted`));
        } else if (encrypted === false) {
            findings.push(violation(`${ebsPath}.encrypted`, typeof on === "string" ? "EBS encryption is turned off (\"false\")" : "EBS encryption is turned off", fix));
        } else if (encrypted === undefined && !isSet(ebs, "snapshotId")) {
            findings.push(violation(`${ebsPath}.encrypted`, "EBS encryption is not enabled (omitted means the AMI or account default, usually unencrypted)", fix));
        }
    });
    return findings;
}

/**
 * aws-native machines (`ec2.Instance`, `autoscaling.LaunchConfiguration`, SpotFleet launch
 * specifications): no block device mappings means the AMI's root volume, unencrypted by default.
 * An instance launched from a template is judged on the template.
 */
function nativeMachineDevices(container: unknown, path: string, resource: string, replaces: string): Finding[] {
    if (isSet(container, "blockDeviceMappings") || isSet(container, "launchTemplate")) {
        return templateDevices(container, path, resource, true);
    }
    return [violation(withPrefix(path, "blockDeviceMappings"),
        "EBS encryption is not enabled (blockDeviceMappings omitted means the AMI's root volume, unencrypted unless the account default encrypts it)",
        `add a \`blockDeviceMappings\` entry for the root device with \`ebs: { encrypted: true }\` ${path === "" ? "on" : `to ${path} of`} the ${resource} (changing it replaces the ${replaces})`)];
}

function nativeInstanceDevices(props: Record<string, unknown>): Finding[] {
    return nativeMachineDevices(props, "", "aws-native.ec2.Instance", "instance");
}

/** Workspace root and user volumes: both encryption flags default to false. */
function workspaceVolumes(resource: string) {
    return (props: Record<string, unknown>): Finding[] => [
        ...requireTrue(props, "rootVolumeEncryptionEnabled", "", {
            omitted: false,
            off: "the WorkSpace root volume is not encrypted",
            fix: `set \`rootVolumeEncryptionEnabled: true\` (and \`volumeEncryptionKey\`) on the ${resource} (this recreates the WorkSpace)`,
        }),
        ...requireTrue(props, "userVolumeEncryptionEnabled", "", {
            omitted: false,
            off: "the WorkSpace user volume is not encrypted",
            fix: `set \`userVolumeEncryptionEnabled: true\` (and \`volumeEncryptionKey\`) on the ${resource} (this recreates the WorkSpace)`,
        }),
    ];
}

function withPrefix(path: string, key: string): string {
    return path === "" ? key : `${path}.${key}`;
}

export const volumesEncrypted = defineRule({
    id: "aws-volumes-encrypted",
    cloud: "aws",
    title: "EBS volumes, and the volumes of instances, templates, fleets, image builds and WorkSpaces, are encrypted at rest",
    category: "encryption",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "An unencrypted EBS volume, and every snapshot and AMI taken from it, holds the machine's data in the clear. " +
        "Encryption cannot be turned on for an existing volume: it has to be set when the volume is created. Instances, " +
        "spot requests, launch configurations and spot fleets that omit `rootBlockDevice.encrypted` get an unencrypted root " +
        "volume unless the account default says otherwise, and turning off EBS encryption by default lets every new volume " +
        "in the region start unencrypted.",
    remediation:
        "Set `encrypted: true` on `aws.ebs.Volume`, on the instance's `rootBlockDevice` and each `ebsBlockDevices` entry, " +
        "and `ebs.encrypted: \"true\"` in launch template block device mappings; likewise on `aws.ec2.SpotInstanceRequest`, " +
        "`LaunchConfiguration` and each `SpotFleetRequest` launch specification. Do not set `encrypted: \"false\"` in Image Builder " +
        "recipe block devices (omitted inherits the parent image). Keep `enabled` true on `aws.ebs.EncryptionByDefault`, and " +
        "set `rootVolumeEncryptionEnabled` and `userVolumeEncryptionEnabled` on `aws.workspaces.Workspace`. Add `kmsKeyId` to " +
        "use a customer-managed key. With aws-native (CloudFormation shapes), set `encrypted: true` on `aws-native.ec2.Volume` and " +
        "`ebs.encrypted: true` in every `blockDeviceMappings` entry of `aws-native.ec2.Instance` and of " +
        "`launchTemplateData` of `aws-native.ec2.LaunchTemplate`, of `aws-native.autoscaling.LaunchConfiguration` and of each " +
        "launch specification of `aws-native.ec2.SpotFleet` (CloudFormation's default is unencrypted; no mappings means the " +
        "AMI's root volume), do not set `encrypted: false` in `aws-native.imagebuilder.ImageRecipe` and `ContainerRecipe` block " +
        "devices, and set both volume encryption flags on `aws-native.workspaces.Workspace`. `aws.ec2.SpotInstanceRequest` and " +
        "`aws.ebs.EncryptionByDefault` have no aws-native counterpart.",
    docsUrl,
    controls: {
        "cis-aws-5.0": ["5.1.1"],
        checkov: ["CKV_AWS_3", "CKV_AWS_8", "CKV_AWS_106", "CKV_AWS_155", "CKV_AWS_156"],
        trivy: ["AWS-0026", "AWS-0131"],
        kics: ["cc997676-481b-4e93-aa81-d19f8c5e9b12", "4de9de27-254e-424f-bd70-4c1e95790838"],
        "aws-config": ["encrypted-volumes", "ec2-launch-templates-ebs-volume-encrypted", "ec2-ebs-encryption-by-default"],
    },
    config: [],
    targets: [
        on<VolumeArgs>("aws:ebs/volume:Volume", (props) =>
            requireEncrypted(props, "", "set `encrypted: true` on the aws.ebs.Volume (this replaces an existing volume; migrate data through an encrypted snapshot)")),

        on<InstanceArgs>("aws:ec2/instance:Instance", instanceDevices("aws.ec2.Instance")),
        on<SpotInstanceRequestArgs>("aws:ec2/spotInstanceRequest:SpotInstanceRequest", instanceDevices("aws.ec2.SpotInstanceRequest")),
        on<LaunchConfigurationArgs>("aws:ec2/launchConfiguration:LaunchConfiguration", instanceDevices("aws.ec2.LaunchConfiguration")),

        on<SpotFleetRequestArgs>("aws:ec2/spotFleetRequest:SpotFleetRequest", (props) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "launchSpecifications", "", (specification, path) => {
                eachItem(findings, specification, "rootBlockDevices", path, (device, devicePath) => {
                    findings.push(...requireEncrypted(device, devicePath, `set \`encrypted: true\` on ${devicePath} of the aws.ec2.SpotFleetRequest`));
                });
                findings.push(...extraDevices(specification, path, "aws.ec2.SpotFleetRequest"));
            });
            return findings;
        }),

        on<LaunchTemplateArgs>("aws:ec2/launchTemplate:LaunchTemplate", (props) =>
            templateDevices(props, "", "aws.ec2.LaunchTemplate", "true"), encryptTemplateDevices),

        on<NativeVolumeArgs>("aws-native:ec2:Volume", (props) =>
            requireEncrypted(props, "", "set `encrypted: true` on the aws-native.ec2.Volume (this replaces an existing volume; migrate data through an encrypted snapshot)")),
        on<NativeInstanceArgs>("aws-native:ec2:Instance", nativeInstanceDevices),
        on<NativeLaunchTemplateArgs>("aws-native:ec2:LaunchTemplate", (props) => {
            const data = prop(props, "launchTemplateData");
            return isUnknown(data) ? [deferred("launchTemplateData")] : templateDevices(data, "launchTemplateData", "aws-native.ec2.LaunchTemplate", true);
        }),

        on<ImageRecipeArgs>("aws:imagebuilder/imageRecipe:ImageRecipe", (props) =>
            recipeDevices(props, "", "aws.imagebuilder.ImageRecipe")),

        on<ContainerRecipeArgs>("aws:imagebuilder/containerRecipe:ContainerRecipe", (props) => {
            const findings: Finding[] = [];
            const instance = objectAt(findings, props, "instanceConfiguration", "");
            return [...findings, ...recipeDevices(instance, "instanceConfiguration", "aws.imagebuilder.ContainerRecipe")];
        }),

        on<EncryptionByDefaultArgs>("aws:ebs/encryptionByDefault:EncryptionByDefault", (props) =>
            requireTrue(props, "enabled", "", {
                omitted: true,
                off: "EBS encryption by default is turned off for the region",
                fix: "set `enabled: true` on the aws.ebs.EncryptionByDefault (or leave it out: the default is true)",
            }),
        // Remediation: the regional default only affects volumes created afterwards.
        (props) => applyEdits(props, at(["enabled"], assign(true, (current) => asBool(current) === true)))),

        on<WorkspaceArgs>("aws:workspaces/workspace:Workspace", workspaceVolumes("aws.workspaces.Workspace")),

        // aws-native (CloudFormation): booleans are booleans; machines without mappings get the AMI's root volume.
        on<NativeLaunchConfigurationArgs>("aws-native:autoscaling:LaunchConfiguration", (props) =>
            nativeMachineDevices(props, "", "aws-native.autoscaling.LaunchConfiguration", "launch configuration")),
        on<SpotFleetArgs>("aws-native:ec2:SpotFleet", (props) => {
            const findings: Finding[] = [];
            const config = objectAt(findings, props, "spotFleetRequestConfigData", "");
            // Fleets built from launchTemplateConfigs are judged on their launch templates.
            eachItem(findings, config, "launchSpecifications", "spotFleetRequestConfigData", (specification, path) => {
                findings.push(...nativeMachineDevices(specification, path, "aws-native.ec2.SpotFleet", "fleet's instances"));
            });
            return findings;
        }),
        on<NativeImageRecipeArgs>("aws-native:imagebuilder:ImageRecipe", (props) =>
            recipeDevices(props, "", "aws-native.imagebuilder.ImageRecipe", true)),
        on<NativeContainerRecipeArgs>("aws-native:imagebuilder:ContainerRecipe", (props) => {
            const findings: Finding[] = [];
            const instance = objectAt(findings, props, "instanceConfiguration", "");
            return [...findings, ...recipeDevices(instance, "instanceConfiguration", "aws-native.imagebuilder.ContainerRecipe", true)];
        }),
        on<NativeWorkspaceArgs>("aws-native:workspaces:Workspace", workspaceVolumes("aws-native.workspaces.Workspace")),
    ],
});
