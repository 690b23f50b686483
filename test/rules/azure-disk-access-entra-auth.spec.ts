import { diskAccessEntraAuth } from "../../policies/azure/disk-access-entra-auth";
import { describeRule, UNKNOWN, type Row } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "legacy export tooling without Entra support", expires: "2999-01-01" }] };

function rows(base: Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "Entra ID authentication required", props: { ...base, dataAccessAuthMode: "AzureActiveDirectory" }, expect: "pass" },
        { name: "lower-case azureactivedirectory", props: { ...base, dataAccessAuthMode: "azureactivedirectory" }, expect: "pass" },
        { name: "authentication mode None", props: { ...base, dataAccessAuthMode: "None" }, expect: "fail", paths: ["dataAccessAuthMode"], message: new RegExp(`not AzureActiveDirectory.*on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "upper-case NONE", props: { ...base, dataAccessAuthMode: "NONE" }, expect: "fail", paths: ["dataAccessAuthMode"] },
        { name: "authentication mode omitted", props: { ...base }, expect: "fail", paths: ["dataAccessAuthMode"], message: /omitted means None/ },
        { name: "authentication mode unknown during preview", props: { ...base, dataAccessAuthMode: UNKNOWN }, expect: "defer", paths: ["dataAccessAuthMode"] },
        { name: "exempted with a reason", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "knobs are not settings of this rule", props: { ...base }, config: { allowedKeyIds: ["x"] }, expect: "fail", message: /invalid policy config/ },
    ];
}

const disk = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };

describeRule(diskAccessEntraAuth, "azure-native:compute:Disk", rows(disk, "azure-native.compute.Disk"));
describeRule(diskAccessEntraAuth, "azure-native:compute:Snapshot", rows(snapshot, "azure-native.compute.Snapshot"));
describeRule(diskAccessEntraAuth, "azure-native:compute/v20240302:Disk", [
    { name: "versioned token: authentication mode omitted", props: { ...disk }, expect: "fail", paths: ["dataAccessAuthMode"] },
    { name: "versioned token: Entra ID", props: { ...disk, dataAccessAuthMode: "AzureActiveDirectory" }, expect: "pass" },
]);
describeRule(diskAccessEntraAuth, "azure-native:compute/v20240302:Snapshot", [
    { name: "versioned token: None", props: { ...snapshot, dataAccessAuthMode: "None" }, expect: "fail", paths: ["dataAccessAuthMode"] },
]);
