import { encryptionAtHost } from "../../policies/azure/encryption-at-host";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "VM size without host encryption support", expires: "2999-01-01" }] };
const vm = (securityProfile?: unknown) => ({ resourceGroupName: "rg", location: "westeurope", ...(securityProfile === undefined ? {} : { securityProfile }) });

describeRule(encryptionAtHost, "azure-native:compute:VirtualMachine", [
    { name: "encryption at host on", props: vm({ encryptionAtHost: true }), expect: "pass" },
    { name: "encryption at host as string \"true\"", props: vm({ encryptionAtHost: "true" }), expect: "pass" },
    { name: "encryption at host off", props: vm({ encryptionAtHost: false }), expect: "fail", paths: ["securityProfile.encryptionAtHost"], message: /is not true.*securityProfile.encryptionAtHost: true` on the azure-native.compute.VirtualMachine/ },
    { name: "string \"false\"", props: vm({ encryptionAtHost: "false" }), expect: "fail", paths: ["securityProfile.encryptionAtHost"] },
    { name: "encryption at host omitted", props: vm({ securityType: "TrustedLaunch" }), expect: "fail", paths: ["securityProfile.encryptionAtHost"], message: /omitted means disabled/ },
    { name: "security profile omitted", props: vm(), expect: "fail", paths: ["securityProfile.encryptionAtHost"] },
    { name: "encryption at host unknown during preview", props: vm({ encryptionAtHost: UNKNOWN }), expect: "defer", paths: ["securityProfile.encryptionAtHost"] },
    { name: "exempted with a reason", props: vm(), config: exempt, expect: "exempt" },
    { name: "knobs are not settings of this rule", props: vm(), config: { allowedKeyIds: [] }, expect: "fail", message: /invalid policy config/ },
]);
describeRule(encryptionAtHost, "azure-native:compute/v20241101:VirtualMachine", [
    { name: "versioned token: omitted", props: vm(), expect: "fail", paths: ["securityProfile.encryptionAtHost"] },
    { name: "versioned token: on", props: vm({ encryptionAtHost: true }), expect: "pass" },
]);

const vmss = (securityProfile?: unknown) => ({ resourceGroupName: "rg", location: "westeurope", virtualMachineProfile: securityProfile === undefined ? {} : { securityProfile } });
const vmssPath = "virtualMachineProfile.securityProfile.encryptionAtHost";

describeRule(encryptionAtHost, "azure-native:compute:VirtualMachineScaleSet", [
    { name: "encryption at host on", props: vmss({ encryptionAtHost: true }), expect: "pass" },
    { name: "encryption at host off", props: vmss({ encryptionAtHost: false }), expect: "fail", paths: [vmssPath], message: /azure-native.compute.VirtualMachineScaleSet/ },
    { name: "security profile omitted", props: vmss(), expect: "fail", paths: [vmssPath], message: /omitted means disabled/ },
    { name: "virtual machine profile omitted", props: { resourceGroupName: "rg" }, expect: "fail", paths: [vmssPath] },
    { name: "encryption at host unknown during preview", props: vmss({ encryptionAtHost: UNKNOWN }), expect: "defer", paths: [vmssPath] },
    { name: "exempted with a reason", props: vmss(), config: exempt, expect: "exempt" },
]);
describeRule(encryptionAtHost, "azure-native:compute/v20241101:VirtualMachineScaleSet", [
    { name: "versioned token: omitted", props: vmss(), expect: "fail", paths: [vmssPath] },
    { name: "versioned token: string TRUE", props: vmss({ encryptionAtHost: "TRUE" }), expect: "pass" },
]);

// Classic azure provider: `encryptionAtHostEnabled` (azurerm default false) on machines and scale sets.
for (const [type, resource] of [
    ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure.compute.LinuxVirtualMachine"],
    ["azure:compute/windowsVirtualMachine:WindowsVirtualMachine", "azure.compute.WindowsVirtualMachine"],
    ["azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", "azure.compute.LinuxVirtualMachineScaleSet"],
    ["azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", "azure.compute.WindowsVirtualMachineScaleSet"],
    ["azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet", "azure.compute.OrchestratedVirtualMachineScaleSet"],
] as const) {
    const machine = { resourceGroupName: "rg", location: "westeurope", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS" } };
    describeRule(encryptionAtHost, type, [
        { name: "encryption at host on", props: { ...machine, encryptionAtHostEnabled: true }, expect: "pass" },
        { name: "encryption at host off", props: { ...machine, encryptionAtHostEnabled: false }, expect: "fail", paths: ["encryptionAtHostEnabled"],
            message: new RegExp(`encryptionAtHostEnabled is not true.*encryptionAtHostEnabled: true\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "encryption at host omitted", props: { ...machine }, expect: "fail", paths: ["encryptionAtHostEnabled"], message: /encryptionAtHostEnabled omitted means disabled/ },
        { name: "the azure-native security profile is not read on classic machines", props: { ...machine, securityProfile: { encryptionAtHost: true } }, expect: "fail", paths: ["encryptionAtHostEnabled"] },
        { name: "encryption at host unknown during preview", props: { ...machine, encryptionAtHostEnabled: UNKNOWN }, expect: "defer", paths: ["encryptionAtHostEnabled"] },
    ]);
}
