// Insecure on purpose: disks and snapshots anyone on the internet can export (download).
import * as azure from "@pulumi/azure-native";

const group = new azure.resources.ResourceGroup("storage");

// networkAccessPolicy omitted: Azure's default is AllowAll.
const data = new azure.compute.Disk("orders-data", {
    resourceGroupName: group.name,
    diskSizeGB: 128,
    creationData: { createOption: "Empty" },
});

// Explicitly open, and public network access left enabled.
new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: data.id },
    networkAccessPolicy: "AllowAll",
    publicNetworkAccess: "Enabled",
});

// AllowPrivate without a DiskAccess resource restricts nothing.
new azure.compute.Disk("scratch", {
    resourceGroupName: group.name,
    diskSizeGB: 32,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "AllowPrivate",
});
