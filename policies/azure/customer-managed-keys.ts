import type {
    ImageArgs as ClassicImageArgs, LinuxVirtualMachineArgs, LinuxVirtualMachineScaleSetArgs, ManagedDiskArgs,
    OrchestratedVirtualMachineScaleSetArgs, SharedImageVersionArgs, WindowsVirtualMachineArgs, WindowsVirtualMachineScaleSetArgs,
} from "@pulumi/azure/compute";
import type {
    DiskArgs, GalleryImageVersionArgs, ImageArgs, SnapshotArgs, VirtualMachineArgs, VirtualMachineScaleSetArgs,
} from "@pulumi/azure-native/compute";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asList, asNumber, dig, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { requireDes } from "./lib/keys";

type Knobs = "allowedKeyIds";

const CUSTOMER_TYPES = ["EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformAndCustomerKeys"];

/** Disks and snapshots: `encryption.type` + `encryption.diskEncryptionSetId`, or a confidential disk's secure-VM DES. */
function diskOrSnapshot(resource: string) {
    return (props: Record<string, unknown>, { config }: { config: { allowedKeyIds: string[] } }): Finding[] => {
        const fix = `set \`encryption.type: "EncryptionAtRestWithCustomerKey"\` and \`encryption.diskEncryptionSetId\` (an ` +
            `azure-native.compute.DiskEncryptionSet) on the ${resource}; this recreates an existing disk, so set it at creation`;
        const findings = customerKeyFindings(props, config.allowedKeyIds, fix);
        if (findings.length === 0) {
            return [];
        }
        // A confidential disk encrypted with a customer key names its set in the security profile instead.
        const confidential = enumIn(dig(props, "securityProfile", "securityType"), "ConfidentialVM_DiskEncryptedWithCustomerKey");
        if (isUnknown(confidential)) {
            return [deferred("securityProfile.securityType")];
        }
        if (confidential) {
            return requireDes(dig(props, "securityProfile", "secureVMDiskEncryptionSetId"), "securityProfile.secureVMDiskEncryptionSetId",
                config.allowedKeyIds, "the confidential disk is encrypted with a customer key but names no disk encryption set",
                `set \`securityProfile.secureVMDiskEncryptionSetId\` on the ${resource}`);
        }
        return findings;
    };
}

function customerKeyFindings(props: Record<string, unknown>, allowed: string[], fix: string): Finding[] {
    const encryption = prop(props, "encryption");
    const type = prop(encryption, "type");
    const customer = enumIn(type, ...CUSTOMER_TYPES);
    if (isUnknown(customer)) {
        return [deferred("encryption.type")];
    }
    // A disk encryption set with the type left out is read as a customer key (the service infers it).
    if (customer || (type === undefined && isSet(encryption, "diskEncryptionSetId"))) {
        return requireDes(prop(encryption, "diskEncryptionSetId"), "encryption.diskEncryptionSetId", allowed,
            "a customer-key encryption type is set but no disk encryption set is named", fix);
    }
    const problem = type === undefined
        ? "the data is encrypted only with a platform-managed key (encryption.type omitted means EncryptionAtRestWithPlatformKey)"
        : "the data is encrypted only with a platform-managed key (encryption.type is not a customer-key type)";
    return [violation("encryption.type", problem, fix)];
}

function imageDisk(disk: unknown, path: string, allowed: string[], fix: string): Finding[] {
    return requireDes(dig(disk, "diskEncryptionSet", "id"), `${path}.diskEncryptionSet.id`, allowed,
        "the image disk is encrypted only with a platform-managed key (diskEncryptionSet omitted)", fix);
}

function checkImage(props: Record<string, unknown>, allowed: string[]): Finding[] {
    const fix = "set `diskEncryptionSet.id` (an azure-native.compute.DiskEncryptionSet) on the OS disk and every data disk in " +
        "`storageProfile` of the azure-native.compute.Image";
    const storage = prop(props, "storageProfile");
    if (isUnknown(storage)) {
        return [deferred("storageProfile")];
    }
    const findings = imageDisk(prop(storage, "osDisk"), "storageProfile.osDisk", allowed, fix);
    const dataDisks = asList(prop(storage, "dataDisks"));
    if (isUnknown(dataDisks)) {
        findings.push(deferred("storageProfile.dataDisks"));
    } else {
        dataDisks.forEach((disk, i) => findings.push(...imageDisk(disk, `storageProfile.dataDisks[${i}]`, allowed, fix)));
    }
    return findings;
}

