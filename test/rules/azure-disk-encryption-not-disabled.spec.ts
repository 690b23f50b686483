import { diskEncryptionNotDisabled } from "../../policies/azure/disk-encryption-not-disabled";
import { describeRule, UNKNOWN, type Row } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "decrypted copy for forensic analysis", expires: "2999-01-01" }] };

function rows(base: Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "encryption settings omitted: server-side encryption still on", props: { ...base }, expect: "pass" },
        { name: "Azure Disk Encryption enabled", props: { ...base, encryptionSettingsCollection: { enabled: true, encryptionSettings: [] } }, expect: "pass" },
        { name: "enabled omitted inside the collection", props: { ...base, encryptionSettingsCollection: {} }, expect: "pass" },
        { name: "Azure Disk Encryption explicitly off", props: { ...base, encryptionSettingsCollection: { enabled: false } }, expect: "fail", paths: ["encryptionSettingsCollection.enabled"], message: new RegExp(`explicitly turned off.*on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "string \"False\"", props: { ...base, encryptionSettingsCollection: { enabled: "False" } }, expect: "fail", paths: ["encryptionSettingsCollection.enabled"] },
        { name: "enabled unknown during preview", props: { ...base, encryptionSettingsCollection: { enabled: UNKNOWN } }, expect: "defer", paths: ["encryptionSettingsCollection.enabled"] },
        { name: "exempted with a reason", props: { ...base, encryptionSettingsCollection: { enabled: false } }, config: exempt, expect: "exempt" },
        { name: "knobs are not settings of this rule", props: { ...base }, config: { requireCustomerManagedKeys: true }, expect: "fail", message: /invalid policy config/ },
    ];
}

const disk = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };

describeRule(diskEncryptionNotDisabled, "azure-native:compute:Disk", rows(disk, "azure-native.compute.Disk"));
describeRule(diskEncryptionNotDisabled, "azure-native:compute:Snapshot", rows(snapshot, "azure-native.compute.Snapshot"));
describeRule(diskEncryptionNotDisabled, "azure-native:compute/v20240302:Disk", [
    { name: "versioned token: explicitly off", props: { ...disk, encryptionSettingsCollection: { enabled: false } }, expect: "fail", paths: ["encryptionSettingsCollection.enabled"] },
]);
describeRule(diskEncryptionNotDisabled, "azure-native:compute/v20240302:Snapshot", [
    { name: "versioned token: omitted", props: { ...snapshot }, expect: "pass" },
    { name: "versioned token: explicitly off", props: { ...snapshot, encryptionSettingsCollection: { enabled: false } }, expect: "fail", paths: ["encryptionSettingsCollection.enabled"] },
]);
