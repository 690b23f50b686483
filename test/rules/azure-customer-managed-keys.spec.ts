import { customerManagedKeys } from "../../policies/azure/customer-managed-keys";
import { describeRule, UNKNOWN, type Row } from "../harness";

const des = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/cmk";
const otherDes = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/other";
const allowed = { allowedKeyIds: [des] };
const exempt = { exemptions: [{ resource: "subject", reason: "scratch data, platform keys accepted", expires: "2999-01-01" }] };

function diskRows(base: Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "customer key with a disk encryption set", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des } }, expect: "pass" },
        { name: "platform and customer keys with a disk encryption set", props: { ...base, encryption: { type: "EncryptionAtRestWithPlatformAndCustomerKeys", diskEncryptionSetId: des } }, expect: "pass" },
        { name: "lower-case customer key type", props: { ...base, encryption: { type: "encryptionatrestwithcustomerkey", diskEncryptionSetId: des } }, expect: "pass" },
        { name: "disk encryption set with the type omitted", props: { ...base, encryption: { diskEncryptionSetId: des } }, expect: "pass" },
        { name: "encryption omitted: platform key", props: { ...base }, expect: "fail", paths: ["encryption.type"], message: new RegExp(`omitted means EncryptionAtRestWithPlatformKey.*on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "platform key explicitly", props: { ...base, encryption: { type: "EncryptionAtRestWithPlatformKey" } }, expect: "fail", paths: ["encryption.type"], message: /not a customer-key type/ },
        { name: "upper-case platform key", props: { ...base, encryption: { type: "ENCRYPTIONATRESTWITHPLATFORMKEY" } }, expect: "fail", paths: ["encryption.type"] },
        { name: "customer key type with the disk encryption set omitted", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey" } }, expect: "fail", paths: ["encryption.diskEncryptionSetId"], message: /no disk encryption set is named/ },
        { name: "confidential disk with a customer key", props: { ...base, securityProfile: { securityType: "ConfidentialVM_DiskEncryptedWithCustomerKey", secureVMDiskEncryptionSetId: des } }, expect: "pass" },
        { name: "confidential disk with the secure-VM set omitted", props: { ...base, securityProfile: { securityType: "ConfidentialVM_DiskEncryptedWithCustomerKey" } }, expect: "fail", paths: ["securityProfile.secureVMDiskEncryptionSetId"] },
        { name: "confidential disk with a platform key", props: { ...base, securityProfile: { securityType: "ConfidentialVM_DiskEncryptedWithPlatformKey" } }, expect: "fail", paths: ["encryption.type"] },
        { name: "disk encryption set unknown: presence counts as set", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: UNKNOWN } }, expect: "pass" },
        { name: "disk encryption set unknown with allowedKeyIds", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: UNKNOWN } }, config: allowed, expect: "defer", paths: ["encryption.diskEncryptionSetId"] },
        { name: "encryption type unknown during preview", props: { ...base, encryption: { type: UNKNOWN } }, expect: "defer", paths: ["encryption.type"] },
        { name: "security type unknown during preview", props: { ...base, securityProfile: { securityType: UNKNOWN } }, expect: "defer", paths: ["securityProfile.securityType"] },
        { name: "security type unknown but a customer key is set", props: { ...base, securityProfile: { securityType: UNKNOWN }, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des } }, expect: "pass" },
        { name: "confidential disk with a customer key, encryption omitted", props: { ...base, securityProfile: { securityType: "confidentialvm_diskencryptedwithcustomerkey", secureVMDiskEncryptionSetId: des } }, expect: "pass" },
        { name: "allowed disk encryption set, compared case-insensitively", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des.toUpperCase() } }, config: allowed, expect: "pass" },
        { name: "disk encryption set not in allowedKeyIds, never echoed", props: { ...base, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: otherDes } }, config: allowed, expect: "fail", paths: ["encryption.diskEncryptionSetId"], message: /^(?![\s\S]*diskEncryptionSets\/other)[\s\S]*not one of allowedKeyIds/ },
        { name: "exempted with a reason", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "invalid allowedKeyIds in config", props: { ...base }, config: { allowedKeyIds: [""] }, expect: "fail", message: /invalid policy config: .*allowedKeyIds\[0\]/ },
        { name: "requireCustomerManagedKeys is not a setting of this rule", props: { ...base }, config: { requireCustomerManagedKeys: true }, expect: "fail", message: /invalid policy config/ },
    ];
}

const disk = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };

describeRule(customerManagedKeys, "azure-native:compute:Disk", diskRows(disk, "azure-native.compute.Disk"));
describeRule(customerManagedKeys, "azure-native:compute:Snapshot", diskRows(snapshot, "azure-native.compute.Snapshot"));
describeRule(customerManagedKeys, "azure-native:compute/v20240302:Disk", [
    { name: "versioned token: encryption omitted", props: { ...disk }, expect: "fail", paths: ["encryption.type"] },
    { name: "versioned token: customer key", props: { ...disk, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: des } }, expect: "pass" },
]);
describeRule(customerManagedKeys, "azure-native:compute/v20240302:Snapshot", [
    { name: "versioned token: platform key", props: { ...snapshot, encryption: { type: "EncryptionAtRestWithPlatformKey" } }, expect: "fail", paths: ["encryption.type"] },
]);

const osDisk = { osType: "Linux", osState: "Generalized", managedDisk: { id: "/subscriptions/0000/disks/os" } };
function image(osDes?: unknown, dataDes?: unknown[]) {
    return {
        resourceGroupName: "rg", location: "westeurope",
        storageProfile: {
            osDisk: osDes === undefined ? osDisk : { ...osDisk, diskEncryptionSet: { id: osDes } },
            ...(dataDes ? { dataDisks: dataDes.map((id, lun) => (id === undefined ? { lun } : { lun, diskEncryptionSet: { id } })) } : {}),
        },
    };
}

describeRule(customerManagedKeys, "azure-native:compute:Image", [
    { name: "OS and data disks with a disk encryption set", props: image(des, [des, des]), expect: "pass" },
    { name: "OS disk encryption set omitted", props: image(), expect: "fail", paths: ["storageProfile.osDisk.diskEncryptionSet.id"], message: /diskEncryptionSet omitted.*azure-native.compute.Image/ },
    { name: "one data disk without a disk encryption set", props: image(des, [des, undefined]), expect: "fail", paths: ["storageProfile.dataDisks[1].diskEncryptionSet.id"] },
    { name: "storage profile omitted (image from a VM)", props: { resourceGroupName: "rg", sourceVirtualMachine: { id: "/subscriptions/0000/vm" } }, expect: "fail", paths: ["storageProfile.osDisk.diskEncryptionSet.id"] },
    { name: "storage profile unknown during preview", props: { resourceGroupName: "rg", storageProfile: UNKNOWN }, expect: "defer", paths: ["storageProfile"] },
    { name: "disk encryption set unknown with allowedKeyIds", props: image(UNKNOWN), config: allowed, expect: "defer", paths: ["storageProfile.osDisk.diskEncryptionSet.id"] },
    { name: "disk encryption set not allowed", props: image(otherDes), config: allowed, expect: "fail", paths: ["storageProfile.osDisk.diskEncryptionSet.id"] },
    { name: "exempted with a reason", props: image(), config: exempt, expect: "exempt" },
]);
describeRule(customerManagedKeys, "azure-native:compute/v20240701:Image", [
    { name: "versioned token: OS disk encryption set omitted", props: image(), expect: "fail", paths: ["storageProfile.osDisk.diskEncryptionSet.id"] },
    { name: "versioned token: encrypted", props: image(des), expect: "pass" },
]);

function region(name: string, encryption?: unknown) {
    return encryption === undefined ? { name } : { name, encryption };
}
function version(regions: unknown, dataLuns: number[] = []) {
    return {
        resourceGroupName: "rg", galleryName: "images", galleryImageName: "ubuntu",
        storageProfile: { osDiskImage: { source: { id: "/subscriptions/0000/snapshots/os" } }, dataDiskImages: dataLuns.map((lun) => ({ lun, source: { id: "/subscriptions/0000/snapshots/data" } })) },
        publishingProfile: { endOfLifeDate: "2027-01-01", ...(regions === undefined ? {} : { targetRegions: regions }) },
    };
}
const full = { osDiskImage: { diskEncryptionSetId: des }, dataDiskImages: [{ lun: 0, diskEncryptionSetId: des }] };

describeRule(customerManagedKeys, "azure-native:compute:GalleryImageVersion", [
    { name: "every region encrypts OS and data disk images", props: version([region("westeurope", full), region("northeurope", full)], [0]), expect: "pass" },
    { name: "confidential OS disk image with a secure-VM set", props: version([region("westeurope", { osDiskImage: { securityProfile: { confidentialVMEncryptionType: "EncryptedWithCmk", secureVMDiskEncryptionSetId: des } } })]), expect: "pass" },
    { name: "target regions omitted", props: version(undefined), expect: "fail", paths: ["publishingProfile.targetRegions"], message: /targetRegions omitted/ },
    { name: "one region without encryption", props: version([region("westeurope", full), region("northeurope")], [0]), expect: "fail", paths: ["publishingProfile.targetRegions[1].encryption.osDiskImage.diskEncryptionSetId", "publishingProfile.targetRegions[1].encryption.dataDiskImages"] },
    { name: "data disk image lun not covered", props: version([region("westeurope", { osDiskImage: { diskEncryptionSetId: des } })], [0]), expect: "fail", paths: ["publishingProfile.targetRegions[0].encryption.dataDiskImages"], message: /data disk image 0 of storageProfile/ },
    { name: "data disk image entry without a set", props: version([region("westeurope", { osDiskImage: { diskEncryptionSetId: des }, dataDiskImages: [{ lun: 0 }] })], [0]), expect: "fail", paths: ["publishingProfile.targetRegions[0].encryption.dataDiskImages[0].diskEncryptionSetId"] },
    { name: "target regions unknown during preview", props: version(UNKNOWN), expect: "defer", paths: ["publishingProfile.targetRegions"] },
    { name: "region encryption set unknown with allowedKeyIds", props: version([region("westeurope", { osDiskImage: { diskEncryptionSetId: UNKNOWN } })]), config: allowed, expect: "defer" },
    { name: "region encryption set not allowed", props: version([region("westeurope", { osDiskImage: { diskEncryptionSetId: otherDes } })]), config: allowed, expect: "fail", paths: ["publishingProfile.targetRegions[0].encryption.osDiskImage.diskEncryptionSetId"] },
    { name: "exempted with a reason", props: version(undefined), config: exempt, expect: "exempt" },
]);
describeRule(customerManagedKeys, "azure-native:compute/v20240303:GalleryImageVersion", [
    { name: "versioned token: target regions omitted", props: version(undefined), expect: "fail", paths: ["publishingProfile.targetRegions"] },
    { name: "versioned token: encrypted", props: version([region("westeurope", full)], [0]), expect: "pass" },
]);

const managed = (id?: unknown) => (id === undefined ? { storageAccountType: "Premium_LRS" } : { storageAccountType: "Premium_LRS", diskEncryptionSet: { id } });
function vm(osDes?: unknown, dataDisks: unknown[] = []) {
    return {
        resourceGroupName: "rg", location: "westeurope",
        storageProfile: { osDisk: { createOption: "FromImage", managedDisk: managed(osDes) }, dataDisks },
    };
}

describeRule(customerManagedKeys, "azure-native:compute:VirtualMachine", [
    { name: "OS and data disks with a disk encryption set", props: vm(des, [{ lun: 0, createOption: "Empty", diskSizeGB: 64, managedDisk: managed(des) }]), expect: "pass" },
    { name: "attached existing data disk is judged on its Disk", props: vm(des, [{ lun: 0, createOption: "Attach", managedDisk: { id: "/subscriptions/0000/disks/data" } }]), expect: "pass" },
    { name: "lower-case attach", props: vm(des, [{ lun: 0, createOption: "attach", managedDisk: {} }]), expect: "pass" },
    { name: "confidential OS disk with a security-profile set", props: { ...vm(), storageProfile: { osDisk: { createOption: "FromImage", managedDisk: { securityProfile: { securityEncryptionType: "DiskWithVMGuestState", diskEncryptionSet: { id: des } } } } } }, expect: "pass" },
    { name: "ephemeral OS disk is left to encryption at host", props: { ...vm(), storageProfile: { osDisk: { createOption: "FromImage", diffDiskSettings: { option: "Local" }, managedDisk: {} } } }, expect: "pass" },
    { name: "OS disk encryption set omitted", props: vm(), expect: "fail", paths: ["storageProfile.osDisk.managedDisk.diskEncryptionSet.id"], message: /OS disk is encrypted only with a platform-managed key.*azure-native.compute.VirtualMachine/ },
    { name: "storage profile omitted", props: { resourceGroupName: "rg" }, expect: "fail", paths: ["storageProfile.osDisk.managedDisk.diskEncryptionSet.id"] },
    { name: "new data disk without a set", props: vm(des, [{ lun: 0, createOption: "Empty", managedDisk: managed() }]), expect: "fail", paths: ["storageProfile.dataDisks[0].managedDisk.diskEncryptionSet.id"] },
    { name: "storage profile unknown during preview", props: { resourceGroupName: "rg", storageProfile: UNKNOWN }, expect: "defer", paths: ["storageProfile"] },
    { name: "OS disk unknown during preview", props: { resourceGroupName: "rg", storageProfile: { osDisk: UNKNOWN } }, expect: "defer", paths: ["storageProfile.osDisk"] },
    { name: "managed disk unknown during preview", props: { resourceGroupName: "rg", storageProfile: { osDisk: { createOption: "FromImage", managedDisk: UNKNOWN } } }, expect: "defer", paths: ["storageProfile.osDisk.managedDisk"] },
    { name: "OS disk set unknown with allowedKeyIds", props: vm(UNKNOWN), config: allowed, expect: "defer", paths: ["storageProfile.osDisk.managedDisk.diskEncryptionSet.id"] },
    { name: "OS disk set not allowed", props: vm(otherDes), config: allowed, expect: "fail", paths: ["storageProfile.osDisk.managedDisk.diskEncryptionSet.id"] },
    { name: "exempted with a reason", props: vm(), config: exempt, expect: "exempt" },
]);
describeRule(customerManagedKeys, "azure-native:compute/v20241101:VirtualMachine", [
    { name: "versioned token: OS disk set omitted", props: vm(), expect: "fail", paths: ["storageProfile.osDisk.managedDisk.diskEncryptionSet.id"] },
    { name: "versioned token: encrypted", props: vm(des), expect: "pass" },
]);

function vmss(osDes?: unknown, dataDisks: unknown[] = []) {
    return {
        resourceGroupName: "rg", location: "westeurope",
        virtualMachineProfile: { storageProfile: { osDisk: { createOption: "FromImage", managedDisk: managed(osDes) }, dataDisks } },
    };
}
const vmssOs = "virtualMachineProfile.storageProfile.osDisk.managedDisk.diskEncryptionSet.id";

describeRule(customerManagedKeys, "azure-native:compute:VirtualMachineScaleSet", [
    { name: "OS and data disks with a disk encryption set", props: vmss(des, [{ lun: 0, createOption: "Empty", managedDisk: managed(des) }]), expect: "pass" },
    { name: "OS disk encryption set omitted", props: vmss(), expect: "fail", paths: [vmssOs], message: /azure-native.compute.VirtualMachineScaleSet/ },
    { name: "virtual machine profile omitted", props: { resourceGroupName: "rg" }, expect: "fail", paths: [vmssOs] },
    { name: "data disk without a set", props: vmss(des, [{ lun: 0, createOption: "Empty", managedDisk: managed() }]), expect: "fail", paths: ["virtualMachineProfile.storageProfile.dataDisks[0].managedDisk.diskEncryptionSet.id"] },
    { name: "data disks unknown during preview", props: vmss(des, UNKNOWN as unknown as unknown[]), expect: "defer", paths: ["virtualMachineProfile.storageProfile.dataDisks"] },
    { name: "exempted with a reason", props: vmss(), config: exempt, expect: "exempt" },
]);
describeRule(customerManagedKeys, "azure-native:compute/v20241101:VirtualMachineScaleSet", [
    { name: "versioned token: OS disk set omitted", props: vmss(), expect: "fail", paths: [vmssOs] },
    { name: "versioned token: encrypted", props: vmss(des), expect: "pass" },
]);

// ---- Classic azure provider: `diskEncryptionSetId` on the resource or its disk blocks ----------

const classicDisk = { resourceGroupName: "rg", location: "westeurope", createOption: "Empty", storageAccountType: "Premium_LRS", diskSizeGb: 64 };

describeRule(customerManagedKeys, "azure:compute/managedDisk:ManagedDisk", [
    { name: "disk encryption set named", props: { ...classicDisk, diskEncryptionSetId: des }, expect: "pass" },
    { name: "confidential disk with a secure-VM disk encryption set", props: { ...classicDisk, securityType: "ConfidentialVM_DiskEncryptedWithCustomerKey", secureVmDiskEncryptionSetId: des }, expect: "pass" },
    { name: "disk encryption set omitted: platform key", props: { ...classicDisk }, expect: "fail", paths: ["diskEncryptionSetId"], message: /platform-managed key \(diskEncryptionSetId omitted\).*azure\.compute\.DiskEncryptionSet.*azure\.compute\.ManagedDisk/ },
    { name: "disk encryption set not in allowedKeyIds", props: { ...classicDisk, diskEncryptionSetId: otherDes }, config: allowed, expect: "fail", paths: ["diskEncryptionSetId"], message: /not one of allowedKeyIds/ },
    { name: "disk encryption set unknown with allowedKeyIds", props: { ...classicDisk, diskEncryptionSetId: UNKNOWN }, config: allowed, expect: "defer", paths: ["diskEncryptionSetId"] },
    { name: "disk encryption set unknown without allowedKeyIds counts as set", props: { ...classicDisk, diskEncryptionSetId: UNKNOWN }, expect: "pass" },
]);

const classicImage = { resourceGroupName: "rg", location: "westeurope", osDisk: { osType: "Linux", osState: "Generalized", storageType: "Premium_LRS", managedDiskId: "/subscriptions/0000/disks/os" } };

describeRule(customerManagedKeys, "azure:compute/image:Image", [
    { name: "OS and data disks name a set", props: { ...classicImage, osDisk: { ...classicImage.osDisk, diskEncryptionSetId: des }, dataDisks: [{ lun: 0, storageType: "Premium_LRS", diskEncryptionSetId: des }] }, expect: "pass" },
    { name: "OS disk set omitted", props: { ...classicImage }, expect: "fail", paths: ["osDisk.diskEncryptionSetId"] },
    { name: "data disk set omitted", props: { ...classicImage, osDisk: { ...classicImage.osDisk, diskEncryptionSetId: des }, dataDisks: [{ lun: 0, storageType: "Premium_LRS" }] }, expect: "fail", paths: ["dataDisks[0].diskEncryptionSetId"] },
    { name: "data disks unknown during preview", props: { ...classicImage, osDisk: { ...classicImage.osDisk, diskEncryptionSetId: des }, dataDisks: UNKNOWN }, expect: "defer", paths: ["dataDisks"] },
]);

const classicVersion = { resourceGroupName: "rg", galleryName: "g", imageName: "i", location: "westeurope", managedImageId: "/subscriptions/0000/images/base" };

describeRule(customerManagedKeys, "azure:compute/sharedImageVersion:SharedImageVersion", [
    { name: "every target region names a set", props: { ...classicVersion, targetRegions: [{ name: "westeurope", regionalReplicaCount: 1, diskEncryptionSetId: des }] }, expect: "pass" },
    { name: "a target region without a set (omitted)", props: { ...classicVersion, targetRegions: [{ name: "westeurope", regionalReplicaCount: 1, diskEncryptionSetId: des }, { name: "northeurope", regionalReplicaCount: 1 }] }, expect: "fail", paths: ["targetRegions[1].diskEncryptionSetId"], message: /replica in target region 1/ },
    { name: "target regions unknown during preview", props: { ...classicVersion, targetRegions: UNKNOWN }, expect: "defer", paths: ["targetRegions"] },
]);

for (const [type, resource, scaleSet] of [
    ["azure:compute/linuxVirtualMachine:LinuxVirtualMachine", "azure.compute.LinuxVirtualMachine", false],
    ["azure:compute/windowsVirtualMachine:WindowsVirtualMachine", "azure.compute.WindowsVirtualMachine", false],
    ["azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", "azure.compute.LinuxVirtualMachineScaleSet", true],
    ["azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", "azure.compute.WindowsVirtualMachineScaleSet", true],
] as const) {
    const machine = (osDisk: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ resourceGroupName: "rg", location: "westeurope", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", ...osDisk }, ...extra });
    const rows: Row[] = [
        { name: "OS disk names a set", props: machine({ diskEncryptionSetId: des }), expect: "pass" },
        { name: "OS disk set omitted", props: machine({}), expect: "fail", paths: ["osDisk.diskEncryptionSetId"], message: new RegExp(`OS disk is encrypted only with a platform-managed key.*of the ${resource.replace(/\./g, "\\.")}`) },
        { name: "confidential OS disk with a secure-VM set", props: machine({ secureVmDiskEncryptionSetId: des }), expect: "pass" },
        { name: "OS disk set unknown with allowedKeyIds", props: machine({ diskEncryptionSetId: UNKNOWN }), config: allowed, expect: "defer", paths: ["osDisk.diskEncryptionSetId"] },
        { name: "OS disk block unknown during preview", props: { resourceGroupName: "rg", osDisk: UNKNOWN }, expect: "defer", paths: ["osDisk"] },
    ];
    if (scaleSet) {
        rows.push({ name: "scale-set data disk set omitted", props: machine({ diskEncryptionSetId: des }, { dataDisks: [{ caching: "None", diskSizeGb: 32, lun: 0, storageAccountType: "Premium_LRS" }] }), expect: "fail", paths: ["dataDisks[0].diskEncryptionSetId"] });
    }
    describeRule(customerManagedKeys, type, rows);
}

describeRule(customerManagedKeys, "azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet", [
    { name: "OS and data disks name a set", props: { resourceGroupName: "rg", platformFaultDomainCount: 1, osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", diskEncryptionSetId: des }, dataDisks: [{ caching: "None", storageAccountType: "Premium_LRS", diskEncryptionSetId: des }] }, expect: "pass" },
    { name: "no VM profile (osDisk omitted)", props: { resourceGroupName: "rg", platformFaultDomainCount: 1 }, expect: "pass" },
    { name: "ephemeral OS disk is left to encryption at host", props: { resourceGroupName: "rg", osDisk: { caching: "ReadOnly", storageAccountType: "Standard_LRS", diffDiskSettings: { option: "Local" } } }, expect: "pass" },
    { name: "OS disk set omitted", props: { resourceGroupName: "rg", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS" } }, expect: "fail", paths: ["osDisk.diskEncryptionSetId"], message: /azure\.compute\.OrchestratedVirtualMachineScaleSet/ },
    { name: "data disk set omitted", props: { resourceGroupName: "rg", osDisk: { caching: "ReadWrite", storageAccountType: "Premium_LRS", diskEncryptionSetId: des }, dataDisks: [{ caching: "None", storageAccountType: "Premium_LRS" }] }, expect: "fail", paths: ["dataDisks[0].diskEncryptionSetId"] },
    { name: "OS disk unknown during preview", props: { resourceGroupName: "rg", osDisk: UNKNOWN }, expect: "defer", paths: ["osDisk"] },
]);
