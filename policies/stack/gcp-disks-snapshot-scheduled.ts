import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asList, isSet, isUnknown, prop } from "../../core/values";
import { DISKS, G } from "./lib/gcp";
import { deferredAt, listOf, present, StackGraph, violationAt, violationOn } from "./lib/graph";

const docsUrl = "https://cloud.google.com/compute/docs/disks/scheduled-snapshots";

type Coverage = "covered" | "unknown";

export const gcpDisksSnapshotScheduled = defineStackRule({
    id: "gcp-disks-snapshot-scheduled",
    cloud: "gcp",
    title: "Every persistent disk in the stack has a snapshot schedule or a Backup and DR plan",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A disk that no snapshot schedule or Backup and DR plan covers has no restore point, and the ad-hoc snapshots " +
        "taken instead never expire. Coverage is only visible across resources: `resourcePolicies` on the disk, a " +
        "`DiskResourcePolicyAttachment`/`RegionDiskResourcePolicyAttachment`, an instance's inline boot disk " +
        "`bootDisk.initializeParams.resourcePolicies`, or a `backupdisasterrecovery.BackupPlanAssociation` for the disk or " +
        "the instance it is attached to. The rule indexes those once and resolves each by property dependency, id, self " +
        "link or name; a resource policy in the stack counts only when it has a `snapshotSchedulePolicy`. Advisory by " +
        "default: raise it where stacks own their backup configuration.",
    remediation:
        "Attach a `gcp.compute.ResourcePolicy` with a `snapshotSchedulePolicy` through `gcp.compute.DiskResourcePolicyAttachment` " +
        "(or `RegionDiskResourcePolicyAttachment`), set `bootDisk.initializeParams.resourcePolicies` on instances, or " +
        "protect the disk or its instance with a `gcp.backupdisasterrecovery.BackupPlanAssociation`.",
    docsUrl,
    controls: {},
    config: [],
    stackTypes: [G.disk, G.regionDisk, G.instance],
    alsoReads: [G.resourcePolicy, G.diskAttachment, G.regionDiskAttachment, G.backupPlanAssociation],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, {
            [G.disk]: ["name"], [G.regionDisk]: ["name"], [G.instance]: ["name"], [G.resourcePolicy]: ["name"],
        });
        const covered = new Map<StackResource, Coverage>();
        const mark = (resource: StackResource, state: Coverage) => {
            if (covered.get(resource) !== "covered") covered.set(resource, state);
        };
        // Selectors whose target is unknown during preview: they could cover any disk left uncovered.
        const unreadable: Finding[] = [];

        /** False when the policies named are all in the stack and none is a snapshot schedule. */
        const schedules = (policies: readonly StackResource[]) =>
            policies.length === 0 || policies.some((policy) => isSet(policy.props, "snapshotSchedulePolicy"));

        for (const attachment of graph.of(G.diskAttachment, G.regionDiskAttachment)) {
            const policies = graph.resolve(attachment, "name", [G.resourcePolicy]);
            if (!isUnknown(policies) && !schedules(policies)) continue;
            const disks = graph.resolve(attachment, "disk", DISKS);
            if (isUnknown(disks)) {
                unreadable.push(deferredAt(attachment, "disk"));
                continue;
            }
            disks.forEach((disk) => mark(disk, "covered"));
        }
        const instanceDisks = (instance: StackResource): StackResource[] => {
            const found: StackResource[] = [];
            const source = (container: unknown, key: string) => {
                const value = prop(container, "source");
                // A list property's dependencies do not say which entry they belong to: only a known value decides.
                const resolved = graph.resolveValue(value, isUnknown(value) ? graph.dependencies(instance, key, DISKS) : [], DISKS);
                if (!isUnknown(resolved)) found.push(...resolved);
            };
            source(prop(instance.props, "bootDisk"), "bootDisk");
            const attached = listOf(instance.props, "attachedDisks");
            if (!isUnknown(attached)) attached.forEach((entry) => source(entry, "attachedDisks"));
            return found;
        };
        for (const association of graph.of(G.backupPlanAssociation)) {
            const targets = graph.resolve(association, "resource", [...DISKS, G.instance]);
            if (isUnknown(targets)) {
                unreadable.push(deferredAt(association, "resource"));
                continue;
            }
            for (const target of targets) {
                mark(target, "covered");
                if (graph.type(target) === G.instance) instanceDisks(target).forEach((disk) => mark(disk, "covered"));
            }
        }

        const findings: Finding[] = [];
        let waiting = false; // an uncovered resource that an unreadable selector could cover
        /** Reports an uncovered resource at `path`, or, with no property to point at (`path` ""), in words. */
        const report = (resource: StackResource, path: string, problem: string, fix: string) => {
            const state = covered.get(resource);
            if (state === "covered") return;
            if (state === "unknown") findings.push(deferredAt(resource, path));
            else if (unreadable.length > 0) waiting = true;
            else findings.push(path === "" ? violationOn(resource, problem, fix) : violationAt(resource, path, problem, fix));
        };
        const attachFix = "attach a gcp.compute.ResourcePolicy with a `snapshotSchedulePolicy` (gcp.compute.DiskResourcePolicyAttachment) or add a gcp.backupdisasterrecovery.BackupPlanAssociation";

        for (const disk of graph.of(G.disk)) {
            const policies = asList(prop(disk.props, "resourcePolicies"));
            if (isUnknown(policies)) {
                mark(disk, "covered"); // a presence check: an unknown list counts as set
            } else if (policies.length > 0) {
                const named = policies.flatMap((policy) => (typeof policy === "string" ? graph.lookup(policy, [G.resourcePolicy]) : []));
                const unresolved = policies.some((policy) => typeof policy !== "string" || graph.lookup(policy, [G.resourcePolicy]).length === 0);
                if (unresolved || schedules(named)) mark(disk, "covered");
            }
            report(disk, "resourcePolicies", "no snapshot schedule or Backup and DR plan in this stack covers this disk",
                `${attachFix}, or set \`resourcePolicies\` on the gcp.compute.Disk`);
        }
        for (const disk of graph.of(G.regionDisk)) {
            // gcp.compute.RegionDisk has no resourcePolicies input: only an attachment or a plan can cover it.
            report(disk, "", "no snapshot schedule or Backup and DR plan in this stack covers this regional disk",
                attachFix.replace("DiskResourcePolicyAttachment", "RegionDiskResourcePolicyAttachment"));
        }
        for (const instance of graph.of(G.instance)) {
            const boot = prop(instance.props, "bootDisk");
            if (isUnknown(boot)) {
                mark(instance, "unknown");
            } else {
                // A boot disk that is a gcp.compute.Disk of the stack is judged above; one attached from
                // outside the stack is not judged. After deploy `source` also names the disk the
                // instance created from `initializeParams`, which is judged here.
                const source = graph.resolveIn(instance, "bootDisk", prop(boot, "source"), DISKS);
                const inline = isSet(boot, "initializeParams");
                if (!inline && present(boot, "source")) continue;
                if (!isUnknown(source) && source.length > 0) continue;
                if (present(prop(boot, "initializeParams"), "resourcePolicies")) mark(instance, "covered");
            }
            report(instance, "bootDisk.initializeParams.resourcePolicies", "the instance's boot disk has no snapshot schedule and no Backup and DR plan covers the instance",
                "set `bootDisk.initializeParams.resourcePolicies` on the gcp.compute.Instance (this recreates the instance) or protect it with a gcp.backupdisasterrecovery.BackupPlanAssociation");
        }
        return waiting ? [...findings, ...unreadable] : findings;
    },
});
