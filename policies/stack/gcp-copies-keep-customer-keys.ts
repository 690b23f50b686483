import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { isUnknown } from "../../core/values";
import { customerKey, DISKS, G, GcpKeys, OWN_KEY } from "./lib/gcp";
import { anyBad, judge, StackGraph, type Verdict } from "./lib/graph";

const docsUrl = "https://cloud.google.com/compute/docs/disks/customer-managed-encryption";

/** What each copy type is made from: source property → source types. */
const SOURCES: ReadonlyArray<[type: string, cls: string, keyPath: string, sources: ReadonlyArray<[key: string, types: readonly string[]]>]> = [
    [G.snapshot, "gcp.compute.Snapshot", "snapshotEncryptionKey.kmsKeySelfLink", [["sourceDisk", DISKS]]],
    [G.image, "gcp.compute.Image", "imageEncryptionKey.kmsKeySelfLink", [["sourceDisk", DISKS], ["sourceSnapshot", [G.snapshot]], ["sourceImage", [G.image]]]],
    [G.machineImage, "gcp.compute.MachineImage", "machineImageEncryptionKey.kmsKeyName", [["sourceInstance", [G.instance]]]],
];

export const gcpCopiesKeepCustomerKeys = defineStackRule({
    id: "gcp-copies-keep-customer-keys",
    cloud: "gcp",
    title: "Snapshots and images of disks under a customer key are encrypted with a customer key too",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A snapshot, image or machine image does not inherit its source's customer-managed (or customer-supplied) key: " +
        "without a key of its own Compute Engine encrypts the copy with a Google-managed key, so the organisation loses " +
        "the ability to revoke access to that copy of the data by disabling its key. The rule follows `sourceDisk`, " +
        "`sourceSnapshot`, `sourceImage` and `sourceInstance` to resources in the same stack (by property dependency, id, " +
        "self link or name) and defers while a reference is unknown. It is advisory by default like the other " +
        "customer-key rules; a platform team that requires customer keys raises it to mandatory in the same config.",
    remediation:
        "Give the copy a key: `snapshotEncryptionKey.kmsKeySelfLink` on `gcp.compute.Snapshot`, " +
        "`imageEncryptionKey.kmsKeySelfLink` on `gcp.compute.Image`, `machineImageEncryptionKey.kmsKeyName` on " +
        "`gcp.compute.MachineImage` (usually the source's key). Changing the key replaces the copy.",
    docsUrl,
    controls: { "orgpol": ["gcp.restrictNonCmekServices"] },
    config: [],
    stackTypes: [G.snapshot, G.image, G.machineImage],
    alsoReads: [...DISKS, G.instance],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, {
            [G.disk]: ["name"], [G.regionDisk]: ["name"], [G.snapshot]: ["name"], [G.image]: ["name"], [G.instance]: ["name"],
        });
        const keys = new GcpKeys(graph);
        const sourceVerdict = (resource: StackResource, types: readonly string[], key: string): Verdict => {
            const sources = graph.resolve(resource, key, types);
            if (isUnknown(sources)) return sources;
            return anyBad(sources.map((source) => (graph.type(source) === G.instance ? keys.instance(source) : keys.own(source))));
        };
        const findings: Finding[] = [];
        for (const [type, cls, keyPath, sources] of SOURCES) {
            for (const copy of graph.of(type)) {
                const own = customerKey(copy.props, OWN_KEY[type]);
                if (own !== false) continue; // a key of its own (or one still unknown, which counts as set)
                for (const [key, types] of sources) {
                    const verdict = sourceVerdict(copy, types, key);
                    findings.push(...judge(copy, verdict, isUnknown(verdict) ? key : OWN_KEY[type],
                        `the copy's source in this stack is encrypted with a customer key, but the ${cls} sets none, so it falls back to a Google-managed key`,
                        `set \`${keyPath}\` on the ${cls} (usually the source's key)`));
                }
            }
        }
        return findings;
    },
});