function checkGalleryImageVersion(props: Record<string, unknown>, allowed: string[]): Finding[] {
    const fix = "set `encryption.osDiskImage.diskEncryptionSetId` and `encryption.dataDiskImages[].diskEncryptionSetId` (one per " +
        "data disk lun) in every `publishingProfile.targetRegions[]` entry of the azure-native.compute.GalleryImageVersion";
    const regions = asList(dig(props, "publishingProfile", "targetRegions"));
    if (isUnknown(regions)) {
        return [deferred("publishingProfile.targetRegions")];
    }
    if (regions.length === 0) {
        return [violation("publishingProfile.targetRegions",
            "the image version is replicated with platform-managed keys only (targetRegions omitted, so no region names a disk encryption set)", fix)];
    }
    const sourceDataDisks = asList(dig(props, "storageProfile", "dataDiskImages"));
    const findings: Finding[] = [];
    regions.forEach((region, i) => {
        const base = `publishingProfile.targetRegions[${i}].encryption`;
        const osImage = dig(region, "encryption", "osDiskImage");
        const confidential = dig(osImage, "securityProfile", "secureVMDiskEncryptionSetId");
        if (!(isSet(prop(osImage, "securityProfile"), "secureVMDiskEncryptionSetId") && !isSet(osImage, "diskEncryptionSetId"))) {
            findings.push(...requireDes(prop(osImage, "diskEncryptionSetId"), `${base}.osDiskImage.diskEncryptionSetId`, allowed,
                "the OS disk image in this region is encrypted only with a platform-managed key", fix));
        } else {
            findings.push(...requireDes(confidential, `${base}.osDiskImage.securityProfile.secureVMDiskEncryptionSetId`, allowed,
                "the OS disk image in this region is encrypted only with a platform-managed key", fix));
        }
        const dataImages = asList(dig(region, "encryption", "dataDiskImages"));
        if (isUnknown(dataImages)) {
            findings.push(deferred(`${base}.dataDiskImages`));
            return;
        }
        dataImages.forEach((image, j) => findings.push(...requireDes(prop(image, "diskEncryptionSetId"),
            `${base}.dataDiskImages[${j}].diskEncryptionSetId`, allowed,
            "the data disk image in this region is encrypted only with a platform-managed key", fix)));
        if (isUnknown(sourceDataDisks)) {
            return;
        }
        sourceDataDisks.forEach((disk, k) => {
            const lun = asNumber(prop(disk, "lun"));
            if (isUnknown(lun)) {
                findings.push(deferred(`storageProfile.dataDiskImages[${k}].lun`));
                return;
            }
            const covered = dataImages.some((image) => {
                const imageLun = asNumber(prop(image, "lun"));
                return isUnknown(imageLun) || imageLun === lun;
            });
            if (!covered) {
                findings.push(violation(`${base}.dataDiskImages`,
                    `data disk image ${k} of storageProfile has no encryption entry with its lun in this region, so it uses a platform-managed key`, fix));
            }
        });
    });
    return findings;
}

/** VM and scale-set disks the machine creates; attached existing disks are judged on their own Disk resource. */
function machineDisks(storage: unknown, base: string, allowed: string[], fix: string): Finding[] {
    if (isUnknown(storage)) {
        return [deferred(base)];
    }
    const findings: Finding[] = [];
    const judge = (disk: unknown, path: string, what: string) => {
        if (isUnknown(disk)) {
            findings.push(deferred(path));
            return;
        }
        if (isUnknown(prop(disk, "managedDisk"))) {
            findings.push(deferred(`${path}.managedDisk`));
            return;
        }
        if (enumIn(prop(disk, "createOption"), "Attach") === true || isSet(prop(disk, "managedDisk"), "id")) {
            return;
        }
        // An ephemeral OS disk lives on the host's cache or temporary disk and cannot use a disk encryption
        // set; azure-encryption-at-host covers it.
        if (isSet(disk, "diffDiskSettings")) {
            return;
        }
        const managed = prop(disk, "managedDisk");
        const confidential = dig(managed, "securityProfile", "diskEncryptionSet", "id");
        if (isSet(dig(managed, "securityProfile", "diskEncryptionSet"), "id") && !isSet(prop(managed, "diskEncryptionSet"), "id")) {
            findings.push(...requireDes(confidential, `${path}.managedDisk.securityProfile.diskEncryptionSet.id`, allowed,
                `the ${what} is encrypted only with a platform-managed key`, fix));
            return;
        }
        findings.push(...requireDes(dig(managed, "diskEncryptionSet", "id"), `${path}.managedDisk.diskEncryptionSet.id`, allowed,
            `the ${what} is encrypted only with a platform-managed key (managedDisk.diskEncryptionSet omitted)`, fix));
    };
    judge(prop(storage, "osDisk"), `${base}.osDisk`, "OS disk");
    const dataDisks = asList(prop(storage, "dataDisks"));
    if (isUnknown(dataDisks)) {
        findings.push(deferred(`${base}.dataDisks`));
    } else {
        dataDisks.forEach((disk, i) => judge(disk, `${base}.dataDisks[${i}]`, `data disk ${i}`));
    }
    return findings;
}

