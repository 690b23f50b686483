import { snapshotBlockPublicAccess } from "../../policies/aws/snapshot-block-public-access";
import { snapshotBlockAllSharing } from "../../policies/aws/snapshot-block-all-sharing";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

const TYPE = "aws:ebs/snapshotBlockPublicAccess:SnapshotBlockPublicAccess";
const exempt = { exemptions: [{ resource: "subject", reason: "public dataset account", expires: "2999-01-01" }] };

describeRule(snapshotBlockPublicAccess, TYPE, [
    { name: "all sharing blocked", props: { state: "block-all-sharing" }, expect: "pass" },
    { name: "new sharing blocked passes the mandatory rule", props: { state: "block-new-sharing" }, expect: "pass" },
    { name: "blocked, in upper case", props: { state: "BLOCK-ALL-SHARING" }, expect: "pass" },
    { name: "unblocked", props: { state: "unblocked" }, expect: "fail", paths: ["state"], message: /turned off \(state "unblocked"\) at state; set `state: "block-all-sharing"`/ },
    { name: "Unblocked in mixed case", props: { state: "Unblocked" }, expect: "fail", paths: ["state"] },
    { name: "state omitted", props: {}, expect: "fail", paths: ["state"], message: /state omitted/ },
    { name: "unrecognised state is not echoed", props: { state: "marker-value-42" }, expect: "fail", message: /^(?![\s\S]*marker-value-42)/ },
    { name: "state unknown during preview", props: { state: UNKNOWN }, expect: "defer" },
    { name: "unblocked exempted", props: { state: "unblocked" }, config: exempt, expect: "exempt" },
    { name: "no knobs: a trust list is not a setting", props: { state: "block-all-sharing" }, config: { trustedAccountIds: [] }, expect: "fail", message: /invalid policy config/ },
]);

describeRule(snapshotBlockAllSharing, TYPE, [
    { name: "all sharing blocked", props: { state: "block-all-sharing" }, expect: "pass" },
    { name: "only new sharing blocked", props: { state: "block-new-sharing" }, expect: "fail", paths: ["state"], message: /already public stay public/ },
    { name: "BLOCK-NEW-SHARING in upper case", props: { state: "BLOCK-NEW-SHARING" }, expect: "fail", paths: ["state"] },
    { name: "unblocked is left to the mandatory rule", props: { state: "unblocked" }, expect: "pass" },
    { name: "state omitted is left to the mandatory rule", props: {}, expect: "pass" },
    { name: "state unknown during preview", props: { state: UNKNOWN }, expect: "defer" },
    { name: "partial setting exempted", props: { state: "block-new-sharing" }, config: exempt, expect: "exempt" },
]);

// ---- Remediation: both rules set the stricter state -------------------------------------------

for (const rule of [snapshotBlockPublicAccess, snapshotBlockAllSharing]) {
    describeFix(rule, TYPE, [
        { name: "compliant all sharing blocked: nothing changes", props: { state: "BLOCK-ALL-SHARING" }, expect: "unchanged" },
        { name: "state unknown during preview: nothing changes", props: { state: UNKNOWN }, expect: "unchanged" },
        { name: "exempted: nothing changes", props: { state: "unblocked" }, config: exempt, expect: "unchanged" },
    ]);
}
describeFix(snapshotBlockPublicAccess, TYPE, [
    { name: "unblocked becomes block-all-sharing", props: { state: "unblocked", region: "eu-west-1" }, expect: "fixed", fixed: { state: "block-all-sharing", region: "eu-west-1" } },
    { name: "state omitted is set", props: {}, expect: "fixed", fixed: { state: "block-all-sharing" } },
    { name: "secret state stays secret", props: { state: secret("unblocked") }, expect: "fixed", fixed: { state: secret("block-all-sharing") } },
    { name: "block-new-sharing passes the mandatory rule: nothing changes", props: { state: "block-new-sharing" }, expect: "unchanged" },
]);
describeFix(snapshotBlockAllSharing, TYPE, [
    { name: "block-new-sharing becomes block-all-sharing", props: { state: "block-new-sharing" }, expect: "fixed", fixed: { state: "block-all-sharing" } },
    { name: "state omitted is the mandatory rule's finding: nothing changes", props: {}, expect: "unchanged" },
    { name: "unblocked is the mandatory rule's finding: nothing changes", props: { state: "unblocked" }, expect: "unchanged" },
]);

// ---- aws-native: the same `state` on aws-native.ec2.SnapshotBlockPublicAccess ----------------

const NATIVE = "aws-native:ec2:SnapshotBlockPublicAccess";

describeRule(snapshotBlockAllSharing, NATIVE, [
    { name: "all sharing blocked", props: { state: "block-all-sharing" }, expect: "pass" },
    { name: "only new sharing blocked", props: { state: "block-new-sharing" }, expect: "fail", paths: ["state"], message: /already public stay public.*aws-native\.ec2\.SnapshotBlockPublicAccess/ },
    { name: "state omitted is left to the mandatory rule", props: {}, expect: "pass" },
    { name: "state unknown during preview", props: { state: UNKNOWN }, expect: "defer" },
]);

describeFix(snapshotBlockAllSharing, NATIVE, [
    { name: "only new sharing blocked: all sharing blocked", props: { state: "block-new-sharing" }, expect: "fixed", fixed: { state: "block-all-sharing" } },
    { name: "compliant: nothing changes", props: { state: "block-all-sharing" }, expect: "unchanged" },
]);
