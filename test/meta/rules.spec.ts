// Suite-level checks over the whole rule list: ids, metadata, registration, token spelling and
// test coverage. Rule tables record their rows in the harness; mocha loads every spec before it
// runs any test, so the coverage map is complete when these tests run.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { isStackRule, ruleTypes, type Rule } from "../../core/rule";
import { allRules } from "../../policies";
import fc from "fast-check";
import { compiledRoot, coverage, evaluate, evaluateStack, repoRoot, secret, stackCoverage, UNKNOWN, type StackFixture } from "../harness";

const root = repoRoot;
const clouds = ["aws", "azure", "gcp"] as const;

function ruleFiles(): string[] {
    return [...clouds, "stack"].flatMap((cloud) => {
        const dir = path.join(root, "policies", cloud);
        return fs.existsSync(dir)
            ? fs.readdirSync(dir).filter((file) => file.endsWith(".ts") && file !== "index.ts").map((file) => path.join(dir, file))
            : [];
    });
}

function isRule(value: unknown): value is Rule {
    return typeof value === "object" && value !== null && "id" in value && ("targets" in value || "checkStack" in value);
}

/**
 * Where the SDK defines a type token, e.g. aws:ebs/volume:Volume -> @pulumi/aws/ebs/volume.js,
 * aws-native:ec2:Volume -> @pulumi/aws-native/ec2/volume.js.
 */
function sdkFileFor(token: string): string {
    const [pkg, module, resource] = token.split(":");
    if (pkg === "azure-native" || pkg === "aws-native") {
        const file = resource.charAt(0).toLowerCase() + resource.slice(1);
        return path.join(root, "node_modules/@pulumi", pkg, module, `${file}.js`);
    }
    // Some modules name their files in lower case (gcp:projects/iAMMember -> projects/iammember.js).
    const file = path.join(root, "node_modules/@pulumi", pkg, `${module}.js`);
    const dir = path.dirname(file);
    const match = fs.existsSync(dir) ? fs.readdirSync(dir).find((entry) => entry.toLowerCase() === path.basename(file).toLowerCase()) : undefined;
    return match ? path.join(dir, match) : file;
}

describe("meta: the rule list", () => {
    it("has unique, well-formed ids prefixed with the rule's cloud", () => {
        const ids = allRules.map((rule) => rule.id);
        assert.deepStrictEqual(ids, [...new Set(ids)], "duplicate rule ids");
        for (const rule of allRules) {
            assert.match(rule.id, /^(aws|azure|gcp)-[a-z0-9]+(-[a-z0-9]+)*$/, rule.id);
            assert.ok(rule.id.startsWith(`${rule.cloud}-`), `${rule.id} does not start with ${rule.cloud}-`);
        }
    });

    it("registers every rule file, and each file is named after its rule id", () => {
        const registered = new Set<Rule>(allRules);
        const found: string[] = [];
        for (const file of ruleFiles()) {
            // eslint-disable-next-line @typescript-eslint/no-var-requires
            const compiled = path.join(compiledRoot, path.relative(root, file)).replace(/\.ts$/, ".js");
            const rules = Object.values(require(compiled)).filter(isRule);
            assert.ok(rules.length > 0, `${path.relative(root, file)} exports no rule`);
            for (const rule of rules) {
                const inStack = path.basename(path.dirname(file)) === "stack";
                assert.strictEqual(isStackRule(rule), inStack, `${rule.id}: stack rules live in policies/stack/, resource rules in policies/<cloud>/`);
                const list = inStack ? "stack" : rule.cloud;
                assert.ok(registered.has(rule), `${rule.id} (${path.relative(root, file)}) is not in policies/${list}/index.ts`);
                // Stack rule files carry the full id (they span clouds); cloud rule files drop the prefix.
                const expected = inStack ? path.basename(file, ".ts") : `${rule.cloud}-${path.basename(file, ".ts")}`;
                assert.strictEqual(rule.id, expected, `${path.relative(root, file)} should hold rule ${expected}`);
                found.push(rule.id);
            }
        }
        assert.strictEqual(found.length, allRules.length);
    });

    for (const rule of allRules) {
        describe(rule.id, () => {
            it("has a title, rationale, remediation and an https docs link", () => {
                assert.ok(rule.title.length > 10 && !rule.title.endsWith("."), "title is one sentence without a full stop");
                assert.ok(rule.rationale.length > 40, "rationale explains the risk");
                assert.ok(rule.remediation.length > 20, "remediation says what to change");
                assert.match(rule.docsUrl, /^https:\/\/\S+$/);
            });

            it("names type tokens the installed provider SDKs define", () => {
                const types = ruleTypes(rule);
                assert.deepStrictEqual(types, [...new Set(types)], "a type appears twice");
                for (const token of types) {
                    const file = sdkFileFor(token);
                    assert.ok(fs.existsSync(file), `${token}: no SDK file ${path.relative(root, file)}`);
                    assert.ok(fs.readFileSync(file, "utf8").includes(`'${token}'`), `${token} is not the SDK's __pulumiType`);
                }
            });

            it("points at property paths or says what is missing in words: no placeholder like `at (backup)` in its table's messages", () => {
                const texts: string[] = [];
                if (isStackRule(rule)) {
                    for (const row of stackCoverage.get(rule.id) ?? []) {
                        const outcome = evaluateStack(rule, row.resources, row.config);
                        texts.push(...outcome.reported.map((entry) => entry.message), outcome.notApplicable ?? "");
                    }
                } else {
                    for (const [type, rows] of coverage.get(rule.id) ?? []) {
                        for (const row of rows) {
                            const outcome = evaluate(rule, { type, props: row.props, config: row.config, name: row.resourceName });
                            texts.push(...outcome.violations, outcome.notApplicable ?? "");
                        }
                    }
                }
                assert.ok(texts.some((text) => text !== ""), "its table produced no message to check");
                for (const text of texts) {
                    // ` at (x); ` in a message, `name.(x)` in a deferral reason
                    assert.doesNotMatch(text, / at \(|\.\([^)\s]*\)/, `placeholder path in: ${text}`);
                }
            });

            if (isStackRule(rule)) {
                it("is tested on stacks that report, pass and defer, with preview-time unknown references", () => {
                    const rows = stackCoverage.get(rule.id);
                    assert.ok(rows, `no rule table calls describeStackRule(${rule.id}, …)`);
                    const kinds = new Set(rows.map((row) => row.expect));
                    for (const kind of ["report", "pass", "defer"] as const) {
                        assert.ok(kinds.has(kind), `no "${kind}" row`);
                    }
                    assert.ok(rows.some((row) => row.expect === "report" && row.reported !== undefined), "no row checks which URNs are reported");
                    const exercised = new Set(rows.flatMap((row) => row.resources.map((resource) => resource.type)));
                    for (const type of rule.stackTypes) {
                        assert.ok(exercised.has(type), `no stack in the table holds a ${type}`);
                    }
                });
            } else {
                it("is tested on every target with pass, fail, omitted-field and unknown-value rows", () => {
                    const tables = coverage.get(rule.id);
                    assert.ok(tables, `no rule table calls describeRule(${rule.id}, …)`);
                    for (const target of rule.targets) {
                        const rows = tables.get(target.type) ?? [];
                        const kinds = new Set(rows.map((row) => row.expect));
                        for (const kind of ["pass", "fail", "defer"] as const) {
                            assert.ok(kinds.has(kind), `${target.type}: no "${kind}" row`);
                        }
                        assert.ok(rows.some((row) => /omitted/i.test(row.name)), `${target.type}: no row about an omitted field`);
                    }
                });
            }
        });
    }
});

