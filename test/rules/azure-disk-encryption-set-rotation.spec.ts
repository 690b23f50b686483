import { diskEncryptionSetRotation } from "../../policies/azure/disk-encryption-set-rotation";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "key version pinned for an HSM migration", expires: "2999-01-01" }] };
const set = {
    resourceGroupName: "rg", location: "westeurope", encryptionType: "EncryptionAtRestWithCustomerKey",
    identity: { type: "SystemAssigned" }, activeKey: { keyUrl: "https://vault.vault.azure.net/keys/disks" },
};

describeRule(diskEncryptionSetRotation, "azure-native:compute:DiskEncryptionSet", [
    { name: "rotation to the latest key version on", props: { ...set, rotationToLatestKeyVersionEnabled: true }, expect: "pass" },
    { name: "rotation as string \"true\"", props: { ...set, rotationToLatestKeyVersionEnabled: "true" }, expect: "pass" },
    { name: "rotation off", props: { ...set, rotationToLatestKeyVersionEnabled: false }, expect: "fail", paths: ["rotationToLatestKeyVersionEnabled"], message: /is not true.*rotationToLatestKeyVersionEnabled: true` on the azure-native.compute.DiskEncryptionSet/ },
    { name: "string \"FALSE\"", props: { ...set, rotationToLatestKeyVersionEnabled: "FALSE" }, expect: "fail", paths: ["rotationToLatestKeyVersionEnabled"] },
    { name: "rotation omitted", props: { ...set }, expect: "fail", paths: ["rotationToLatestKeyVersionEnabled"], message: /omitted means false/ },
    { name: "rotation unknown during preview", props: { ...set, rotationToLatestKeyVersionEnabled: UNKNOWN }, expect: "defer", paths: ["rotationToLatestKeyVersionEnabled"] },
    { name: "exempted with a reason", props: { ...set }, config: exempt, expect: "exempt" },
    { name: "knobs are not settings of this rule", props: { ...set }, config: { allowedKeyIds: [] }, expect: "fail", message: /invalid policy config/ },
]);
describeRule(diskEncryptionSetRotation, "azure-native:compute/v20240302:DiskEncryptionSet", [
    { name: "versioned token: omitted", props: { ...set }, expect: "fail", paths: ["rotationToLatestKeyVersionEnabled"] },
    { name: "versioned token: on", props: { ...set, rotationToLatestKeyVersionEnabled: true }, expect: "pass" },
]);

// Classic azure provider: `autoKeyRotationEnabled` (azurerm default false).
const classicSet = { resourceGroupName: "rg", location: "westeurope", keyVaultKeyId: "https://vault.vault.azure.net/keys/disks", identity: { type: "SystemAssigned" } };

describeRule(diskEncryptionSetRotation, "azure:compute/diskEncryptionSet:DiskEncryptionSet", [
    { name: "automatic key rotation on", props: { ...classicSet, autoKeyRotationEnabled: true }, expect: "pass" },
    { name: "automatic key rotation off", props: { ...classicSet, autoKeyRotationEnabled: false }, expect: "fail", paths: ["autoKeyRotationEnabled"], message: /is not true.*autoKeyRotationEnabled: true` on the azure\.compute\.DiskEncryptionSet/ },
    { name: "automatic key rotation omitted", props: { ...classicSet }, expect: "fail", paths: ["autoKeyRotationEnabled"], message: /autoKeyRotationEnabled omitted means false/ },
    { name: "automatic key rotation unknown during preview", props: { ...classicSet, autoKeyRotationEnabled: UNKNOWN }, expect: "defer", paths: ["autoKeyRotationEnabled"] },
]);
