import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { isUnknown, prop, UNKNOWN } from "../../core/values";
import { C, DISKS, MACHINES, Z } from "./lib/azure";
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
        "that attaches it with an `azure-native.recoveryservices.ProtectedItem`. Classic `azure.compute.ManagedDisk`s are " +
        "covered by an `azure.dataprotection.BackupInstanceDisk` (`diskId`) or by an `azure.backup.ProtectedVM` (`sourceVmId`) " +
        "of the VM that attaches them (`osManagedDiskId`, `azure.compute.DataDiskAttachment`, or the legacy VM's " +
        "`storageOsDisk`/`storageDataDisks` `managedDiskId`); either provider's backup covers either provider's disks.",
    docsUrl,
    controls: { checkov: ["CKV2_AZURE_12"] },
    config: [],
    stackTypes: [Z.disk, C.managedDisk],
    alsoReads: [...MACHINES, Z.backupInstance, Z.protectedItem, C.dataDiskAttachment, C.backupInstanceDisk, C.protectedVm],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, Object.fromEntries([...DISKS, ...MACHINES].map((type) => [type, []])));
        const covered = new Set<StackResource>();
        // Selectors whose target is unknown during preview: they could cover any disk left uncovered.
        const unreadable: Finding[] = [];
        const cover = (disks: readonly StackResource[] | typeof UNKNOWN, selector: StackResource, path: string) => {
            if (isUnknown(disks)) unreadable.push(deferredAt(selector, path));
            else disks.forEach((disk) => covered.add(disk));
        };

        // Classic data disks attached to a machine through azure.compute.DataDiskAttachment.
        const attachments = new Map<StackResource, StackResource[]>();
        for (const attachment of graph.of(C.dataDiskAttachment)) {
            const machines = graph.resolve(attachment, "virtualMachineId", MACHINES);
            const disks = graph.resolve(attachment, "managedDiskId", DISKS);
            if (isUnknown(machines) || isUnknown(disks)) continue;
            for (const machine of machines) attachments.set(machine, [...(attachments.get(machine) ?? []), ...disks]);
        }
        /** The managed disks a VM attaches (by dependency or id), for either provider's VM shapes. */
        const disksOf = (machine: StackResource): StackResource[] => {
            const found: StackResource[] = [...(attachments.get(machine) ?? [])];
            const byId = (key: string, id: unknown) => {
                if (typeof id === "string") found.push(...graph.lookup(id, DISKS));
                else if (isUnknown(id)) found.push(...graph.dependencies(machine, key, DISKS));
            };
            const type = graph.type(machine);
            if (type === Z.virtualMachine) {
                const storage = prop(machine.props, "storageProfile");
                found.push(...graph.dependencies(machine, "storageProfile", DISKS));
                const ids: unknown[] = [prop(prop(prop(storage, "osDisk"), "managedDisk"), "id")];
                const dataDisks = listOf(storage, "dataDisks");
                if (!isUnknown(dataDisks)) dataDisks.forEach((disk) => ids.push(prop(prop(disk, "managedDisk"), "id")));
                for (const id of ids) {
                    if (typeof id === "string") found.push(...graph.lookup(id, DISKS));
                }
            } else if (type === C.virtualMachine) {
                byId("storageOsDisk", prop(prop(machine.props, "storageOsDisk"), "managedDiskId"));
                const dataDisks = listOf(machine.props, "storageDataDisks");
                if (isUnknown(dataDisks)) found.push(...graph.dependencies(machine, "storageDataDisks", DISKS));
                else dataDisks.forEach((disk) => byId("storageDataDisks", prop(disk, "managedDiskId")));
            } else {
                byId("osManagedDiskId", prop(machine.props, "osManagedDiskId"));
            }
            return found;
        };

        for (const instance of graph.of(Z.backupInstance)) {
            const properties = prop(instance.props, "properties");
            const value = isUnknown(properties) ? properties : prop(prop(properties, "dataSourceInfo"), "resourceID");
            cover(graph.resolveIn(instance, "properties", value, DISKS), instance, isUnknown(properties) ? "properties" : "properties.dataSourceInfo.resourceID");
        }
        for (const instance of graph.of(C.backupInstanceDisk)) {
            cover(graph.resolve(instance, "diskId", DISKS), instance, "diskId");
        }
        const protectedMachines: Array<{ item: StackResource; path: string; machines: StackResource[] | typeof UNKNOWN }> = [];
        for (const item of graph.of(Z.protectedItem)) {
            const properties = prop(item.props, "properties");
            const value = isUnknown(properties) ? properties : prop(properties, "sourceResourceId");
            protectedMachines.push({ item, path: isUnknown(properties) ? "properties" : "properties.sourceResourceId", machines: graph.resolveIn(item, "properties", value, MACHINES) });
        }
        for (const item of graph.of(C.protectedVm)) {
            protectedMachines.push({ item, path: "sourceVmId", machines: graph.resolve(item, "sourceVmId", MACHINES) });
        }
        for (const { item, path, machines } of protectedMachines) {
            if (isUnknown(machines)) {
                unreadable.push(deferredAt(item, path));
                continue;
            }
            for (const machine of machines) cover(disksOf(machine), machine, "storageProfile");
        }

        const uncovered = [...graph.of(Z.disk), ...graph.of(C.managedDisk)].filter((disk) => !covered.has(disk));
        if (uncovered.length > 0 && unreadable.length > 0) return unreadable;
        const problem = "no Backup vault backup instance covers this managed disk and no Recovery Services protected item covers a VM that attaches it";
        return uncovered.map((disk) => violationOn(disk, problem, graph.type(disk) === C.managedDisk
            ? "add an azure.dataprotection.BackupInstanceDisk with `diskId` set to the disk's id, or protect the VM that attaches it with an azure.backup.ProtectedVM"
            : "add an azure-native.dataprotection.BackupInstance with `properties.dataSourceInfo.resourceID` set to the disk's id, or protect its VM with an azure-native.recoveryservices.ProtectedItem"));
    },
});
