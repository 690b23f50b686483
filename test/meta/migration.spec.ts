// docs/migrating-from-compliance-policies.md maps compliance-policies policies to our rules: every
// rule id it names must be a current rule (not a former id, not a typo).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";

const doc = fs.readFileSync(path.join(repoRoot, "docs", "migrating-from-compliance-policies.md"), "utf8");
const ids = new Set(allRules.map((rule) => rule.id));

describe("meta: the migration table from compliance-policies", () => {
    const rows = doc.split("\n").filter((line) => line.startsWith("| `"));

    it("has a row per mapped policy, each naming our rules or saying none", () => {
        assert.ok(rows.length >= 8, `expected the table rows, found ${rows.length}`);
        for (const row of rows) {
            const ours = row.split(" | ")[2];
            assert.ok(ours !== undefined && (/`/.test(ours) || ours.trim() === "none yet"), `no snapshot-guard column in: ${row}`);
        }
    });

    it("names only rule ids that exist", () => {
        const named = rows.flatMap((row) => [...row.split(" | ")[2].matchAll(/`([^`]+)`/g)].map((match) => match[1]));
        assert.ok(named.length > 0);
        assert.deepStrictEqual(named.filter((id) => !ids.has(id)), []);
    });

    it("names only existing rules in its prose too", () => {
        const mentioned = [...doc.matchAll(/`((?:aws|azure|gcp)-[a-z0-9-]+)`/g)].map((match) => match[1])
            .filter((id) => id !== "aws-native" && !/^(aws|azure)-(ebs|ec2|rds)-|^awsnative-|^azurenative-/.test(id));
        assert.deepStrictEqual([...new Set(mentioned)].filter((id) => !ids.has(id)), []);
    });
});