/**
 * Classic azure (azurerm) shapes name the set directly: `diskEncryptionSetId` on a disk block or
 * resource, `secureVmDiskEncryptionSetId` for confidential disks. `blocks` lists the disk blocks to
 * judge: `""` for the resource itself, `osDisk` (a block), `dataDisks` / `targetRegions` (lists).
 */
function classicDiskSets(props: Record<string, unknown>, blocks: Array<{ key: string; list?: boolean; what: string }>, resource: string, allowed: string[]): Finding[] {
    const fix = `set \`diskEncryptionSetId\` (an azure.compute.DiskEncryptionSet) on ${blocks.map((block) => block.key === "" ? "the resource" : `\`${block.key}\``).join(" and ")} ` +
        `of the ${resource}; this recreates existing disks, so set it at creation`;
    const findings: Finding[] = [];
    const judge = (disk: unknown, path: string, what: string) => {
        const at = (key: string) => (path === "" ? key : `${path}.${key}`);
        if (isUnknown(disk)) {
            findings.push(deferred(path));
        } else if (isSet(disk, "secureVmDiskEncryptionSetId") && !isSet(disk, "diskEncryptionSetId")) {
            findings.push(...requireDes(prop(disk, "secureVmDiskEncryptionSetId"), at("secureVmDiskEncryptionSetId"), allowed, `the ${what} is encrypted only with a platform-managed key`, fix));
        } else {
            findings.push(...requireDes(prop(disk, "diskEncryptionSetId"), at("diskEncryptionSetId"), allowed,
                `the ${what} is encrypted only with a platform-managed key (diskEncryptionSetId omitted)`, fix));
        }
    };
    for (const block of blocks) {
        if (block.key === "") {
            judge(props, "", block.what);
        } else if (!block.list) {
            judge(prop(props, block.key), block.key, block.what);
        } else {
            const items = asList(prop(props, block.key));
            if (isUnknown(items)) {
                findings.push(deferred(block.key));
            } else {
                items.forEach((item, i) => judge(item, `${block.key}[${i}]`, `${block.what} ${i}`));
            }
        }
    }
    return findings;
}

const OS_AND_DATA = [{ key: "osDisk", what: "OS disk" }, { key: "dataDisks", list: true, what: "data disk" }];

export const customerManagedKeys = defineRule({
    id: "azure-customer-managed-keys",
    cloud: "azure",
    title: "Managed disks, snapshots, images and VM disks are encrypted with customer-managed keys",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Azure always encrypts managed disks at rest, but with a platform-managed key by default: the organisation cannot " +
        "revoke access to the data, rotate the key on its own schedule or prove who used it. A disk encryption set backed by " +
        "a Key Vault key puts that control with the organisation. Snapshots, images and gallery replicas are further copies " +
        "of the same data and need the same key, in every region they are replicated to.",
    remediation:
        "Create an `azure-native.compute.DiskEncryptionSet` and reference it: `encryption.type: \"EncryptionAtRestWithCustomerKey\"` " +
        "with `encryption.diskEncryptionSetId` on `Disk` and `Snapshot` (confidential disks: " +
        "`securityProfile.secureVMDiskEncryptionSetId`); `storageProfile.osDisk/dataDisks[].diskEncryptionSet.id` on `Image`; " +
        "`publishingProfile.targetRegions[].encryption` on `GalleryImageVersion`; `managedDisk.diskEncryptionSet.id` on the OS " +
        "and data disks of `VirtualMachine` and `VirtualMachineScaleSet`. Restrict the sets with `allowedKeyIds`. Changing the " +
        "key of an existing disk can recreate it; set it at creation. With the classic provider, set `diskEncryptionSetId` on " +
        "`azure.compute.ManagedDisk`, on `osDisk` (and scale-set `dataDisks`) of the Linux and Windows machines and scale sets, " +
        "on `osDisk` and `dataDisks` of `azure.compute.Image` and `OrchestratedVirtualMachineScaleSet` and on each " +
        "`targetRegions` entry of `SharedImageVersion` " +
        "(classic `azure.compute.Snapshot` has no customer-key setting and is not checked).",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/disk-encryption",
    controls: {
        checkov: ["CKV_AZURE_93"],
        "azure-policy": ["702dd420-7fcc-42c5-afe8-4026edd20fe0", "d461a302-a187-421a-89ac-84acdb4edc04"],
    },
    config: ["allowedKeyIds"],
    targets: [
        on<DiskArgs, Knobs>("azure-native:compute:Disk", diskOrSnapshot("azure-native.compute.Disk")),
        on<SnapshotArgs, Knobs>("azure-native:compute:Snapshot", diskOrSnapshot("azure-native.compute.Snapshot")),
        on<ImageArgs, Knobs>("azure-native:compute:Image", (props, { config }) => checkImage(props, config.allowedKeyIds)),
        on<GalleryImageVersionArgs, Knobs>("azure-native:compute:GalleryImageVersion", (props, { config }) =>
            checkGalleryImageVersion(props, config.allowedKeyIds)),
        on<VirtualMachineArgs, Knobs>("azure-native:compute:VirtualMachine", (props, { config }) =>
            machineDisks(prop(props, "storageProfile"), "storageProfile", config.allowedKeyIds,
                "set `managedDisk.diskEncryptionSet.id` (an azure-native.compute.DiskEncryptionSet) on the OS disk and every data disk " +
                "in `storageProfile` of the azure-native.compute.VirtualMachine")),
        on<VirtualMachineScaleSetArgs, Knobs>("azure-native:compute:VirtualMachineScaleSet", (props, { config }) =>
            machineDisks(dig(props, "virtualMachineProfile", "storageProfile"), "virtualMachineProfile.storageProfile", config.allowedKeyIds,
                "set `managedDisk.diskEncryptionSet.id` (an azure-native.compute.DiskEncryptionSet) on the OS disk and every data disk " +
                "in `virtualMachineProfile.storageProfile` of the azure-native.compute.VirtualMachineScaleSet")),

        on<ManagedDiskArgs, Knobs>("azure:compute/managedDisk:ManagedDisk", (props, { config }) =>
            classicDiskSets(props, [{ key: "", what: "disk" }], "azure.compute.ManagedDisk", config.allowedKeyIds)),
        on<ClassicImageArgs, Knobs>("azure:compute/image:Image", (props, { config }) =>
            classicDiskSets(props, OS_AND_DATA, "azure.compute.Image", config.allowedKeyIds)),
        on<SharedImageVersionArgs, Knobs>("azure:compute/sharedImageVersion:SharedImageVersion", (props, { config }) =>
            classicDiskSets(props, [{ key: "targetRegions", list: true, what: "replica in target region" }], "azure.compute.SharedImageVersion", config.allowedKeyIds)),
        // Data disks of classic VMs are separate azure.compute.ManagedDisk resources, judged there.
        on<LinuxVirtualMachineArgs, Knobs>("azure:compute/linuxVirtualMachine:LinuxVirtualMachine", (props, { config }) =>
            classicDiskSets(props, [{ key: "osDisk", what: "OS disk" }], "azure.compute.LinuxVirtualMachine", config.allowedKeyIds)),
        on<WindowsVirtualMachineArgs, Knobs>("azure:compute/windowsVirtualMachine:WindowsVirtualMachine", (props, { config }) =>
            classicDiskSets(props, [{ key: "osDisk", what: "OS disk" }], "azure.compute.WindowsVirtualMachine", config.allowedKeyIds)),
        on<LinuxVirtualMachineScaleSetArgs, Knobs>("azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", (props, { config }) =>
            classicDiskSets(props, OS_AND_DATA, "azure.compute.LinuxVirtualMachineScaleSet", config.allowedKeyIds)),
        on<WindowsVirtualMachineScaleSetArgs, Knobs>("azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", (props, { config }) =>
            classicDiskSets(props, OS_AND_DATA, "azure.compute.WindowsVirtualMachineScaleSet", config.allowedKeyIds)),
        // A flexible scale set without an `osDisk` has no VM profile (it creates no machines); an ephemeral OS disk
        // (`diffDiskSettings`) cannot use a disk encryption set, and azure-encryption-at-host covers it.
        on<OrchestratedVirtualMachineScaleSetArgs, Knobs>("azure:compute/orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet", (props, { config }) => {
            const osDisk = prop(props, "osDisk");
            const blocks = isUnknown(osDisk) || (osDisk !== undefined && !isSet(osDisk, "diffDiskSettings")) ? OS_AND_DATA : OS_AND_DATA.slice(1);
            return classicDiskSets(props, blocks, "azure.compute.OrchestratedVirtualMachineScaleSet", config.allowedKeyIds);
        }),
    ],
});
