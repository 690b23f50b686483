import { imagesExpire } from "../../policies/aws/images-expire";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

// The harness clock is 2026-06-15T12:00:00Z.
const exempt = { exemptions: [{ resource: "subject", reason: "long-term support image", expires: "2999-01-01" }] };

for (const [type, base] of [
    ["aws:ec2/ami:Ami", { name: "img", rootDeviceName: "/dev/xvda" }],
    ["aws:ec2/amiCopy:AmiCopy", { sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1" }],
    ["aws:ec2/amiFromInstance:AmiFromInstance", { sourceInstanceId: "i-1" }],
] as const) {
    describeRule(imagesExpire, type, [
        { name: "deprecation time set", props: { ...base, deprecationTime: "2027-01-31T00:00:00Z" }, expect: "pass" },
        { name: "deprecation time with an offset and fractions", props: { ...base, deprecationTime: "2026-12-31T23:59:59.5+02:00" }, expect: "pass" },
        { name: "deprecationTime omitted", props: { ...base }, expect: "fail", paths: ["deprecationTime"], message: /never deprecates \(deprecationTime omitted\)/ },
        { name: "not a timestamp is a finding and is not echoed", props: { ...base, deprecationTime: "marker-value-42" }, expect: "fail", paths: ["deprecationTime"], message: /^(?![\s\S]*marker-value-42)[\s\S]*not an RFC 3339 timestamp/ },
        { name: "date without time", props: { ...base, deprecationTime: "2027-01-31" }, expect: "fail", paths: ["deprecationTime"] },
        { name: "further ahead than the configured maximum", props: { ...base, deprecationTime: "2028-01-01T00:00:00Z" }, config: { maxRetentionDays: 365 }, expect: "fail", paths: ["deprecationTime"], message: /more than 365 days ahead/ },
        { name: "within the configured maximum", props: { ...base, deprecationTime: "2026-09-01T00:00:00Z" }, config: { maxRetentionDays: 365 }, expect: "pass" },
        { name: "deprecation time unknown during preview", props: { ...base, deprecationTime: UNKNOWN }, expect: "defer" },
        { name: "no deprecation but exempted", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "invalid maximum in config", props: { ...base }, config: { maxRetentionDays: "x" }, expect: "fail", message: /invalid policy config/ },
    ]);
}

// ---- Remediation: an omitted deprecationTime becomes today (UTC) + defaultRetentionDays ----------

for (const [type, base] of [
    ["aws:ec2/ami:Ami", { name: "golden", rootDeviceName: "/dev/xvda" }],
    ["aws:ec2/amiCopy:AmiCopy", { name: "golden-copy", sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1" }],
    ["aws:ec2/amiFromInstance:AmiFromInstance", { name: "golden-snap", sourceInstanceId: "i-1" }],
] as const) {
    describeFix(imagesExpire, type, [
        { name: "deprecation time omitted: set 30 days ahead", props: { ...base, tags: { owner: secret("alice") } }, expect: "fixed",
            fixed: { ...base, tags: { owner: secret("alice") }, deprecationTime: "2026-07-15T00:00:00Z" } },
        { name: "defaultRetentionDays capped at maxRetentionDays", props: { ...base }, config: { defaultRetentionDays: 90, maxRetentionDays: 20 }, expect: "fixed",
            fixed: { ...base, deprecationTime: "2026-07-05T00:00:00Z" } },
        { name: "an invalid deprecation time is the owner's: unchanged, still reported", props: { ...base, deprecationTime: "next year" }, expect: "unchanged" },
        { name: "deprecation time unknown: nothing changes", props: { ...base, deprecationTime: UNKNOWN }, expect: "unchanged" },
        { name: "compliant: nothing changes", props: { ...base, deprecationTime: "2026-12-31T00:00:00Z" }, expect: "unchanged" },
        { name: "exempted: nothing changes", props: { ...base }, config: exempt, expect: "unchanged" },
    ]);
}
