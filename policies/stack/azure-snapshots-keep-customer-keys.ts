import { defineStackRule, type Finding } from "../../core/rule";
import { isUnknown, prop, UNKNOWN } from "../../core/values";
import { azureCustomerKey, C, classicCustomerKey, Z } from "./lib/azure";
import { anyBad, judge, memo, StackGraph, type StackResource, type Verdict } from "./lib/graph";

const docsUrl = "https://learn.microsoft.com/azure/virtual-machines/disk-encryption";

export const azureSnapshotsKeepCustomerKeys = defineStackRule({
    id: "azure-snapshots-keep-customer-keys",
    cloud: "azure",
    title: "Snapshots of managed disks under a customer key are encrypted with a customer key too",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A managed-disk snapshot created without its own `encryption` settings is encrypted with a platform-managed key, " +
        "even when the disk it copies uses a customer-managed key through a disk encryption set: the copy escapes the key " +
        "the organisation can rotate or revoke. The rule follows `creationData.sourceResourceId` to disks and snapshots in " +
        "the same stack (by property dependency or resource id) and defers while the reference is unknown. It is " +
        "advisory by default like the other customer-key rules; a platform team that requires customer keys raises it to " +
        "mandatory in the same config.",
    remediation:
        "Set `encryption: { type: \"EncryptionAtRestWithCustomerKey\", diskEncryptionSetId }` on the " +
        "`azure-native.compute.Snapshot` (usually the source disk's disk encryption set). azurerm's `azure.compute.Snapshot` " +
        "cannot name a disk encryption set, so a classic snapshot of a customer-keyed disk (followed through " +
        "`sourceResourceId` or `sourceUri`) is always reported: take it as an azure-native snapshot with the key, or exempt it.",
    docsUrl,
    config: [],
    stackTypes: [Z.snapshot, C.snapshot],
    alsoReads: [Z.disk, C.managedDisk],
    checkStack: (resources) => {
        const SOURCES = [Z.disk, Z.snapshot, C.managedDisk, C.snapshot];
        const graph = new StackGraph(resources, Object.fromEntries(SOURCES.map((type) => [type, []])));
        const findings: Finding[] = [];
        /** Whether a disk or snapshot of either provider is itself encrypted with a customer key. */
        const keyed = (source: StackResource): Verdict => {
            const type = graph.type(source);
            if (type === C.snapshot) return false; // azurerm snapshots have no customer-key setting
            return type === C.managedDisk ? classicCustomerKey(source.props) : azureCustomerKey(source.props);
        };
        /** The disks or snapshots a snapshot copies: `creationData.sourceResourceId`, or azurerm's `sourceResourceId` / `sourceUri`. */
        const sourcesOf = (snapshot: StackResource): StackResource[] | typeof UNKNOWN => {
            if (graph.type(snapshot) === Z.snapshot) {
                const creation = prop(snapshot.props, "creationData");
                return graph.resolveIn(snapshot, "creationData", isUnknown(creation) ? creation : prop(creation, "sourceResourceId"), SOURCES);
            }
            const found: StackResource[] = [];
            for (const key of ["sourceResourceId", "sourceUri"]) {
                if (prop(snapshot.props, key) === undefined) continue;
                const sources = graph.resolve(snapshot, key, SOURCES);
                if (isUnknown(sources)) return UNKNOWN;
                found.push(...sources);
            }
            return found;
        };
        // True when the snapshot's data comes from a customer-keyed disk or snapshot in the stack.
        const sourceKeyed: (snapshot: StackResource) => Verdict = memo((snapshot: StackResource): Verdict => {
            const sources = sourcesOf(snapshot);
            if (isUnknown(sources)) return sources;
            return anyBad(sources.map((source) => {
                const own = keyed(source);
                const type = graph.type(source);
                return own === false && (type === Z.snapshot || type === C.snapshot) ? sourceKeyed(source) : own;
            }));
        }, false);
        for (const snapshot of graph.of(Z.snapshot)) {
            if (azureCustomerKey(snapshot.props) !== false) continue;
            const verdict = sourceKeyed(snapshot);
            findings.push(...judge(snapshot, verdict, isUnknown(verdict) ? "creationData.sourceResourceId" : "encryption",
                "the snapshot copies a disk in this stack that uses a customer-managed key, but sets no customer key itself, so it is encrypted with a platform-managed key",
                "set `encryption.type: \"EncryptionAtRestWithCustomerKey\"` and `encryption.diskEncryptionSetId` on the azure-native.compute.Snapshot"));
        }
        for (const snapshot of graph.of(C.snapshot)) {
            const verdict = sourceKeyed(snapshot);
            const key = prop(snapshot.props, "sourceResourceId") !== undefined ? "sourceResourceId" : "sourceUri";
            findings.push(...judge(snapshot, verdict, key,
                "the snapshot copies a disk in this stack that uses a customer-managed key, and azurerm's snapshot cannot name a disk encryption set, so the copy is encrypted with a platform-managed key",
                "take the snapshot as an azure-native.compute.Snapshot with `encryption.type: \"EncryptionAtRestWithCustomerKey\"` and `encryption.diskEncryptionSetId`, or exempt it"));
        }
        return findings;
    },
});
