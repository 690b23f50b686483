import type { VirtualMachineArgs, VirtualMachineScaleSetArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, dig, isUnknown } from "../../core/values";

function requireHostEncryption(props: unknown, keys: string[], resource: string): Finding[] {
    const path = keys.join(".");
    const value = dig(props, ...keys);
    const enabled = asBool(value);
    if (isUnknown(enabled)) {
        return [deferred(path)];
    }
    if (enabled === true) {
        return [];
    }
    const problem = value === undefined
        ? "temporary disks and disk caches are stored unencrypted on the host (encryptionAtHost omitted means disabled)"
        : "temporary disks and disk caches are stored unencrypted on the host (encryptionAtHost is not true)";
    return [violation(path, problem, `set \`${path}: true\` on the ${resource} (the subscription needs the EncryptionAtHost feature registered)`)];
}

export const encryptionAtHost = defineRule({
    id: "azure-encryption-at-host",
    cloud: "azure",
    title: "Virtual machines and scale sets encrypt temporary disks and caches at the host",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Server-side encryption covers managed disks in storage, but not the VM's temporary disk or the disk caches on the " +
        "physical host. Page files, swap and cached blocks of the data disks land there in clear text unless encryption at " +
        "host is on, and the provider default is off.",
    remediation:
        "Set `securityProfile.encryptionAtHost: true` on `azure-native.compute.VirtualMachine` and " +
        "`virtualMachineProfile.securityProfile.encryptionAtHost: true` on `azure-native.compute.VirtualMachineScaleSet` " +
        "(register the `Microsoft.Compute/EncryptionAtHost` feature first). Changing it on an existing VM needs it deallocated.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data",
    controls: { checkov: ["CKV_AZURE_151", "CKV_AZURE_97"], "azure-policy": ["fc4d8e41-e223-45ea-9bf5-eada37891d87"] },
    config: [],
    targets: [
        on<VirtualMachineArgs>("azure-native:compute:VirtualMachine", (props) =>
            requireHostEncryption(props, ["securityProfile", "encryptionAtHost"], "azure-native.compute.VirtualMachine")),
        on<VirtualMachineScaleSetArgs>("azure-native:compute:VirtualMachineScaleSet", (props) =>
            requireHostEncryption(props, ["virtualMachineProfile", "securityProfile", "encryptionAtHost"], "azure-native.compute.VirtualMachineScaleSet")),
    ],
});
