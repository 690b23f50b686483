// Property-based checks over every rule target: arbitrary JSON never makes a rule throw or crash,
// and a marker placed in any property value (plain or secret) never reaches a message.
import * as assert from "assert";
import fc from "fast-check";
import { isStackRule } from "../../core/rule";
import { SECRET_SIGNATURE_KEY } from "../../core/wire";
import { allRules } from "../../policies";
import { coverage, evaluate, secret, UNKNOWN } from "../harness";

const MARKER = "zz-marker-5f0c9e";

/** Keys and string values the rule tables use, so generated props reach the rules' paths. */
function vocabulary() {
    const keys = new Set<string>(["encrypted", "tags", "name"]);
    const strings = new Set<string>();
    const walk = (value: unknown) => {
        if (Array.isArray(value)) {
            value.forEach(walk);
        } else if (typeof value === "object" && value !== null) {
            for (const [key, child] of Object.entries(value)) {
                if (key !== SECRET_SIGNATURE_KEY) keys.add(key);
                walk(child);
            }
        } else if (typeof value === "string" && value.length < 40) {
            strings.add(value);
        }
    };
    for (const tables of coverage.values()) {
        for (const rows of tables.values()) {
            rows.forEach((row) => walk(row.props));
        }
    }
    return { keys: [...keys], strings: [...strings] };
}

function propsArbitrary(keys: string[], strings: string[]) {
    const leaf = fc.oneof(
        fc.constant(MARKER),
        fc.constant(`${MARKER}@example.com`),
        fc.constant(`user:${MARKER}@example.com`),
        fc.constant(secret(MARKER)),
        fc.constant(JSON.stringify({ bindings: [{ role: "roles/x", members: [MARKER, "allUsers"] }] })),
        fc.constant(`{"${MARKER}`),
        fc.constant(UNKNOWN),
        fc.constant(null),
        fc.boolean(),
        fc.integer({ min: -5, max: 50 }),
        fc.constantFrom(...(strings.length > 0 ? strings : ["x"])),
        fc.string({ maxLength: 8 }),
    );
    const { value } = fc.letrec<{ value: unknown; list: unknown[]; object: Record<string, unknown> }>((tie) => ({
        value: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("object")),
        list: fc.array(tie("value"), { maxLength: 3 }),
        object: fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 5 }),
    }));
    return fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
}

describe("meta: properties of every rule target", () => {
    for (const rule of allRules) {
        if (isStackRule(rule)) continue;
        for (const target of rule.targets) {
            it(`${rule.id} on ${target.type}: never throws, crashes or leaks a property value`, () => {
                const { keys, strings } = vocabulary();
                fc.assert(fc.property(propsArbitrary(keys, strings), (props) => {
                    const outcome = evaluate(rule, { type: target.type, props });
                    const text = [...outcome.violations, outcome.notApplicable ?? ""].join("\n");
                    assert.ok(!text.includes(MARKER), `a property value reached a message: ${text}`);
                    assert.ok(!text.includes("could not evaluate"), `the rule crashed: ${text}`);
                }), { numRuns: 150 });
            });
        }
    }
});
