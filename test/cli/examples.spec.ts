// Every program in examples/ is recorded and scanned: insecure ones give exactly the findings in
// their expected-findings.json, compliant ones none.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";
import { cli } from "./helpers";

const examplesDir = path.join(repoRoot, "examples");
const examples = fs.readdirSync(examplesDir).filter((name) => fs.existsSync(path.join(examplesDir, name, "Pulumi.yaml"))).sort();

interface Expected {
    findings: { rule: string; resource: string }[];
    policyPackConfig?: string;
}

describe("examples", function () {
    this.timeout(180_000);

    it("has an insecure and a compliant program per cloud, each with Pulumi.yaml, index.ts and a README", () => {
        for (const cloud of ["aws", "azure", "gcp"]) {
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
            const found = [...new Set((JSON.parse(run.stdout).findings as { policy: string; name: string }[])
                .map((finding) => `${finding.policy} ${finding.name}`))].sort();
            assert.deepStrictEqual(found, expected.findings.map((finding) => `${finding.rule} ${finding.resource}`).sort());
            if (name.endsWith("-compliant")) assert.deepStrictEqual(found, []);
        });
    }

    it("the insecure examples exercise every exposure, encryption and lifecycle rule of their cloud", () => {
        const { allRules } = require("../../policies") as typeof import("../../policies");
        for (const cloud of ["aws", "azure", "gcp"]) {
            const expected = JSON.parse(fs.readFileSync(path.join(examplesDir, `${cloud}-insecure`, "expected-findings.json"), "utf8")) as Expected;
            const hit = new Set(expected.findings.map((finding) => finding.rule));
            const missing = allRules.filter((rule) => rule.cloud === cloud && rule.category !== "hardening" && !hit.has(rule.id)).map((rule) => rule.id);
            assert.deepStrictEqual(missing, [], `${cloud}-insecure does not exercise these rules`);
        }
    });
});
