import { snapshotsExpire } from "../../policies/gcp/snapshots-expire";
import { describeFix, describeRule, secret, UNKNOWN, type FixRow, type Row } from "../harness";

// The harness clock is 2026-06-15.
function rows(resource: string, base: Record<string, unknown>): Row[] {
    const labelled = (labels: unknown) => ({ ...base, labels });
    const exempt = { exemptions: [{ resource: "subject", reason: "golden image kept until replaced", expires: "2999-01-01" }] };
    return [
        { name: "expires-on in the future", props: labelled({ "expires-on": "2026-07-01", team: "data" }), expect: "pass" },
        { name: "expires-on today", props: labelled({ "expires-on": "2026-06-15" }), expect: "pass" },
        { name: "retention-days", props: labelled({ "retention-days": "30" }), expect: "pass" },
        { name: "labels omitted", props: { ...base }, expect: "fail", paths: ["labels"], message: new RegExp(`no expiry label \\(one of expires-on, retention-days\\).*labels\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "labels without an expiry label", props: labelled({ team: "data" }), expect: "fail", paths: ["labels"] },
        { name: "expiry date in the past", props: labelled({ "expires-on": "2026-01-01" }), expect: "fail", paths: ['labels["expires-on"]'], message: /has passed/ },
        { name: "malformed date", props: labelled({ "expires-on": "next-year" }), expect: "fail", paths: ['labels["expires-on"]'], message: /malformed/ },
        { name: "zero retention days", props: labelled({ "retention-days": "0" }), expect: "fail", paths: ['labels["retention-days"]'] },
        { name: "label key in upper case still counts", props: labelled({ "Expires-On": "2026-07-01" }), expect: "pass" },
        { name: "labels unknown during preview", props: labelled(UNKNOWN), expect: "defer", paths: ["labels"] },
        { name: "expiry label unknown during preview", props: labelled({ "expires-on": UNKNOWN }), expect: "defer", paths: ['labels["expires-on"]'] },
        { name: "retention beyond maxRetentionDays", props: labelled({ "retention-days": "400" }), config: { maxRetentionDays: 365 }, expect: "fail", paths: ['labels["retention-days"]'], message: /longer than 365 days/ },
        { name: "date beyond maxRetentionDays", props: labelled({ "expires-on": "2027-12-31" }), config: { maxRetentionDays: 90 }, expect: "fail", paths: ['labels["expires-on"]'] },
        { name: "custom retentionTagKeys", props: labelled({ "delete-after": "2026-08-01" }), config: { retentionTagKeys: ["delete-after"] }, expect: "pass" },
        { name: "default key ignored under custom retentionTagKeys", props: labelled({ "expires-on": "2026-08-01" }), config: { retentionTagKeys: ["delete-after"] }, expect: "fail", paths: ["labels"] },
        { name: "retentionTagKeys in upper case name lower-case labels", props: labelled({}), config: { retentionTagKeys: ["Delete-After"] }, expect: "fail", paths: ["labels"], message: /one of delete-after\)/ },
        { name: "retentionTagKeys in upper case match the lower-case label", props: labelled({ "delete-after": "2026-08-01" }), config: { retentionTagKeys: ["Delete-After"] }, expect: "pass" },
        { name: "no expiry but exempted with a reason", props: labelled({}), config: exempt, expect: "exempt" },
        { name: "retentionTagKeys that is not a list", props: labelled({}), config: { retentionTagKeys: "expires-on" }, expect: "fail", message: /invalid policy config: "gcp-snapshots-expire\.retentionTagKeys" must be a list/ },
    ];
}

describeRule(snapshotsExpire, "gcp:compute/snapshot:Snapshot", rows("gcp.compute.Snapshot", { sourceDisk: "disk", zone: "us-central1-a" }));
describeRule(snapshotsExpire, "gcp:compute/image:Image", rows("gcp.compute.Image", { sourceDisk: "disk", family: "base" }));

const exempt = { exemptions: [{ resource: "subject", reason: "golden image kept until replaced", expires: "2999-01-01" }] };

// ---- Remediation: an expires-on labels, today + defaultRetentionDays, where none exists ------

function expiryFixRows(base: Record<string, unknown>): FixRow[] {
    return [
        { name: "no labels: expires-on added 30 days ahead", props: { ...base }, expect: "fixed", fixed: { ...base, labels: { "expires-on": "2026-07-15" } } },
        { name: "other labels kept, secret and unknown values too", props: { ...base, labels: { team: "payments", owner: secret("alice"), build: UNKNOWN } }, expect: "fixed",
            fixed: { ...base, labels: { team: "payments", owner: secret("alice"), build: UNKNOWN, "expires-on": "2026-07-15" } } },
        { name: "secret labels map stays secret", props: { ...base, labels: secret({ team: "payments" }) }, expect: "fixed",
            fixed: { ...base, labels: secret({ team: "payments", "expires-on": "2026-07-15" }) } },
        { name: "defaultRetentionDays configured", props: { ...base }, config: { defaultRetentionDays: 7 }, expect: "fixed", fixed: { ...base, labels: { "expires-on": "2026-06-22" } } },
        { name: "capped at maxRetentionDays", props: { ...base }, config: { maxRetentionDays: 10 }, expect: "fixed", fixed: { ...base, labels: { "expires-on": "2026-06-25" } } },
        { name: "only retention-days configured as key: that key gets the date", props: { ...base }, config: { retentionTagKeys: ["retention-days"] }, expect: "fixed", fixed: { ...base, labels: { "retention-days": "2026-07-15" } } },
        { name: "a past expiry is the owner's to change: unchanged, the rule still reports", props: { ...base, labels: { "expires-on": "2020-01-01" } }, expect: "unchanged" },
        { name: "compliant: nothing changes", props: { ...base, labels: { "retention-days": "14" } }, expect: "unchanged" },
        { name: "labels unknown: nothing changes", props: { ...base, labels: UNKNOWN }, expect: "unchanged" },
        { name: "exempted: nothing changes", props: { ...base }, config: exempt, expect: "unchanged" },
    ];
}

describeFix(snapshotsExpire, "gcp:compute/snapshot:Snapshot", [
    ...expiryFixRows({ sourceDisk: "disk", zone: "us-central1-a" }),
    { name: "upper-case configured key is written lower-case", props: { sourceDisk: "disk" }, config: { retentionTagKeys: ["Expires-On"] }, expect: "fixed", fixed: { sourceDisk: "disk", labels: { "expires-on": "2026-07-15" } } },
]);
describeFix(snapshotsExpire, "gcp:compute/image:Image", expiryFixRows({ sourceDisk: "disk", family: "base" }));
