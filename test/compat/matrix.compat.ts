// The compatibility matrix (`npm run test:compat`): item 1 of the e2e suite (every example under
// `pulumi preview`, exact findings and exit code) across Node.js 20/22/24, the pack as locked here
// and as a published pack installs (tarball, newest dependency releases our ranges allow), and the
// newest Pulumi CLI the module proxy serves and one about a year older. The e2e suite itself is the
// row Node 20 · newest CLI · locked; the rows here cover every other value of each dimension, and
// the published install on every Node.js major.
import * as assert from "assert";
import * as path from "path";
import { examplePrograms, policyFindings, workspace } from "../e2e/engine";
import { byResourceName, expectedExit, expectedFindings, expectedMultiset } from "../e2e/expected";
import { CLI_VERSIONS } from "../e2e/toolchain";
import { installedVersion, nodeBinDir, nodeVersion, packDir, type PackInstall } from "./environments";

interface Row {
    node: number;
    cli: string;
    pack: PackInstall;
}

const rows: Row[] = [
    { node: 22, cli: CLI_VERSIONS.newest, pack: "locked" },
    { node: 24, cli: CLI_VERSIONS.newest, pack: "locked" },
    { node: 20, cli: CLI_VERSIONS.yearOlder, pack: "locked" },
    { node: 20, cli: CLI_VERSIONS.newest, pack: "tarball" },
    { node: 22, cli: CLI_VERSIONS.newest, pack: "tarball" },
    { node: 24, cli: CLI_VERSIONS.yearOlder, pack: "tarball" },
];

const summary: string[] = [];

after(() => {
    process.stderr.write(`\ncompatibility matrix:\n${summary.join("\n")}\n\n`);
});

for (const row of rows) {
    describe(`compat: Node ${row.node} · Pulumi CLI ${row.cli} · pack ${row.pack === "locked" ? "as locked" : "installed from its npm pack tarball"}`, function () {
        this.timeout(900_000);
        let nodeBin = "";
        let pack = "";
        let failures = 0;

        before(() => {
            nodeBin = nodeBinDir(row.node);
            pack = packDir(row.pack, nodeBin);
        });

        afterEach(function () {
            if (this.currentTest?.state === "failed") failures++;
        });

        after(() => {
            if (!pack) return;
            summary.push(`  ${failures === 0 ? "pass" : "FAIL"}  node ${nodeVersion(nodeBin)}  pulumi ${row.cli}  `
                + `@pulumi/pulumi ${installedVersion(pack, "@pulumi/pulumi")}  @pulumi/policy ${installedVersion(pack, "@pulumi/policy")}  (${row.pack})`);
        });

        for (const programDir of examplePrograms()) {
            it(`${path.basename(programDir)}: exit code and exact findings`, () => {
                const expected = expectedFindings(programDir);
                const project = workspace(programDir, { cliVersion: row.cli, nodeBin });
                const run = project.preview({ pack, config: expected.config });
                assert.strictEqual(run.status, expectedExit(expected), `${run.stdout}\n${run.stderr}`);
                assert.deepStrictEqual(byResourceName(policyFindings(run.events)), expectedMultiset(expected));
            });
        }
    });
}
