import { defineStackRule, type Finding } from "../../core/rule";
import { isUnknown, prop } from "../../core/values";
import { azureCustomerKey, Z } from "./lib/azure";
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
        "`azure-native.compute.Snapshot` (usually the source disk's disk encryption set).",
    docsUrl,
    config: [],
    stackTypes: [Z.snapshot],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, { [Z.disk]: [], [Z.snapshot]: [] });
        const findings: Finding[] = [];
        // True when the snapshot's data comes from a customer-keyed disk or snapshot in the stack.
        const sourceKeyed: (snapshot: StackResource) => Verdict = memo((snapshot: StackResource): Verdict => {
            const creation = prop(snapshot.props, "creationData");
            const sources = graph.resolveIn(snapshot, "creationData", isUnknown(creation) ? creation : prop(creation, "sourceResourceId"), [Z.disk, Z.snapshot]);
            if (isUnknown(sources)) return sources;
            return anyBad(sources.map((source) => {
                const keyed = azureCustomerKey(source.props);
                return keyed === false && graph.type(source) === Z.snapshot ? sourceKeyed(source) : keyed;
            }));
        }, false);
        for (const snapshot of graph.of(Z.snapshot)) {
            if (azureCustomerKey(snapshot.props) !== false) continue;
            const verdict = sourceKeyed(snapshot);
            findings.push(...judge(snapshot, verdict, isUnknown(verdict) ? "creationData.sourceResourceId" : "encryption",
                "the snapshot copies a disk in this stack that uses a customer-managed key, but sets no customer key itself, so it is encrypted with a platform-managed key",
                "set `encryption.type: \"EncryptionAtRestWithCustomerKey\"` and `encryption.diskEncryptionSetId` on the azure-native.compute.Snapshot"));
        }
        return findings;
    },
});
