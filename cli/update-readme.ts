// `npm run readme`: rewrites the rule count, the rule list and the coverage table in README.md from allRules.
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../policies";
import { withRuleTable } from "./rule-table";

const readmePath = path.resolve(__dirname, "../../README.md");
try {
    fs.writeFileSync(readmePath, withRuleTable(fs.readFileSync(readmePath, "utf8"), allRules));
    console.error(`updated the rule list in ${readmePath}`);
} catch (error) {
    console.error(`snapshot-guard: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
}
