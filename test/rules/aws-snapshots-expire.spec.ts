import { snapshotsExpire } from "../../policies/aws/snapshots-expire";
import { describeFix, describeRule, secret, UNKNOWN, type FixRow } from "../harness";

// The harness clock is 2026-06-15T12:00:00Z.
const exempt = { exemptions: [{ resource: "subject", reason: "golden snapshot kept by policy", expires: "2999-01-01" }] };

for (const [type, base] of [
    ["aws:ebs/snapshot:Snapshot", { volumeId: "vol-1" }],
    ["aws:ebs/snapshotCopy:SnapshotCopy", { sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1" }],
    ["aws:rds/snapshot:Snapshot", { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s" }],
    ["aws:rds/snapshotCopy:SnapshotCopy", { sourceDbSnapshotIdentifier: "s", targetDbSnapshotIdentifier: "t" }],
    ["aws:rds/clusterSnapshot:ClusterSnapshot", { dbClusterIdentifier: "c", dbClusterSnapshotIdentifier: "s" }],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { sourceDbClusterSnapshotIdentifier: "s", targetDbClusterSnapshotIdentifier: "t" }],
    ["aws:redshift/clusterSnapshot:ClusterSnapshot", { clusterIdentifier: "c", snapshotIdentifier: "s" }],
] as const) {
    describeRule(snapshotsExpire, type, [
        { name: "expires-on in the future", props: { ...base, tags: { "expires-on": "2026-12-31" } }, expect: "pass" },
        { name: "retention-days", props: { ...base, tags: { "retention-days": "30", team: "data" } }, expect: "pass" },
        { name: "tags omitted", props: { ...base }, expect: "fail", paths: ["tags"], message: /no expiry tag \(one of expires-on, retention-days\)/ },
        { name: "other tags only", props: { ...base, tags: { team: "data" } }, expect: "fail", paths: ["tags"] },
        { name: "expiry date passed", props: { ...base, tags: { "expires-on": "2026-01-01" } }, expect: "fail", paths: ['tags["expires-on"]'], message: /has passed/ },
        { name: "malformed expiry is a finding naming the format", props: { ...base, tags: { "expires-on": "marker-value-42" } }, expect: "fail", paths: ['tags["expires-on"]'], message: /^(?![\s\S]*marker-value-42)[\s\S]*expected a date YYYY-MM-DD/ },
        { name: "retention beyond the configured maximum", props: { ...base, tags: { "retention-days": "400" } }, config: { maxRetentionDays: 365 }, expect: "fail", paths: ['tags["retention-days"]'] },
        { name: "custom tag key from config", props: { ...base, tags: { DeleteAfter: "2026-07-01" } }, config: { retentionTagKeys: ["DeleteAfter"] }, expect: "pass" },
        { name: "tags unknown during preview", props: { ...base, tags: UNKNOWN }, expect: "defer" },
        { name: "no tag but exempted", props: { ...base }, config: exempt, expect: "exempt" },
        { name: "invalid tag key list in config", props: { ...base }, config: { retentionTagKeys: [""] }, expect: "fail", message: /invalid policy config: .*retentionTagKeys\[0\]/ },
    ]);
}

describeRule(snapshotsExpire, "aws:redshift/clusterSnapshot:ClusterSnapshot", [
    { name: "native retention instead of a tag", props: { clusterIdentifier: "c", snapshotIdentifier: "s", manualSnapshotRetentionPeriod: 30 }, expect: "pass" },
    { name: "retention -1 and no tag (tags omitted)", props: { manualSnapshotRetentionPeriod: -1 }, expect: "fail", paths: ["tags"], message: /manualSnapshotRetentionPeriod/ },
    { name: "native retention above the configured maximum", props: { manualSnapshotRetentionPeriod: 3653 }, config: { maxRetentionDays: 365 }, expect: "fail", paths: ["manualSnapshotRetentionPeriod"] },
    { name: "native retention unknown during preview", props: { manualSnapshotRetentionPeriod: UNKNOWN }, expect: "defer" },
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

for (const [type, base] of [
    ["aws:ebs/snapshot:Snapshot", { volumeId: "vol-1" }],
    ["aws:ebs/snapshotCopy:SnapshotCopy", { sourceSnapshotId: "snap-1", sourceRegion: "eu-west-1" }],
    ["aws:rds/snapshot:Snapshot", { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s" }],
    ["aws:rds/snapshotCopy:SnapshotCopy", { sourceDbSnapshotIdentifier: "s", targetDbSnapshotIdentifier: "t" }],
    ["aws:rds/clusterSnapshot:ClusterSnapshot", { dbClusterIdentifier: "c", dbClusterSnapshotIdentifier: "s" }],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { sourceDbClusterSnapshotIdentifier: "s", targetDbClusterSnapshotIdentifier: "t" }],
    ["aws:redshift/clusterSnapshot:ClusterSnapshot", { clusterIdentifier: "c", snapshotIdentifier: "s" }],
] as const) {
    describeFix(snapshotsExpire, type, expiryFixRows(base));
}
describeFix(snapshotsExpire, "aws:redshift/clusterSnapshot:ClusterSnapshot", [
    { name: "positive manual retention is a native expiry: nothing changes", props: { clusterIdentifier: "c", snapshotIdentifier: "s", manualSnapshotRetentionPeriod: 14 }, expect: "unchanged" },
]);

// ---- aws-native (CloudFormation): tags are a list of { key, value } entries ----------------------

for (const [type, base, resource] of [
    ["aws-native:rds:DbSnapshot", { dbInstanceIdentifier: "db", dbSnapshotIdentifier: "s" }, "aws-native.rds.DbSnapshot"],
    ["aws-native:rds:ClusterSnapshot", { dbClusterIdentifier: "c", dbClusterSnapshotIdentifier: "s" }, "aws-native.rds.ClusterSnapshot"],
] as const) {
    describeRule(snapshotsExpire, type, [
        { name: "expires-on entry in the future", props: { ...base, tags: [{ key: "team", value: "data" }, { key: "expires-on", value: "2026-12-31" }] }, expect: "pass" },
        { name: "retention-days entry", props: { ...base, tags: [{ key: "retention-days", value: "30" }] }, expect: "pass" },
        { name: "tags omitted", props: { ...base }, expect: "fail", paths: ["tags"], message: new RegExp(`no expiry tag .* \`\\{ key: "expires-on", value: "YYYY-MM-DD" \\}\` .* on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "no expiry entry among the tags", props: { ...base, tags: [{ key: "team", value: "data" }] }, expect: "fail", paths: ["tags"] },
        { name: "expiry date passed", props: { ...base, tags: [{ key: "team", value: "data" }, { key: "expires-on", value: "2020-01-01" }] }, expect: "fail", paths: ["tags[1].value"], message: /has passed/ },
        { name: "expiry value unknown during preview", props: { ...base, tags: [{ key: "expires-on", value: UNKNOWN }] }, expect: "defer", paths: ["tags[0].value"] },
        { name: "an entry unknown during preview, no expiry entry known", props: { ...base, tags: [{ key: "team", value: "data" }, UNKNOWN] }, expect: "defer", paths: ["tags[1]"] },
        { name: "tags unknown during preview", props: { ...base, tags: UNKNOWN }, expect: "defer" },
        { name: "exempted", props: { ...base }, config: exempt, expect: "exempt" },
    ]);
    describeFix(snapshotsExpire, type, [
        { name: "no tags: an expires-on entry added 30 days ahead", props: { ...base }, expect: "fixed", fixed: { ...base, tags: [{ key: "expires-on", value: "2026-07-15" }] } },
        { name: "other entries kept, secret and unknown values too", props: { ...base, tags: [{ key: "team", value: "payments" }, { key: "owner", value: secret("alice") }, { key: "build", value: UNKNOWN }] }, expect: "fixed",
            fixed: { ...base, tags: [{ key: "team", value: "payments" }, { key: "owner", value: secret("alice") }, { key: "build", value: UNKNOWN }, { key: "expires-on", value: "2026-07-15" }] } },
        { name: "an entry whose key is unknown could be the expiry tag: unchanged", props: { ...base, tags: [{ key: UNKNOWN, value: "x" }] }, expect: "unchanged" },
        { name: "a past expiry is the owner's to change: unchanged", props: { ...base, tags: [{ key: "expires-on", value: "2020-01-01" }] }, expect: "unchanged" },
        { name: "tags unknown: nothing changes", props: { ...base, tags: UNKNOWN }, expect: "unchanged" },
    ]);
}
