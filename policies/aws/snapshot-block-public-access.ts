import type { SnapshotBlockPublicAccessArgs } from "@pulumi/aws/ebs";
import { defineRule, on } from "../../core/rule";
import { applyEdits, assign, at } from "../../core/fix";
import { enumIn } from "../../core/values";
import { requireBlockingState } from "./lib/checks";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html";

/** Remediation: `state: "block-all-sharing"` (in place; blocks new and existing public sharing). */
export function blockAllSharing(props: Record<string, unknown>): Record<string, unknown> | undefined {
    return applyEdits(props, at(["state"], assign("block-all-sharing", (current) => enumIn(current, "block-all-sharing") === true)));
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
            requireBlockingState(props, "EBS snapshot block public access", ["block-all-sharing", "block-new-sharing"],
                "set `state: \"block-all-sharing\"` on the aws.ebs.SnapshotBlockPublicAccess"), blockAllSharing),
        // aws-native has no target here: CloudFormation's `State` is required and accepts only the two
        // blocking values, so an aws-native SnapshotBlockPublicAccess cannot turn the guardrail off.
    ],
});
