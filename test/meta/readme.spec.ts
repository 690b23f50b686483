import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { COVERAGE_END, COVERAGE_START, renderRuleCount, renderRuleTable, RULES_END, RULES_START, withRuleTable } from "../../cli/rule-table";
import { ruleTypes } from "../../core/rule";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";

const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");

describe("meta: README", () => {
    it("lists exactly the rules in policies/index.ts (run `npm run readme` after changing rules)", () => {
        assert.strictEqual(readme, withRuleTable(readme, allRules));
    });

    it("has one row per rule", () => {
        const section = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
        for (const rule of allRules) {
            assert.ok(section.includes(`[\`${rule.id}\`]`), `${rule.id} missing from the README`);
        }
        assert.strictEqual(renderRuleTable(allRules).split("\n").length, allRules.length + 2);
    });

    it("states the rule count from the rule list (generated), per cloud", () => {
        const section = readme.slice(readme.indexOf(RULES_START), readme.indexOf(RULES_END));
        assert.ok(section.includes(`\n${allRules.length} rules: `), "the rules section does not start with the rule count");
        assert.ok(section.includes(renderRuleCount(allRules)));
        const perCloud = ["aws", "azure", "gcp"].map((cloud) => allRules.filter((rule) => rule.cloud === cloud).length);
        assert.match(renderRuleCount(allRules), new RegExp(`${perCloud[0]} for AWS, ${perCloud[1]} for Azure, ${perCloud[2]} for Google Cloud`));
    });

    it("counts rules only in generated text: no hand-written '<n> rules' that a new rule would leave stale", () => {
        // Benchmark figures (Performance) record the rule count of the run that measured them.
        let prose = readme;
        for (const [start, end] of [[RULES_START, RULES_END], [COVERAGE_START, COVERAGE_END], ["\n## Performance\n", "\n## "]]) {
            const from = prose.indexOf(start);
            const to = prose.indexOf(end, from + start.length);
            assert.ok(from >= 0 && to > from, `README.md has no ${start.trim()} section`);
            prose = prose.slice(0, from) + prose.slice(to);
        }
        const counts = prose.split("\n").filter((line) => /\b[0-9]+ (rules|policies)\b/.test(line));
        assert.deepStrictEqual(counts, [], "write the count through `npm run readme` (cli/rule-table.ts) or leave it out");
    });

    it("maps every type token of every provider to the rules that check it (the coverage table)", () => {
        const section = readme.slice(readme.indexOf(COVERAGE_START), readme.indexOf(COVERAGE_END));
        for (const pkg of ["@pulumi/aws", "@pulumi/aws-native", "@pulumi/azure-native", "@pulumi/azure", "@pulumi/gcp"]) {
            assert.ok(section.includes(`<code>${pkg}</code>`), `${pkg} missing from the coverage table`);
        }
        for (const rule of allRules) {
            for (const token of ruleTypes(rule)) {
                const row = section.split("\n").find((line) => line.startsWith(`| \`${token}\` |`));
                assert.ok(row?.includes(`\`${rule.id}\``), `${token} → ${rule.id} missing from the coverage table`);
            }
        }
    });

    it("gives a test command that CI runs", () => {
        assert.match(readme, /npm test/);
        const ci = fs.readFileSync(path.join(repoRoot, ".ci/run"), "utf8");
        assert.match(ci, /npm ci/);
        assert.match(ci, /npm test/);
    });
});
