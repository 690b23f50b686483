import { snapshotsExpire } from "../../policies/azure/snapshots-expire";
import { describeFix, describeRule, secret, UNKNOWN, type FixRow, type Row } from "../harness";

// The harness clock is 2026-06-15T12:00:00Z.
const exempt = { exemptions: [{ resource: "subject", reason: "legal hold copy", expires: "2999-01-01" }] };

function rows(base: Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "expires-on date in the future", props: { ...base, tags: { "expires-on": "2026-07-01" } }, expect: "pass" },
        { name: "expires-on today", props: { ...base, tags: { "expires-on": "2026-06-15" } }, expect: "pass" },
        { name: "retention-days positive", props: { ...base, tags: { "retention-days": "30" } }, expect: "pass" },
        { name: "tag key in another case", props: { ...base, tags: { "Expires-On": "2026-07-01" } }, expect: "pass" },
        { name: "tags omitted", props: { ...base }, expect: "fail", paths: ["tags"], message: new RegExp(`no expiry tag.*on ${resource.replace(/\./g, "\\.")}`) },
        { name: "unrelated tags only", props: { ...base, tags: { team: "data" } }, expect: "fail", paths: ["tags"] },
        { name: "expires-on in the past", props: { ...base, tags: { "expires-on": "2026-01-01" } }, expect: "fail", paths: ["tags[\"expires-on\"]"], message: /has passed/ },
        { name: "retention-days zero", props: { ...base, tags: { "retention-days": "0" } }, expect: "fail", paths: ["tags[\"retention-days\"]"], message: /malformed/ },
        { name: "malformed expiry value", props: { ...base, tags: { "expires-on": "soon" } }, expect: "fail", paths: ["tags[\"expires-on\"]"] },
        { name: "tags unknown during preview", props: { ...base, tags: UNKNOWN }, expect: "defer", paths: ["tags"] },
        { name: "expiry tag value unknown during preview", props: { ...base, tags: { "expires-on": UNKNOWN } }, expect: "defer" },
        { name: "configured tag key", props: { ...base, tags: { "delete-after": "2026-07-01" } }, config: { retentionTagKeys: ["delete-after"] }, expect: "pass" },
        { name: "default key not accepted when keys are configured", props: { ...base, tags: { "expires-on": "2026-07-01" } }, config: { retentionTagKeys: ["delete-after"] }, expect: "fail", paths: ["tags"], message: /one of delete-after/ },
        { name: "date beyond maxRetentionDays", props: { ...base, tags: { "expires-on": "2027-06-15" } }, config: { maxRetentionDays: 90 }, expect: "fail", paths: ["tags[\"expires-on\"]"], message: /more than 90 days ahead/ },
        { name: "retention-days beyond maxRetentionDays", props: { ...base, tags: { "retention-days": "365" } }, config: { maxRetentionDays: 90 }, expect: "fail", paths: ["tags[\"retention-days\"]"] },
        { name: "exempted with a reason", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "invalid tag key list in config", props: { ...base }, config: { retentionTagKeys: "expires-on" }, expect: "fail", message: /invalid policy config: .*retentionTagKeys/ },
        { name: "minimum retention is not a setting of this rule", props: { ...base }, config: { minRetentionDays: 1 }, expect: "fail", message: /invalid policy config/ },
    ];
}

const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };
const image = { resourceGroupName: "rg", location: "westeurope", sourceVirtualMachine: { id: "/subscriptions/0000/virtualMachines/build" } };

describeRule(snapshotsExpire, "azure-native:compute:Snapshot", rows(snapshot, "the azure-native.compute.Snapshot"));
describeRule(snapshotsExpire, "azure-native:compute:Image", rows(image, "the azure-native.compute.Image"));
describeRule(snapshotsExpire, "azure-native:compute/v20240302:Snapshot", [
    { name: "versioned token: tags omitted", props: { ...snapshot }, expect: "fail", paths: ["tags"] },
    { name: "versioned token: expiry tag", props: { ...snapshot, tags: { "retention-days": "7" } }, expect: "pass" },
]);
describeRule(snapshotsExpire, "azure-native:compute/v20240701:Image", [
    { name: "versioned token: tags omitted", props: { ...image }, expect: "fail", paths: ["tags"] },
    { name: "versioned token: expiry tag", props: { ...image, tags: { "expires-on": "2026-08-01" } }, expect: "pass" },
]);

// ---- Remediation: an expires-on tags, today + defaultRetentionDays, where none exists ------

function expiryFixRows(base: Record<string, unknown>): FixRow[] {
    return [
        { name: "no tags: expires-on added 30 days ahead", props: { ...base }, expect: "fixed", fixed: { ...base, tags: { "expires-on": "2026-07-15" } } },
        { name: "other tags kept, secret and unknown values too", props: { ...base, tags: { team: "payments", owner: secret("alice"), build: UNKNOWN } }, expect: "fixed",
            fixed: { ...base, tags: { team: "payments", owner: secret("alice"), build: UNKNOWN, "expires-on": "2026-07-15" } } },
        { name: "secret tags map stays secret", props: { ...base, tags: secret({ team: "payments" }) }, expect: "fixed",
            fixed: { ...base, tags: secret({ team: "payments", "expires-on": "2026-07-15" }) } },
        { name: "defaultRetentionDays configured", props: { ...base }, config: { defaultRetentionDays: 7 }, expect: "fixed", fixed: { ...base, tags: { "expires-on": "2026-06-22" } } },
        { name: "capped at maxRetentionDays", props: { ...base }, config: { maxRetentionDays: 10 }, expect: "fixed", fixed: { ...base, tags: { "expires-on": "2026-06-25" } } },
        { name: "only retention-days configured as key: that key gets the date", props: { ...base }, config: { retentionTagKeys: ["retention-days"] }, expect: "fixed", fixed: { ...base, tags: { "retention-days": "2026-07-15" } } },
        { name: "a past expiry is the owner's to change: unchanged, the rule still reports", props: { ...base, tags: { "expires-on": "2020-01-01" } }, expect: "unchanged" },
        { name: "compliant: nothing changes", props: { ...base, tags: { "retention-days": "14" } }, expect: "unchanged" },
        { name: "tags unknown: nothing changes", props: { ...base, tags: UNKNOWN }, expect: "unchanged" },
        { name: "exempted: nothing changes", props: { ...base }, config: exempt, expect: "unchanged" },
    ];
}

describeFix(snapshotsExpire, "azure-native:compute:Snapshot", expiryFixRows(snapshot));
describeFix(snapshotsExpire, "azure-native:compute:Image", expiryFixRows(image));
describeFix(snapshotsExpire, "azure-native:compute/v20240302:Snapshot", expiryFixRows(snapshot).slice(0, 1));

// ---- Classic azure provider: the same `tags` map on azure.compute.Snapshot and Image ---------

const classicSnapshot = { resourceGroupName: "rg", location: "westeurope", createOption: "Copy", sourceUri: "/subscriptions/0000/disks/data" };
const classicImage = { resourceGroupName: "rg", location: "westeurope", sourceVirtualMachineId: "/subscriptions/0000/virtualMachines/build" };

describeRule(snapshotsExpire, "azure:compute/snapshot:Snapshot", rows(classicSnapshot, "the azure.compute.Snapshot"));
describeRule(snapshotsExpire, "azure:compute/image:Image", rows(classicImage, "the azure.compute.Image"));
describeFix(snapshotsExpire, "azure:compute/snapshot:Snapshot", expiryFixRows(classicSnapshot));
describeFix(snapshotsExpire, "azure:compute/image:Image", expiryFixRows(classicImage).slice(0, 3));
