import type { AmiArgs, AmiCopyArgs, AmiFromInstanceArgs } from "@pulumi/aws/ec2";
import { expiryDate } from "../../core/expiry";
import { applyEdits, assign, at } from "../../core/fix";
import { defineRule, deferred, on, violation, type CheckContext, type Finding } from "../../core/rule";
import { asString, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "maxRetentionDays" | "defaultRetentionDays";

const docsUrl = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ami-deprecate.html";
const DAY_MS = 24 * 60 * 60 * 1000;
const rfc3339 = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$/i;

function deprecation(resource: string) {
    return (props: Record<string, unknown>, { config, now }: CheckContext<Knobs>): Finding[] => {
        const value = asString(prop(props, "deprecationTime"));
        if (isUnknown(value)) {
            return [deferred("deprecationTime")];
        }
        const max = config.maxRetentionDays;
        const fix = `set \`deprecationTime\` (RFC 3339, e.g. "2027-01-31T00:00:00Z") on the ${resource}` +
            (max === undefined ? "" : `, at most ${max} days ahead (maxRetentionDays)`);
        if (value === undefined) {
            return [violation("deprecationTime", isSet(props, "deprecationTime")
                ? "the deprecation time is not an RFC 3339 timestamp"
                : "the AMI never deprecates (deprecationTime omitted), so it stays listed for launches with no end of life", fix)];
        }
        const time = rfc3339.test(value.trim()) ? Date.parse(value.trim()) : Number.NaN;
        if (Number.isNaN(time)) {
            return [violation("deprecationTime", "the deprecation time is not an RFC 3339 timestamp", fix)];
        }
        if (max !== undefined && time - now.getTime() > max * DAY_MS) {
            return [violation("deprecationTime", `the deprecation time is more than ${max} days ahead (maxRetentionDays)`, fix)];
        }
        return [];
    };
}

/**
 * Remediation: an omitted `deprecationTime` becomes midnight UTC, today + defaultRetentionDays (at
 * most maxRetentionDays); it changes in place. A set value, even an invalid one, is the owner's.
 */
function addDeprecation(props: Record<string, unknown>, { config, now }: CheckContext<Knobs>): Record<string, unknown> | undefined {
    if (isSet(props, "deprecationTime")) {
        return undefined;
    }
    const days = Math.min(config.defaultRetentionDays, config.maxRetentionDays ?? config.defaultRetentionDays);
    return applyEdits(props, at(["deprecationTime"], assign(`${expiryDate(now, days)}T00:00:00Z`)));
}

export const imagesExpire = defineRule({
    id: "aws-images-expire",
    cloud: "aws",
    title: "AMIs carry a deprecation time",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "mandatory",
    rationale:
        "An AMI without a deprecation time stays listed for launches forever: old images with unpatched software and " +
        "stale data keep being used and copied, and nobody knows when they may be deleted. A deprecation time makes the " +
        "end of life explicit: after it the image is no longer listed for new launches and can be cleaned up.",
    remediation:
        "Set `deprecationTime` (an RFC 3339 timestamp) on `aws.ec2.Ami`, `aws.ec2.AmiCopy` and `aws.ec2.AmiFromInstance`, " +
        "no further ahead than `maxRetentionDays` when that is configured.",
    docsUrl,
    controls: {
        "aws-config-rules": ["AMI_DEPRECATED_CHECK"],
    },
    config: ["maxRetentionDays", "defaultRetentionDays"],
    targets: [
        on<AmiArgs, Knobs>("aws:ec2/ami:Ami", deprecation("aws.ec2.Ami"), addDeprecation),
        on<AmiCopyArgs, Knobs>("aws:ec2/amiCopy:AmiCopy", deprecation("aws.ec2.AmiCopy"), addDeprecation),
        on<AmiFromInstanceArgs, Knobs>("aws:ec2/amiFromInstance:AmiFromInstance", deprecation("aws.ec2.AmiFromInstance"), addDeprecation),
    ],
});
