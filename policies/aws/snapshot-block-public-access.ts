import type { SnapshotBlockPublicAccessArgs } from "@pulumi/aws/ebs";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { applyEdits, assign, at } from "../../core/fix";
import { enumIn, isSet, isUnknown, prop } from "../../core/values";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html";

/** Remediation: `state: "block-all-sharing"` (in place; blocks new and existing public sharing). */
export function blockAllSharing(props: Record<string, unknown>): Record<string, unknown> | undefined {
    return applyEdits(props, at(["state"], assign("block-all-sharing", (current) => enumIn(current, "block-all-sharing") === true)));
}

function requireBlocked(props: Record<string, unknown>, resource: string): Finding[] {
    const state = prop(props, "state");
    const blocked = enumIn(state, "block-all-sharing", "block-new-sharing");
    if (isUnknown(blocked)) {
        return [deferred("state")];
    }
    if (blocked === true) {
        return [];
    }
    const problem = enumIn(state, "unblocked") === true
        ? "EBS snapshot block public access is turned off (state \"unblocked\")"
        : isSet(props, "state")
            ? "EBS snapshot block public access is not turned on (state is neither \"block-all-sharing\" nor \"block-new-sharing\")"
            : "EBS snapshot block public access is not set (state omitted)";
    return [violation("state", problem, `set \`state: "block-all-sharing"\` on the ${resource}`)];
}

export const snapshotBlockPublicAccess = defineRule({
    id: "aws-snapshot-block-public-access",
    cloud: "aws",
    title: "EBS snapshot block public access is never turned off",
    category: "exposure",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "EBS snapshot block public access is the regional guardrail that stops anyone in the account from making a " +
        "snapshot public. With `state: \"unblocked\"` a single API call can publish a full copy of a volume to every " +
        "AWS account.",
    remediation:
        "Set `state: \"block-all-sharing\"` on `aws.ebs.SnapshotBlockPublicAccess` in every region (\"block-new-sharing\" " +
        "passes this rule; the advisory rule aws-snapshot-block-all-sharing asks for the stricter setting).",
    docsUrl,
    controls: {
        "aws-config": ["ebs-snapshot-block-public-access"],
        prowler: ["ec2_ebs_snapshot_account_block_public_access"],
    },
    config: [],
    targets: [
        on<SnapshotBlockPublicAccessArgs>("aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess", (props) =>
            requireBlocked(props, "aws.ebs.SnapshotBlockPublicAccess"), blockAllSharing),
        // aws-native has no target here: CloudFormation's `State` is required and accepts only the two
        // blocking values, so an aws-native SnapshotBlockPublicAccess cannot turn the guardrail off.
    ],
});
