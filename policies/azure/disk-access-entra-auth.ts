import type { DiskArgs, SnapshotArgs } from "@pulumi/azure-native/compute";
import { defineRule, on } from "../../core/rule";
import { requireState } from "./lib/settings";

function check(resource: string) {
    return (props: Record<string, unknown>) => requireState(props, {
        path: "dataAccessAuthMode",
        good: ["AzureActiveDirectory"],
        omitted: "export and upload URLs work without an Entra ID check (dataAccessAuthMode omitted means None)",
        bad: "export and upload URLs work without an Entra ID check (dataAccessAuthMode is not AzureActiveDirectory)",
        fix: `set \`dataAccessAuthMode: "AzureActiveDirectory"\` on the ${resource}`,
    });
}

export const diskAccessEntraAuth = defineRule({
    id: "azure-disk-access-entra-auth",
    cloud: "azure",
    title: "Managed disk and snapshot export URLs require Microsoft Entra ID authentication",
    category: "exposure",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A disk or snapshot export hands out a SAS URL; without `dataAccessAuthMode: \"AzureActiveDirectory\"` the URL alone is " +
        "enough to download the whole disk, so a URL leaked in a log, a ticket or a chat is a copy of the machine. With Entra " +
        "ID authentication the caller must also hold data-access rights on the disk.",
    remediation:
        "Set `dataAccessAuthMode: \"AzureActiveDirectory\"` on `azure-native.compute.Disk` and `azure-native.compute.Snapshot`; " +
        "grant export rights through the Disk Snapshot Exporter role. The setting changes in place.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/virtual-machines/windows/disks-enable-upload-download-entra-id",
    controls: { "azure-policy": ["c3921d55-b741-4d16-8d56-7f16e99e6892"] },
    config: [],
    targets: [
        on<DiskArgs>("azure-native:compute:Disk", check("azure-native.compute.Disk")),
        on<SnapshotArgs>("azure-native:compute:Snapshot", check("azure-native.compute.Snapshot")),
    ],
});
