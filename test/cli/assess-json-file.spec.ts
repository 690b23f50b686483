// The assessment.json writer: the document it writes piece by piece parses back to the same value
// (keys whose value is undefined left out, as JSON.stringify does), one line per element of a list of objects.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { writeJsonFile } from "../../cli/assessment/json-file";
import { tempDir } from "./helpers";

describe("cli: assess JSON writer", () => {
    it("round-trips nested objects, lists of objects and of scalars, empty ones, strings that need escaping", () => {
        const document = {
            schema: "x", empty: {}, none: [], numbers: [1, 2.5, -3], nested: { deep: { text: "quote \" newline \n tab \t unicode é ✓" } },
            findings: Array.from({ length: 3000 }, (_, index) => ({ urn: `urn:${index}`, path: index % 2 ? undefined : "a.b", n: index })),
            skipped: undefined, nil: null, flag: false,
        };
        const file = path.join(tempDir(), "out.json");
        writeJsonFile(file, document);
        const text = fs.readFileSync(file, "utf8");
        assert.deepStrictEqual(JSON.parse(text), JSON.parse(JSON.stringify(document)));
        assert.ok(text.includes('\n    {"urn":"urn:1","n":1},\n'), "one line per finding");
        assert.ok(text.endsWith("}\n"));
    });
});