// Stack rules get the property check the resource rules get in properties.spec.ts: the stacks of
// their own tables, with every property replaced by arbitrary JSON (references kept), never make a
// rule crash, and a marker placed in any value (plain or secret) never reaches a message.
describe("meta: properties of every stack rule", () => {
    const MARKER = "zz-marker-5f0c9e";

    function vocabulary(rows: ReadonlyArray<{ resources: StackFixture[] }>) {
        const keys = new Set<string>(["id", "arn", "selfLink", "name", "tags", "tagsAll"]);
        const strings = new Set<string>();
        const walk = (value: unknown) => {
            if (Array.isArray(value)) value.forEach(walk);
            else if (typeof value === "object" && value !== null) {
                for (const [key, child] of Object.entries(value)) {
                    keys.add(key);
                    walk(child);
                }
            } else if (typeof value === "string" && value.length < 160) strings.add(value);
        };
        rows.forEach((row) => row.resources.forEach((resource) => walk(resource.props)));
        return { keys: [...keys], strings: [...strings] };
    }

    for (const rule of allRules.filter(isStackRule)) {
        it(`${rule.id}: arbitrary stacks never crash it or leak a property value`, () => {
            const rows = stackCoverage.get(rule.id) ?? [];
            assert.ok(rows.length > 0, `no table for ${rule.id}`);
            const { keys, strings } = vocabulary([...stackCoverage.values()].flat());
            const leaf = fc.oneof(
                fc.constant(MARKER), fc.constant(`${MARKER}-vol`), fc.constant(secret(MARKER)), fc.constant(UNKNOWN),
                fc.constant(null), fc.boolean(), fc.integer({ min: -2, max: 40 }), fc.constantFrom(...strings),
            );
            const { value } = fc.letrec<{ value: unknown; list: unknown[]; object: Record<string, unknown> }>((tie) => ({
                value: fc.oneof({ depthSize: "small" }, leaf, tie("list"), tie("object")),
                list: fc.array(tie("value"), { maxLength: 3 }),
                object: fc.dictionary(fc.constantFrom(...keys), tie("value"), { maxKeys: 5 }),
            }));
            const props = fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 8 });
            const stack = fc.constantFrom(...rows).chain((row) =>
                fc.tuple(...row.resources.map(() => props)).map((all) =>
                    row.resources.map((resource, index) => ({ ...resource, props: { ...all[index] } }))));
            fc.assert(fc.property(stack, (resources) => {
                const outcome = evaluateStack(rule, resources);
                const text = [...outcome.reported.map((entry) => entry.message), outcome.notApplicable ?? ""].join("\n");
                assert.ok(!text.includes(MARKER), `a property value reached a message: ${text}`);
                assert.ok(!text.includes("could not evaluate"), `the rule crashed: ${text}`);
            }), { numRuns: 120 });
        });
    }
});
