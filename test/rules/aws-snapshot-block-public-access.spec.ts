import { snapshotBlockPublicAccess } from "../../policies/aws/snapshot-block-public-access";
import { snapshotBlockAllSharing } from "../../policies/aws/snapshot-block-all-sharing";
import { describeRule, UNKNOWN } from "../harness";

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
