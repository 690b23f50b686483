// The azure-insecure resources, fixed: no export, or export only through a private endpoint.
import * as azure from "@pulumi/azure-native";

const group = new azure.resources.ResourceGroup("storage");

const data = new azure.compute.Disk("orders-data", {
    resourceGroupName: group.name,
    diskSizeGB: 128,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
});

new azure.compute.Snapshot("orders-data-nightly", {
    resourceGroupName: group.name,
    creationData: { createOption: "Copy", sourceResourceId: data.id },
    networkAccessPolicy: "DenyAll",
    publicNetworkAccess: "Disabled",
});

// Export only through a private endpoint of this DiskAccess.
const access = new azure.compute.DiskAccess("export-endpoint", { resourceGroupName: group.name });
new azure.compute.Disk("scratch", {
    resourceGroupName: group.name,
    diskSizeGB: 32,
    creationData: { createOption: "Empty" },
    networkAccessPolicy: "AllowPrivate",
    diskAccessId: access.id,
    publicNetworkAccess: "Disabled",
});
