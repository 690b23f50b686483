// Every program in examples/ is recorded and scanned: insecure ones give exactly the findings in
// their expected-findings.json (one entry per finding: a rule that finds two problems on one
// resource is listed twice), compliant ones none. The e2e suite checks the same files under the real
// Pulumi engine.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";
import { cli } from "./helpers";
import { ruleTypes } from "../../core/rule";

const examplesDir = path.join(repoRoot, "examples");
const examples = fs.readdirSync(examplesDir).filter((name) => fs.existsSync(path.join(examplesDir, name, "Pulumi.yaml"))).sort();

/** Examples of the other providers for the same resources, by the type-token prefix they use. */
const providers: Record<string, string> = { "aws-native": "aws-native:", "azure-classic": "azure:" };

interface Expected {
    findings: { rule: string; resource: string }[];
    policyPackConfig?: string;
}

describe("examples", function () {
    this.timeout(180_000);

    it("has an insecure and a compliant program per cloud, each with Pulumi.yaml, index.ts and a README", () => {
        for (const cloud of ["aws", "azure", "gcp", ...Object.keys(providers)]) {
            for (const kind of ["insecure", "compliant"]) assert.ok(examples.includes(`${cloud}-${kind}`), `${cloud}-${kind} is missing`);
        }
        for (const name of examples) {
            for (const file of ["Pulumi.yaml", "index.ts", "README.md", "expected-findings.json"]) {
                assert.ok(fs.existsSync(path.join(examplesDir, name, file)), `${name}/${file} is missing`);
            }
        }
    });

    for (const name of examples) {
        it(`${name} gives exactly its expected findings`, () => {
            const expected = JSON.parse(fs.readFileSync(path.join(examplesDir, name, "expected-findings.json"), "utf8")) as Expected;
            const args = ["scan", path.join("examples", name), "--format", "json"];
            if (expected.policyPackConfig) args.push("--policy-pack-config", path.join("examples", name, expected.policyPackConfig));
            const run = cli(args);
            assert.strictEqual(run.status, expected.findings.length > 0 ? 1 : 0, run.stderr);
            const found = (JSON.parse(run.stdout).findings as { policy: string; name: string }[])
                .map((finding) => `${finding.policy} ${finding.name}`).sort();
            assert.deepStrictEqual(found, expected.findings.map((finding) => `${finding.rule} ${finding.resource}`).sort());
            if (name.endsWith("-compliant")) assert.deepStrictEqual(found, []);
        });
    }

    const { allRules } = require("../../policies") as typeof import("../../policies");
    const { stackRules } = require("../../policies/stack") as typeof import("../../policies/stack");
    const exercised = (cloud: string) => new Set((JSON.parse(fs.readFileSync(path.join(examplesDir, `${cloud}-insecure`, "expected-findings.json"), "utf8")) as Expected)
        .findings.map((finding) => finding.rule));

    it("the insecure examples exercise every exposure, encryption and lifecycle rule of their cloud, stack rules included", () => {
        for (const cloud of ["aws", "azure", "gcp"]) {
            const hit = exercised(cloud);
            const missing = allRules.filter((rule) => rule.cloud === cloud && rule.category !== "hardening" && !hit.has(rule.id)).map((rule) => rule.id);
            assert.deepStrictEqual(missing, [], `${cloud}-insecure does not exercise these rules`);
        }
    });

    it("the insecure examples exercise every cross-resource (stack) rule of their cloud", () => {
        for (const cloud of ["aws", "azure", "gcp"]) {
            const ofCloud = stackRules.filter((rule) => rule.cloud === cloud);
            assert.ok(ofCloud.length > 0, `no stack rules for ${cloud}`);
            const hit = exercised(cloud);
            assert.deepStrictEqual(ofCloud.filter((rule) => !hit.has(rule.id)).map((rule) => rule.id), [], `${cloud}-insecure does not exercise these stack rules`);
        }
    });

    it("the insecure examples exercise the advisory hardening rules of their cloud too", () => {
        for (const cloud of ["aws", "azure", "gcp"]) {
            const hit = exercised(cloud);
            const missing = allRules.filter((rule) => rule.cloud === cloud && rule.category === "hardening" && !hit.has(rule.id)).map((rule) => rule.id);
            assert.deepStrictEqual(missing, [], `${cloud}-insecure does not exercise these hardening rules`);
        }
    });

    it("each insecure README lists every rule of its cloud with exactly the resources that break it", () => {
        for (const cloud of ["aws", "azure", "gcp"]) {
            const dir = path.join(examplesDir, `${cloud}-insecure`);
            const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected-findings.json"), "utf8")) as Expected;
            const want = new Map<string, string[]>();
            for (const finding of expected.findings) {
                const resources = want.get(finding.rule) ?? [];
                if (!resources.includes(finding.resource)) want.set(finding.rule, [...resources, finding.resource]);
            }
            // Table rows: | `rule-id` … | … | … | `resource`, `resource` |
            const listed = new Map<string, string[]>();
            for (const line of fs.readFileSync(path.join(dir, "README.md"), "utf8").split("\n")) {
                const row = /^\|\s*`([a-z0-9-]+)`[^|]*\|.*\|([^|]*)\|\s*$/.exec(line);
                if (row) listed.set(row[1], [...row[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
            }
            const rules = allRules.filter((rule) => rule.cloud === cloud).map((rule) => rule.id).sort();
            assert.deepStrictEqual([...listed.keys()].sort(), rules, `${cloud}-insecure/README.md does not list exactly the ${cloud} rules`);
            for (const rule of rules) {
                assert.deepStrictEqual((listed.get(rule) ?? []).sort(), (want.get(rule) ?? []).sort(), `${cloud}-insecure/README.md: resources for ${rule}`);
            }
        }
    });

    for (const [example, prefix] of Object.entries(providers)) {
        // Resource rules with a target of the provider, and stack rules that read its types.
        const ofProvider = () => allRules.filter((rule) => ruleTypes(rule).some((type) => type.startsWith(prefix)));

        it(`${example}-insecure exercises every rule that reads ${prefix} types, stack rules included, and its README maps exactly those rules to the resources`, () => {
            const rules = ofProvider().map((rule) => rule.id).sort();
            assert.ok(rules.length > 0, `no rule has a ${prefix} target`);
            const dir = path.join(examplesDir, `${example}-insecure`);
            const expected = JSON.parse(fs.readFileSync(path.join(dir, "expected-findings.json"), "utf8")) as Expected;
            assert.deepStrictEqual([...new Set(expected.findings.map((finding) => finding.rule))].sort(), rules);
            const listed = new Map<string, string[]>();
            for (const line of fs.readFileSync(path.join(dir, "README.md"), "utf8").split("\n")) {
                const row = /^\|\s*`([a-z0-9-]+)`[^|]*\|.*\|([^|]*)\|\s*$/.exec(line);
                if (row) listed.set(row[1], [...row[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
            }
            assert.deepStrictEqual([...listed.keys()].sort(), rules, `${example}-insecure/README.md does not list exactly these rules`);
            for (const rule of rules) {
                const want = expected.findings.filter((finding) => finding.rule === rule).map((finding) => finding.resource).sort();
                assert.deepStrictEqual((listed.get(rule) ?? []).sort(), want, `${example}-insecure/README.md: resources for ${rule}`);
            }
        });

        it(`${example} examples only create ${prefix} resources`, () => {
            for (const kind of ["insecure", "compliant"]) {
                const source = fs.readFileSync(path.join(examplesDir, `${example}-${kind}`, "index.ts"), "utf8");
                const imports = [...source.matchAll(/from "(@pulumi\/[a-z-]+)"/g)].map((match) => match[1]);
                assert.deepStrictEqual(imports, [prefix === "azure:" ? "@pulumi/azure" : "@pulumi/aws-native"], `${example}-${kind} imports`);
            }
        });
    }

    it("npm run demo prints one line per rule with the resources it flags, and checks the expected findings", () => {
        const run = spawnSync(process.execPath, [path.join(examplesDir, "demo.js"), "aws-insecure", "aws-compliant"], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(run.status, 0, `${run.stdout}${run.stderr}`);
        assert.match(run.stdout, /\$ snapshot-guard scan examples\/aws-insecure\n {2}blocked \(exit 1\): \d+ mandatory and \d+ advisory findings/);
        assert.match(run.stdout, /\$ snapshot-guard scan examples\/aws-compliant --policy-pack-config \S+\n {2}passes \(exit 0\): 0 mandatory and 0 advisory findings/);
        assert.match(run.stdout, /^ {2}mandatory {2}aws-images-not-public +ami-guardrail, golden-copy-partner, golden-partner, golden-public$/m);
        assert.match(run.stdout, /All examples behave as expected/);
        assert.ok(!run.stdout.includes("!!"), run.stdout);
    });

    it("every example type-checks against the installed provider SDKs", () => {
        const tsc = path.join(repoRoot, "node_modules", "typescript-5", "bin", "tsc");
        const files = examples.map((name) => path.join("examples", name, "index.ts"));
        const run = spawnSync(process.execPath, [tsc, "--noEmit", "--strict", "--target", "ES2020", "--module", "commonjs", "--moduleResolution", "node",
            "--esModuleInterop", "--skipLibCheck", "--types", "node", ...files], { cwd: repoRoot, encoding: "utf8" });
        assert.strictEqual(run.status, 0, `${run.stdout}${run.stderr}`);
    });
});
