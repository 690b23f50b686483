// Stack-rule findings about something the stack lacks name no property: their messages read
// `<problem>; <fix>`, are not split into path and fix, and the text format prints them whole.
import * as assert from "assert";
import { formatText } from "../../cli/format/text";
import { splitMessage, type Results } from "../../cli/results";
import { awsAccountGuardrails } from "../../policies/stack/aws-account-guardrails";
import { azureDisksBackedUp } from "../../policies/stack/azure-disks-backed-up";
import { gcpDisksSnapshotScheduled } from "../../policies/stack/gcp-disks-snapshot-scheduled";
import { evaluateStack, urnFor } from "../harness";

const cases = [
    { rule: awsAccountGuardrails, type: "aws:ebs/volume:Volume", props: { size: 8, encrypted: true } },
    { rule: azureDisksBackedUp, type: "azure-native:compute:Disk", props: { resourceGroupName: "rg", diskSizeGB: 64 } },
    { rule: gcpDisksSnapshotScheduled, type: "gcp:compute/regionDisk:RegionDisk", props: { name: "rd" } },
];

describe("stack findings without a property path", () => {
    for (const { rule, type, props } of cases) {
        const { reported } = evaluateStack(rule, [{ type, name: "subject", props }]);
        const message = reported[0]?.message ?? "";

        it(`${rule.id}: says what is missing in words, then the fix (no \` at <path>; \`)`, () => {
            assert.ok(reported.length > 0, `${rule.id} reported nothing`);
            for (const entry of reported) {
                assert.match(entry.message, /^[^;]+; (add|attach) /);
                assert.doesNotMatch(entry.message, / at \S+; /);
                assert.deepStrictEqual(splitMessage(entry.message), {});
            }
        });

        it(`${rule.id}: the text format prints the message whole under the rule, without an "at:" line`, () => {
            const urn = urnFor(type, "subject");
            const results: Results = {
                source: "stack.json", tool: { name: "snapshot-guard", version: "0.1.0" }, policies: [], checks: [], resources: [urn],
                findings: [{ policy: rule.id, pack: "snapshot-guard", level: "advisory", severity: rule.severity, urn, type, name: "subject", message, ...splitMessage(message) }],
            };
            const lines = formatText(results).split("\n");
            const ruleLine = lines.findIndex((line) => line.includes(rule.id));
            assert.strictEqual(lines[ruleLine + 1], `    ${message}`);
            assert.ok(!lines.some((line) => line.trim().startsWith("at:")), lines.join("\n"));
        });
    }
});
