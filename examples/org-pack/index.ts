// An organisation's own policy pack: one policy of its own plus a selection of snapshot-guard's
// rules, so the organisation runs (and pays a policy-group slot for) one pack.
import { PolicyPack, type ResourceValidationPolicy } from "@pulumi/policy";
import { snapshotGuardPolicies } from "snapshot-guard/rules";

// Policies of its own, named with the organisation's prefix: snapshot-guard's ids all start with
// aws-, azure- or gcp-, so the names cannot clash.
const volumesHaveOwner: ResourceValidationPolicy = {
    name: "acme-volumes-have-owner",
    description: "EBS volumes carry an owner tag",
    enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => {
        if (args.type !== "aws:ebs/volume:Volume") return;
        const tags = args.props.tags as Record<string, unknown> | undefined;
        if (!tags || !("owner" in tags)) {
            reportViolation("the volume has no `owner` tag; add `tags: { owner: \"<team>\" }`");
        }
    },
};

new PolicyPack("acme-policies", {
    policies: [
        volumesHaveOwner,
        // snapshot-guard's AWS exposure and encryption rules, with Acme's shared settings.
        ...snapshotGuardPolicies({
            clouds: ["aws"],
            categories: ["exposure", "encryption"],
            levels: { "aws-customer-managed-keys": "disabled" },
            knobs: { trustedAccountIds: ["111122223333"] },
        }),
    ],
});
