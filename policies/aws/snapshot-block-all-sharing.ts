import type { SnapshotBlockPublicAccessArgs } from "@pulumi/aws/ebs";
import type { SnapshotBlockPublicAccessArgs as NativeSnapshotBlockPublicAccessArgs } from "@pulumi/aws-native/ec2";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { enumIn, isUnknown, prop } from "../../core/values";
import { blockAllSharing } from "./snapshot-block-public-access";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html";

function requireAllSharingBlocked(props: Record<string, unknown>, resource: string): Finding[] {
    const partial = enumIn(prop(props, "state"), "block-new-sharing");
    if (isUnknown(partial)) {
        return [deferred("state")];
    }
    // "unblocked" and omitted states are the mandatory rule's finding; this one only flags the partial setting.
    return partial === true
        ? [violation("state", "snapshots that were already public stay public (state \"block-new-sharing\")",
            `set \`state: "block-all-sharing"\` on the ${resource}`)]
        : [];
}

export const snapshotBlockAllSharing = defineRule({
    id: "aws-snapshot-block-all-sharing",
    cloud: "aws",
    title: "EBS snapshot block public access also blocks snapshots that are already public",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "`state: \"block-new-sharing\"` only stops new public sharing: snapshots that were public before stay public. " +
        "\"block-all-sharing\" also hides the existing ones. The mandatory rule aws-snapshot-block-public-access blocks " +
        "\"unblocked\"; this advisory rule points out the partial setting.",
    remediation:
        "Set `state: \"block-all-sharing\"` on `aws.ebs.SnapshotBlockPublicAccess` (or `aws-native.ec2.SnapshotBlockPublicAccess`) once no workload depends on a public snapshot.",
    docsUrl,
    controls: {
        prowler: ["ec2_ebs_snapshot_account_block_public_access"],
    },
    config: [],
    targets: [
        on<SnapshotBlockPublicAccessArgs>("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", (props) =>
            requireAllSharingBlocked(props, "aws.ebs.SnapshotBlockPublicAccess"), blockAllSharing),
        on<NativeSnapshotBlockPublicAccessArgs>("aws-native:ec2:SnapshotBlockPublicAccess", (props) =>
            requireAllSharingBlocked(props, "aws-native.ec2.SnapshotBlockPublicAccess"), blockAllSharing),
    ],
});
