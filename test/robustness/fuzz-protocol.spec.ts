// Fuzzing through the Analyzer protocol: random and oversized bags for the rules' target types go
// to the compiled pack over gRPC (Remediate with every fixable rule at `remediate`, then Analyze,
// then one AnalyzeStack). Every call must answer, no secret may appear in a diagnostic or a
// reason, and no fix may return a secret unwrapped.
import * as assert from "assert";
import fc from "fast-check";
import type { PolicyPackConfig } from "../../cli/analyzer-client";
import { canRemediate, ruleTypes } from "../../core/rule";
import { secret, UNKNOWN_SENTINEL } from "../../core/wire";
import { allRules } from "../../policies";
import { resource, useCompiledPack } from "../protocol/pack";
import { bag, MARKER, unwrappedMarkers } from "./bags";

const CALLS = 60;
const types = [...new Set(allRules.flatMap((rule) => ruleTypes(rule)))];
const remediateAll: PolicyPackConfig = Object.fromEntries(allRules.filter(canRemediate).map((rule) => [rule.id, "remediate"]));

function nested(depth: number): unknown {
    let value: unknown = secret(`${MARKER}-deep`);
    for (let level = 0; level < depth; level++) value = level % 2 === 0 ? { encrypted: value } : [value, UNKNOWN_SENTINEL];
    return value;
}

const hostile: Array<[string, Record<string, unknown>]> = [
    ["values nested 200 levels deep", { tags: nested(200), rootBlockDevice: nested(200) }],
    ["a 1 MB string and 5,000 keys", { description: "x".repeat(1_000_000), tags: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, secret(`${MARKER}${i}`)])) }],
    ["every value a secret", { encrypted: secret(true), kmsKeyId: secret(`${MARKER}-key`), tags: secret({ "expires-on": `${MARKER}` }), networkAccessPolicy: secret("AllowAll") }],
    ["every value unknown", { encrypted: UNKNOWN_SENTINEL, tags: UNKNOWN_SENTINEL, networkAccessPolicy: UNKNOWN_SENTINEL, members: UNKNOWN_SENTINEL }],
];

describe("robustness: fuzzing the pack through the Analyzer protocol", function () {
    this.timeout(180_000);
    const pack = useCompiledPack((client) => client.configure(remediateAll));

    async function roundTrip(type: string, props: Record<string, unknown>, context: string) {
        const request = resource(type, "fuzzed", props);
        const remediated = await pack().remediate(request);
        for (const entry of remediated.remediations) {
            assert.deepStrictEqual(unwrappedMarkers(entry.properties), [], `${context}: ${entry.policyName} unwrapped a secret`);
            assert.ok(!(entry.diagnostic ?? "").includes(MARKER), context);
        }
        const analyzed = await pack().analyze(request);
        assert.ok(!JSON.stringify(analyzed).includes(MARKER), `${context}: a secret reached a diagnostic: ${JSON.stringify(analyzed)}`);
        return analyzed;
    }

    it(`answers ${CALLS} random bags for the rules' target types`, async () => {
        const samples = fc.sample(fc.tuple(fc.constantFrom(...types), bag), { numRuns: CALLS, seed: 20261204 });
        for (const [index, [type, props]] of samples.entries()) await roundTrip(type, props, `sample ${index} (${type})`);
        const stack = await pack().analyzeStack(samples.map(([type, props], index) => resource(type, `r${index}`, props)));
        assert.ok(!JSON.stringify(stack).includes(MARKER));
    });

    for (const [name, props] of hostile) {
        it(`answers ${name} for every target type of a sample of rules`, async () => {
            for (const type of types.filter((_, index) => index % 30 === 0)) await roundTrip(type, props, `${name} (${type})`);
        });
    }
});
