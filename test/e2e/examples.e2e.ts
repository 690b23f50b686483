// Every example program under the real Pulumi engine: `pulumi preview --policy-pack <pack>` exits as
// its findings say, the engine's policy events are exactly the expected findings with their levels,
// and `snapshot-guard scan` of the same program reports exactly what the engine reports.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { cli } from "../cli/helpers";
import { cliFindings, examplePrograms, multiset, policyFindings, workspace, type EngineFinding } from "./engine";
import { byResourceName, expectedExit, expectedFindings, expectedMultiset } from "./expected";

describe("e2e: examples under pulumi preview", function () {
    this.timeout(600_000);

    for (const programDir of examplePrograms()) {
        const name = path.basename(programDir);
        describe(name, () => {
            const expected = expectedFindings(programDir);
            let engine: EngineFinding[] = [];

            it(`pulumi preview exits ${expectedExit(expected)} and reports exactly the expected findings`, () => {
                const project = workspace(programDir);
                const run = project.preview({ config: expected.config });
                engine = policyFindings(run.events);
                assert.ok(run.events.some((event) => event.policyLoadEvent !== undefined || event.summaryEvent !== undefined),
                    `no engine events: ${run.stderr}`);
                assert.strictEqual(run.status, expectedExit(expected), `${run.stdout}\n${run.stderr}`);
                assert.deepStrictEqual(byResourceName(engine), expectedMultiset(expected));
                if (name.endsWith("-compliant")) assert.deepStrictEqual(engine, []);
            });

            it("snapshot-guard scan reports exactly what the engine reports (rule, URN, level)", function () {
                if (engine.length === 0 && expected.findings.length > 0) this.skip();
                const args = ["scan", programDir, "--format", "json", ...(expected.config ? ["--policy-pack-config", expected.config] : [])];
                const run = cli(args);
                assert.deepStrictEqual(multiset(cliFindings(run.stdout)), multiset(engine));
            });
        });
    }

    it("covers every example program", () => {
        const names = examplePrograms().map((dir) => path.basename(dir));
        for (const cloud of ["aws", "azure", "gcp"]) {
            assert.ok(names.includes(`${cloud}-insecure`) && names.includes(`${cloud}-compliant`), `${cloud} examples missing`);
        }
        for (const dir of examplePrograms()) assert.ok(fs.existsSync(path.join(dir, "expected-findings.json")), dir);
    });
});
