import type {
    LinuxVirtualMachineArgs, LinuxVirtualMachineScaleSetArgs, OrchestratedVirtualMachineScaleSetArgs, WindowsVirtualMachineArgs,
    WindowsVirtualMachineScaleSetArgs,
} from "@pulumi/azure/compute";
import type { VirtualMachineArgs, VirtualMachineScaleSetArgs } from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asBool, dig, isUnknown } from "../../core/values";

function requireHostEncryption(props: unknown, keys: string[], resource: string): Finding[] {
    const setting = keys[keys.length - 1];
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
        ? `temporary disks and disk caches are stored unencrypted on the host (${setting} omitted means disabled)`
        : `temporary disks and disk caches are stored unencrypted on the host (${setting} is not true)`;
    return [violation(path, problem, `set \`${path}: true\` on the ${resource} (the subscription needs the EncryptionAtHost feature registered)`)];
}

/** The classic provider's machines and scale sets: `encryptionAtHostEnabled`, default false in azurerm. */
const classicHostEncryption = [
    on<LinuxVirtualMachineArgs>("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", (props) =>
        requireHostEncryption(props, ["encryptionAtHostEnabled"], "azure.compute.LinuxVirtualMachine")),
    on<WindowsVirtualMachineArgs>("azure:compute/windowsVirtualMachine:WindowsVirtualMachine", (props) =>
        requireHostEncryption(props, ["encryptionAtHostEnabled"], "azure.compute.WindowsVirtualMachine")),
    on<LinuxVirtualMachineScaleSetArgs>("azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", (props) =>
        requireHostEncryption(props, ["encryptionAtHostEnabled"], "azure.compute.LinuxVirtualMachineScaleSet")),
    on<WindowsVirtualMachineScaleSetArgs>("azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", (props) =>
        requireHostEncryption(props, ["encryptionAtHostEnabled"], "azure.compute.WindowsVirtualMachineScaleSet")),
    on<OrchestratedVirtualMachineScaleSetArgs>("azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet", (props) =>
        requireHostEncryption(props, ["encryptionAtHostEnabled"], "azure.compute.OrchestratedVirtualMachineScaleSet")),
];

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
        "(register the `Microsoft.Compute/EncryptionAtHost` feature first); with the classic provider set `encryptionAtHostEnabled: true` " +
        "on `azure.compute.LinuxVirtualMachine`, `WindowsVirtualMachine` and their scale sets. Changing it on an existing VM needs it deallocated.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption#encryption-at-host---end-to-end-encryption-for-your-vm-data",
    controls: { checkov: ["CKV_AZURE_151", "CKV_AZURE_97"], "azure-policy": ["fc4d8e41-e223-45ea-9bf5-eada37891d87"] },
    config: [],
    targets: [
        on<VirtualMachineArgs>("azure-native:compute:VirtualMachine", (props) =>
            requireHostEncryption(props, ["securityProfile", "encryptionAtHost"], "azure-native.compute.VirtualMachine")),
        on<VirtualMachineScaleSetArgs>("azure-native:compute:VirtualMachineScaleSet", (props) =>
            requireHostEncryption(props, ["virtualMachineProfile", "securityProfile", "encryptionAtHost"], "azure-native.compute.VirtualMachineScaleSet")),
        ...classicHostEncryption,
    ],
});
