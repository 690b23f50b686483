import type { InstanceArgs } from "@pulumi/gcp/compute";
import { defineRule, deferred, on, violation } from "../../core/rule";
import { asBool, asList, isSet, isUnknown, prop } from "../../core/values";

const docsUrl = "https://cloud.google.com/compute/docs/disks/scheduled-snapshots";
const resource = "gcp.compute.Instance";

export const bootDisksOutliveInstances = defineRule({
    id: "gcp-boot-disks-outlive-instances",
    cloud: "gcp",
    title: "Instance boot disks without a snapshot schedule are not deleted with the instance",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "A `gcp.compute.Instance` deletes the boot disk it creates when the instance is deleted or replaced " +
        "(`bootDisk.autoDelete` defaults to true). If no snapshot schedule covers that disk, nothing of its data " +
        "survives a mistaken destroy or a replacement.",
    remediation:
        "Attach a snapshot schedule to the boot disk with `bootDisk.initializeParams.resourcePolicies` (a single " +
        "gcp.compute.ResourcePolicy self link, a string in this SDK; changing it recreates the instance), or set " +
        "`bootDisk.autoDelete: false` so the disk outlives the instance. Boot disks attached with `bootDisk.source` " +
        "are judged on their own gcp.compute.Disk.",
    docsUrl,
    config: [],
    targets: [
        on<Pick<InstanceArgs, "bootDisk">>("gcp:compute/instance:Instance", (props) => {
            const boot = prop(props, "bootDisk");
            if (isUnknown(boot)) {
                return [deferred("bootDisk")];
            }
            if (isSet(boot, "source")) {
                return []; // an existing disk: its schedule lives on the gcp.compute.Disk or an attachment
            }
            // resourcePolicies is one self link (a string) here; a list is accepted too.
            const policies = asList(prop(prop(boot, "initializeParams"), "resourcePolicies"));
            if (isUnknown(policies) || policies.some((policy) => isUnknown(policy) || (typeof policy === "string" && policy.trim() !== ""))) {
                return [];
            }
            const autoDelete = asBool(prop(boot, "autoDelete"));
            if (isUnknown(autoDelete)) {
                return [deferred("bootDisk.autoDelete")];
            }
            if (autoDelete === false) {
                return [];
            }
            return [violation("bootDisk.autoDelete", autoDelete === true
                ? "the boot disk is deleted with the instance and has no snapshot schedule"
                : "the boot disk is deleted with the instance (omitted means true) and has no snapshot schedule",
            `set \`bootDisk.initializeParams.resourcePolicies\` on the ${resource} to a snapshot schedule's self link, or \`bootDisk.autoDelete: false\``)];
        }),
    ],
});
