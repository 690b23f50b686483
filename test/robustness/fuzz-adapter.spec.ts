// Fuzzing every targeted type of every rule through the adapter, as the analyzer server runs it:
// no throw escapes, no secret reaches a message or a reason, a fix never unwraps a secret, and
// junk keys (`__proto__`, `constructor`) do not change a verdict. Runs are few per type, so the
// whole spec stays within seconds; a failure prints fast-check's seed and shrunk bag.
import * as assert from "assert";
import fc from "fast-check";
import { isStackRule, ruleTypes } from "../../core/rule";
import { allRules } from "../../policies";
import { evaluate, evaluateStack, remediate, type Outcome } from "../harness";
import { bag, MARKER, unwrappedMarkers, withJunk } from "./bags";

const RUNS_PER_TYPE = 12;

function assertNoMarker(outcome: Outcome | { reported: Array<{ message: string }>; notApplicable?: string }, context: string) {
    const text = JSON.stringify(outcome);
    assert.ok(!text.includes(MARKER), `${context}: a secret reached the output: ${text}`);
}

describe("robustness: fuzzing rules through the adapter", function () {
    this.timeout(120_000);
    for (const rule of allRules) {
        if (isStackRule(rule)) {
            it(`${rule.id}: random stacks of its types`, () => {
                const types = ruleTypes(rule);
                fc.assert(fc.property(fc.array(fc.tuple(fc.constantFrom(...types), bag), { maxLength: 6 }), (entries) => {
                    const fixtures = entries.map(([type, props], index) => ({ type, name: `r${index}`, props }));
                    assertNoMarker(evaluateStack(rule, fixtures), rule.id);
                }), { numRuns: RUNS_PER_TYPE * 2 });
            });
            continue;
        }
        for (const type of ruleTypes(rule)) {
            it(`${rule.id} on ${type}: no throw, no secret, junk keys change nothing`, async () => {
                await fc.assert(fc.asyncProperty(bag, async (props) => {
                    const outcome = evaluate(rule, { type, props });
                    assertNoMarker(outcome, `${rule.id} ${type}`);
                    assert.deepStrictEqual(evaluate(rule, { type, props: withJunk(props) }), outcome, "junk keys changed the verdict");
                    const fixed = await remediate(rule, { type, props, config: { enforcementLevel: "remediate" } });
                    assert.deepStrictEqual(unwrappedMarkers(fixed.properties), [], `${rule.id} ${type}: a fix unwrapped a secret`);
                    assert.ok(!(fixed.notApplicable ?? "").includes(MARKER));
                }), { numRuns: RUNS_PER_TYPE });
            });
        }
    }
});
