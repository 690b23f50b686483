// Rule ids are public API: they are the keys of every adopter's policy config. An id that has
// shipped (test/meta/rule-ids.json) may be renamed, never dropped: it stays as an alias.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";

const shipped: string[] = JSON.parse(fs.readFileSync(path.join(repoRoot, "test", "meta", "rule-ids.json"), "utf8")).ids;

describe("meta: rule ids are stable", () => {
    const current = new Set(allRules.map((rule) => rule.id));
    const aliases = allRules.flatMap((rule) => rule.aliases ?? []);

    it("keeps every id that has shipped, as a rule or as an alias of one", () => {
        const gone = shipped.filter((id) => !current.has(id) && !aliases.includes(id));
        assert.deepStrictEqual(gone, [], "a shipped id disappeared: add it to the renamed rule's `aliases`");
    });

    it("never reuses an alias, as a rule id or as an alias of two rules", () => {
        assert.deepStrictEqual(aliases.filter((alias) => current.has(alias)), []);
        assert.deepStrictEqual(aliases.filter((alias, index) => aliases.indexOf(alias) !== index), []);
    });

    it("lists every current id and alias in the ledger", () => {
        const missing = [...current, ...aliases].filter((id) => !shipped.includes(id));
        assert.deepStrictEqual(missing, [], "add new ids to test/meta/rule-ids.json (the ledger of shipped ids)");
    });
});
