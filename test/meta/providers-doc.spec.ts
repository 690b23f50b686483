// docs/providers.md maps every @pulumi/aws and @pulumi/azure-native type a rule reads to its
// aws-native or classic azure counterpart (or says why there is none). The table is written by hand;
// these checks keep it in step with the rule list.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { isStackRule, ruleTypes } from "../../core/rule";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";

interface Row { rule: string; type: string; counterparts: string[] }

function rows(): Row[] {
    const text = fs.readFileSync(path.join(repoRoot, "docs", "providers.md"), "utf8");
    const found: Row[] = [];
    for (const line of text.split("\n")) {
        const cells = /^\|\s*`([a-z0-9-]+)`\s*\|\s*`([^`]+)`\s*\|([^|]*)\|/.exec(line);
        if (!cells) continue;
        found.push({ rule: cells[1], type: cells[2], counterparts: [...cells[3].matchAll(/`([^`]+)`/g)].map((match) => match[1]) });
    }
    return found;
}

const bases = [["aws:", "aws-native:"], ["azure-native:", "azure:"]] as const;

describe("meta: docs/providers.md", () => {
    it("lists every @pulumi/aws and @pulumi/azure-native type of every rule", () => {
        const listed = new Set(rows().map((row) => `${row.rule} ${row.type}`));
        const missing = allRules.flatMap((rule) => ruleTypes(rule)
            .filter((type) => bases.some(([base]) => type.startsWith(base)))
            .map((type) => `${rule.id} ${type}`))
            .filter((key) => !listed.has(key));
        assert.deepStrictEqual(missing, []);
    });

    it("names every aws-native and classic azure type of every rule as a counterpart in that rule's rows", () => {
        const table = rows();
        const missing = allRules.flatMap((rule) => ruleTypes(rule)
            .filter((type) => bases.some(([, other]) => type.startsWith(other)))
            .filter((type) => !table.some((row) => row.rule === rule.id && row.counterparts.includes(type)))
            .map((type) => `${rule.id} ${type}`));
        assert.deepStrictEqual(missing, []);
    });

    it("names as counterparts of a resource rule only types the rule checks", () => {
        const wrong = rows().flatMap((row) => {
            const rule = allRules.find((candidate) => candidate.id === row.rule);
            assert.ok(rule, `docs/providers.md names an unknown rule ${row.rule}`);
            if (isStackRule(rule)) return []; // stack rules also read joined types they do not report on
            return row.counterparts.filter((token) => /^(aws-native|azure):/.test(token) && !ruleTypes(rule).includes(token))
                .map((token) => `${row.rule} ${token}`);
        });
        assert.deepStrictEqual(wrong, []);
    });
});
