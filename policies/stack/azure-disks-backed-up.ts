import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { isUnknown, prop } from "../../core/values";
import { Z } from "./lib/azure";
import { deferredAt, listOf, StackGraph, violationOn } from "./lib/graph";

const docsUrl = "https://learn.microsoft.com/azure/backup/disk-backup-overview";

export const azureDisksBackedUp = defineStackRule({
    id: "azure-disks-backed-up",
    cloud: "azure",
    title: "Every managed disk in the stack is backed up by a Backup vault or through its VM's Recovery Services protection",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A managed disk that no backup covers has no restore point, and the manual snapshots taken instead never " +
        "expire. Coverage is only visible across resources: a `dataprotection.BackupInstance` whose " +
        "`properties.dataSourceInfo.resourceID` is the disk, or a `recoveryservices.ProtectedItem` whose " +
        "`properties.sourceResourceId` is the VM the disk is attached to (`storageProfile.osDisk`/`dataDisks[].managedDisk.id`). " +
        "The rule indexes those once and resolves them by property dependency or resource id (case-insensitive). " +
        "Advisory by default: raise it where stacks own their backup configuration.",
    remediation:
        "Add an `azure-native.dataprotection.BackupInstance` for the disk (with a disk backup policy), or protect the VM " +
        "that attaches it with an `azure-native.recoveryservices.ProtectedItem`.",
    docsUrl,
    controls: { checkov: ["CKV2_AZURE_12"] },
    config: [],
    stackTypes: [Z.disk],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, { [Z.disk]: [], [Z.virtualMachine]: [] });
        const covered = new Set<StackResource>();
        // Selectors whose target is unknown during preview: they could cover any disk left uncovered.
        const unreadable: Finding[] = [];

        for (const instance of graph.of(Z.backupInstance)) {
            const properties = prop(instance.props, "properties");
            const value = isUnknown(properties) ? properties : prop(prop(properties, "dataSourceInfo"), "resourceID");
            const disks = graph.resolveIn(instance, "properties", value, [Z.disk]);
            if (isUnknown(disks)) unreadable.push(deferredAt(instance, isUnknown(properties) ? "properties" : "properties.dataSourceInfo.resourceID"));
            else disks.forEach((disk) => covered.add(disk));
        }
        for (const item of graph.of(Z.protectedItem)) {
            const properties = prop(item.props, "properties");
            const value = isUnknown(properties) ? properties : prop(properties, "sourceResourceId");
            const machines = graph.resolveIn(item, "properties", value, [Z.virtualMachine]);
            if (isUnknown(machines)) {
                unreadable.push(deferredAt(item, isUnknown(properties) ? "properties" : "properties.sourceResourceId"));
                continue;
            }
            for (const machine of machines) {
                const storage = prop(machine.props, "storageProfile");
                const attached = graph.dependencies(machine, "storageProfile", [Z.disk]);
                attached.forEach((disk) => covered.add(disk));
                const ids: unknown[] = [prop(prop(prop(storage, "osDisk"), "managedDisk"), "id")];
                const dataDisks = listOf(storage, "dataDisks");
                if (!isUnknown(dataDisks)) dataDisks.forEach((disk) => ids.push(prop(prop(disk, "managedDisk"), "id")));
                for (const id of ids) {
                    if (typeof id === "string") graph.lookup(id, [Z.disk]).forEach((disk) => covered.add(disk));
                }
            }
        }

        const uncovered = graph.of(Z.disk).filter((disk) => !covered.has(disk));
        if (uncovered.length > 0 && unreadable.length > 0) return unreadable;
        return uncovered.map((disk) => violationOn(disk,
            "no Backup vault backup instance covers this managed disk and no Recovery Services protected item covers a VM that attaches it",
            "add an azure-native.dataprotection.BackupInstance with `properties.dataSourceInfo.resourceID` set to the disk's id, or protect its VM with an azure-native.recoveryservices.ProtectedItem"));
    },
});
