// `explain` snippets: one violating and one compliant example for every rule, each rendered from
// the props it represents, and those props run through the rule: the violating example must be
// reported, the compliant one must pass. Type tokens must be the rule's and the SDK's.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { className, examples, Json, propertyDependencies, Ref, renderExample, snippetsFor, type Example } from "../../cli/snippets";
import { isStackRule, ruleTypes, type Rule } from "../../core/rule";
import { allRules } from "../../policies";
import { compiledRoot, evaluate, evaluateStack, repoRoot, UNKNOWN, urnFor, type StackFixture } from "../harness";

/** The value a rule sees: references to example resources are unknown during preview; others a placeholder. */
function value(entry: unknown): unknown {
    if (entry instanceof Ref) return entry.resource ? UNKNOWN : entry.value;
    if (entry instanceof Json) return JSON.stringify(value(entry.document));
    if (Array.isArray(entry)) return entry.map(value);
    if (typeof entry === "object" && entry !== null) return Object.fromEntries(Object.entries(entry).map(([key, item]) => [key, value(item)]));
    return entry;
}

const sdks: Record<string, string> = { aws: "@pulumi/aws", "azure-native": "@pulumi/azure-native", gcp: "@pulumi/gcp" };

/** The SDK class the snippet names really has this type token. */
function sdkToken(type: string): string | undefined {
    const [pkg, module, name] = type.split(":");
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const sdk = require(sdks[pkg]) as Record<string, Record<string, { __pulumiType?: string }>>;
    return sdk[module.split("/")[0]]?.[name]?.__pulumiType;
}

type Verdict = { reported: string[]; other?: string };

function judge(rule: Rule, example: Example): Verdict {
    if (isStackRule(rule)) {
        const fixtures: StackFixture[] = example.resources.map((entry) => ({
            type: entry.type, name: entry.name, props: value(entry.props) as Record<string, unknown>,
            propertyDependencies: propertyDependencies(entry),
            dependencies: [...new Set(Object.values(propertyDependencies(entry)).flat())],
        }));
        const outcome = evaluateStack(rule, fixtures, example.config);
        return { reported: outcome.reported.map((entry) => entry.urn ?? "(stack)"), ...(outcome.notApplicable ? { other: outcome.notApplicable } : {}) };
    }
    const reported: string[] = [];
    let other: string | undefined;
    for (const entry of example.resources) {
        const outcome = evaluate(rule, { type: entry.type, name: entry.name, props: value(entry.props) as Record<string, unknown>, config: example.config });
        if (outcome.violations.length > 0) reported.push(urnFor(entry.type, entry.name));
        if (outcome.notApplicable) other = outcome.notApplicable;
    }
    return { reported, ...(other ? { other } : {}) };
}

describe("cli: explain snippets", () => {
    it("every rule has a violating and a compliant snippet, and every snippet belongs to a rule", () => {
        assert.deepStrictEqual(allRules.filter((rule) => !snippetsFor(rule.id)).map((rule) => rule.id), []);
        assert.deepStrictEqual(Object.keys(examples).filter((id) => !allRules.some((rule) => rule.id === id)), []);
    });

    it("renders TypeScript from the example's props", () => {
        const text = renderExample({
            resources: [
                { type: "aws:ebs/volume:Volume", name: "data", props: { size: 8, tags: { "retention-days": "7" } } },
                { type: "aws:ebs/snapshot:Snapshot", name: "data-backup", props: { volumeId: new Ref("data.id", undefined, "data") } },
            ],
            config: { trustedAccountIds: ["111122223333"] },
        });
        assert.strictEqual(text, [
            "// with policy config { \"trustedAccountIds\": [\"111122223333\"] } for this rule",
            "const data = new aws.ebs.Volume(\"data\", { size: 8, tags: { \"retention-days\": \"7\" } });",
            "new aws.ebs.Snapshot(\"data-backup\", { volumeId: data.id });",
        ].join("\n"));
        assert.strictEqual(className("azure-native:compute:Disk"), "azure_native.compute.Disk");
    });

    it("every snippet type-checks against the installed SDK typings (property names, required inputs)", function () {
        this.timeout(180_000);
        // Each snippet becomes a function body; what it assumes exists (`key.arn`, `rg.name`) is `any`.
        const bodies: string[] = [];
        const assumed = new Set<string>();
        for (const [id, entry] of Object.entries(examples)) {
            for (const kind of ["violating", "compliant"] as const) {
                const text = renderExample(entry[kind]);
                const declared = new Set([...text.matchAll(/\bconst (\w+) =/g)].map((match) => match[1]));
                for (const match of text.matchAll(/\b([A-Za-z_]\w*)\.\w+/g)) {
                    if (!["aws", "azure_native", "gcp", "JSON", "config"].includes(match[1]) && !declared.has(match[1])) assumed.add(match[1]);
                }
                bodies.push(`// ${id} ${kind}\nexport function ${kind}_${bodies.length}() {\n${text}\n}`);
            }
        }
        const dir = path.join(compiledRoot, "snippet-check");
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "index.ts"), [
            "import * as pulumi from \"@pulumi/pulumi\";",
            "import * as aws from \"@pulumi/aws\";",
            "import * as azure_native from \"@pulumi/azure-native\";",
            "import * as gcp from \"@pulumi/gcp\";",
            "const config = new pulumi.Config();",
            ...[...assumed].sort().map((name) => `declare const ${name}: any;`),
            ...bodies, "",
        ].join("\n"));
        fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({
            compilerOptions: {
                strict: true, noEmit: true, target: "es2020", module: "commonjs", moduleResolution: "node", skipLibCheck: true, types: [],
                typeRoots: [], baseUrl: repoRoot, paths: { "*": [path.join(repoRoot, "node_modules", "*")] },
            },
            files: ["index.ts"],
        }));
        const tsc = require.resolve("typescript-5/bin/tsc", { paths: [repoRoot] });
        const run = spawnSync(process.execPath, [tsc, "-p", dir], { encoding: "utf8", timeout: 170_000 });
        assert.strictEqual(run.status, 0, `${run.stdout}${run.stderr}`);
    });

    for (const rule of allRules) {
        describe(rule.id, () => {
            const entry = examples[rule.id];
            const types = new Set(ruleTypes(rule));

            it("names the rule's types, as the SDK spells them", () => {
                assert.ok(entry, `no snippets for ${rule.id}`);
                for (const example of [entry.violating, entry.compliant]) {
                    assert.ok(example.resources.some((resource) => types.has(resource.type)), `${rule.id}: no resource of a type the rule checks`);
                    if (!isStackRule(rule)) {
                        for (const resource of example.resources) assert.ok(types.has(resource.type), `${resource.type} is not a type ${rule.id} checks`);
                    }
                    for (const resource of example.resources) {
                        assert.strictEqual(sdkToken(resource.type), resource.type, `${className(resource.type)} is not ${resource.type} in the SDK`);
                        assert.ok(renderExample(example).includes(`new ${className(resource.type)}(${JSON.stringify(resource.name)}`));
                    }
                }
            });

            it("the violating snippet is reported, against a resource of a type the rule checks", () => {
                const verdict = judge(rule, entry.violating);
                assert.ok(verdict.reported.length > 0, `${rule.id} does not report its violating snippet: ${JSON.stringify(verdict)}`);
                for (const urn of verdict.reported) {
                    assert.ok([...types].some((type) => urn.includes(`::${type}::`)), `${rule.id} reported ${urn}`);
                }
            });

            it("the compliant snippet passes", () => {
                assert.deepStrictEqual(judge(rule, entry.compliant), { reported: [] });
            });
        });
    }
});
