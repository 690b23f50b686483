// `scan <program dir>` on the shapes real programs take: data sources whose results are unknown
// until deploy, ES module layouts, stack config and secrets, programs that do not finish cleanly,
// and the source line of every finding.
import * as assert from "assert";
import * as path from "path";
import { cli, assertOneLineError, type CliRun } from "./helpers";

const programs = path.join("test", "cli", "fixtures", "programs");
const program = (name: string) => path.join(programs, name);

interface Finding {
    policy: string;
    name: string;
    level: string;
    location?: { file: string; line: number; column?: number };
}
interface Json {
    findings: Finding[];
    checks: { name: string; policy: string; outcome: string; reason?: string }[];
    summary: { resources: number };
}

function json(run: CliRun): Json {
    assert.ok(run.stdout.length > 0, `a result on stdout (status ${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout) as Json;
}

const mandatory = (result: Json) => result.findings.filter((finding) => finding.level === "mandatory").map((finding) => `${finding.policy} ${finding.name}`).sort();
const outcome = (result: Json, name: string, policy: string) => result.checks.find((check) => check.name === name && check.policy === policy);

/** The program's error line among its own output on stderr. */
function errorLine(run: CliRun): CliRun {
    const lines = run.stderr.trim().split("\n").filter((line) => line.startsWith("snapshot-guard scan: "));
    assert.strictEqual(lines.length, 1, run.stderr);
    return { ...run, stderr: `${lines[0]}\n` };
}

describe("cli: scan of programs as people write them", function () {
    this.timeout(120_000);

    describe("data sources are unknown until deploy", () => {
        let result: Json;
        before(() => {
            const run = cli(["scan", program("data-sources"), "--format", "json", "--checks"]);
            assert.strictEqual(run.status, 1, run.stderr);
            result = json(run);
        });

        it("the program runs to the end: promise and Output forms, lists, slices, maps, loops and JSON of invoke results", () => {
            // the aws and gcp default providers, plain, keyed, shared, copy, one per-zone volume,
            // boot, and the snapshot declared in an apply of an Output-form data source
            assert.strictEqual(result.summary.resources, 9);
            assert.ok(result.findings.some((finding) => finding.name === "per-zone-(unknown)"), "the loop over an unknown list declared its volume");
            assert.strictEqual(outcome(result, "zone-backup-(unknown)", "aws-snapshots-expire")?.outcome, "passed", "the apply callback ran");
        });

        it("what is known is still judged; what derives from a data source defers", () => {
            assert.deepStrictEqual(mandatory(result), [
                "aws-snapshots-expire copy",
                "aws-volumes-encrypted per-zone-(unknown)",
                "aws-volumes-encrypted plain",
            ]);
            assert.strictEqual(outcome(result, "keyed", "aws-volumes-encrypted")?.outcome, "passed");
            const shared = outcome(result, "shared", "aws-images-not-public");
            assert.strictEqual(shared?.outcome, "skipped");
            assert.match(shared?.reason ?? "", /deferred until deploy: accountId is unknown during preview/);
        });
    });

    it("an ES module program: Pulumi.yaml main names a directory, imports name ./x.js for ./x.ts", () => {
        const result = json(cli(["scan", program("esm"), "--format", "json"]));
        assert.deepStrictEqual(mandatory(result), [
            "aws-snapshots-expire esm-backup", "aws-snapshots-from-encrypted-sources esm-backup", "aws-volumes-encrypted esm-data",
        ]);
        const located = (name: string) => result.findings.find((finding) => finding.name === name)?.location;
        assert.deepStrictEqual(located("esm-data"), { file: `${programs.split(path.sep).join("/")}/esm/src/index.ts`, line: 6, column: 16 });
        assert.deepStrictEqual(located("esm-backup"), { file: `${programs.split(path.sep).join("/")}/esm/src/storage.ts`, line: 5, column: 12 });
    });

    describe("stack config", () => {
        const scan = (...args: string[]) => cli(["scan", program("stack-config"), "--format", "json", ...args]);

        it("reads Pulumi.dev.yaml by default, on top of Pulumi.yaml defaults", () => {
            const run = scan();
            assert.strictEqual(run.status, 1, run.stderr);
            assert.deepStrictEqual(mandatory(json(run)), ["aws-databases-encrypted db", "aws-volumes-encrypted data"]);
        });

        it("--stack picks the stack file; --config overrides it", () => {
            const prod = scan("--stack", "prod");
            assert.strictEqual(prod.status, 0, prod.stderr);
            assert.deepStrictEqual(mandatory(json(prod)), []);
            const overridden = scan("--stack", "prod", "--config", "encrypt=false");
            assert.deepStrictEqual(mandatory(json(overridden)), ["aws-databases-encrypted db", "aws-volumes-encrypted data"]);
        });

        it("secure values are secret unknowns: never decrypted, never printed", () => {
            for (const format of ["json", "text", "sarif", "junit", "markdown"]) {
                const run = cli(["scan", program("stack-config"), "--stack", "prod", "--format", format]);
                assert.doesNotMatch(run.stdout + run.stderr, /CIPHERTEXT|AAAB/, format);
            }
        });

        it("a required value the stack does not set: exit 2 naming the key and how to pass it", () => {
            assertOneLineError(scan("--stack", "staging"),
                /scan: the program needs config value stack-config:encrypt: pass --config encrypt=VALUE or set it in Pulumi\.staging\.yaml/);
        });

        it("a stack without a config file: exit 2 naming the stacks that have one", () => {
            assertOneLineError(scan("--stack", "qa"), /no Pulumi\.qa\.yaml in .*stack-config \(stack config files: dev, prod, staging\)/);
        });
    });

    describe("programs that do not finish cleanly end in exit 2 with one line", () => {
        for (const [mode, pattern] of [
            ["never-settles", /the program in .*unfinished did not finish: it waits on a promise that never settles$/],
            ["input-never-settles", /did not finish: it waits on a promise that never settles \(\d+ Pulumi operations? still pending/],
            ["exit", /the program in .*unfinished called process\.exit\(0\) before it finished$/],
            ["timer-throws", /the program in .*unfinished failed: thrown from a timer$/],
        ] as const) {
            it(mode, () => {
                const run = cli(["scan", program("unfinished"), "--config", `mode=${mode}`]);
                assert.strictEqual(run.status, 2, run.stderr);
                assert.strictEqual(run.stdout, "");
                assertOneLineError(errorLine(run), pattern);
            });
        }

        it("a timer that keeps the program alive: --timeout bounds the scan", () => {
            const started = Date.now();
            const run = cli(["scan", program("unfinished"), "--config", "mode=interval", "--timeout", "2"]);
            assert.strictEqual(run.status, 2, run.stderr);
            assertOneLineError(errorLine(run), /did not finish within 2 s .*raise --timeout/);
            assert.ok(Date.now() - started < 60_000, "the scan ended long before the test's own timeout");
        });

        it("the same program finishing normally gives its findings", () => {
            const run = cli(["scan", program("unfinished"), "--config", "mode=done", "--format", "json"]);
            assert.strictEqual(run.status, 1, run.stderr);
            assert.deepStrictEqual(mandatory(json(run)), ["aws-volumes-encrypted first"]);
        });
    });

    it("scan --max-length caps Markdown, with a note of what was cut; other formats refuse it", () => {
        const run = cli(["scan", program("data-sources"), "--format", "markdown", "--max-length", "1000"]);
        assert.strictEqual(run.status, 1, run.stderr);
        assert.ok(run.stdout.length <= 1000, `${run.stdout.length} characters`);
        assert.match(run.stdout, /cut|omitted/i);
        assertOneLineError(cli(["scan", program("data-sources"), "--format", "json", "--max-length", "1000"]), /scan: --max-length applies to --format markdown only/);
    });

    it("SARIF of a program scan: results at the declaring line, relative to %SRCROOT%, with the run's project and stack", () => {
        const log = JSON.parse(cli(["scan", program("esm"), "--format", "sarif"]).stdout);
        const run = log.runs[0];
        assert.deepStrictEqual(Object.keys(run.originalUriBaseIds), ["%SRCROOT%"]);
        assert.match(run.originalUriBaseIds["%SRCROOT%"].uri, /^file:\/\/\/.*\/$/);
        assert.match(run.automationDetails.id, /\/esm\/dev\/$/);
        const located = run.results.find((result: any) => result.ruleId === "aws-volumes-encrypted").locations[0].physicalLocation;
        assert.deepStrictEqual(located.artifactLocation, { uri: `${programs.split(path.sep).join("/")}/esm/src/index.ts`, uriBaseId: "%SRCROOT%" });
        assert.strictEqual(located.region.startLine, 6);
    });

    it("every finding on a program resource carries the file and line that declares it", () => {
        const result = json(cli(["scan", program("mixed"), "--format", "json", "--policy-pack-config", path.join("test", "cli", "fixtures", "mixed-rules.json")]));
        const file = `${programs.split(path.sep).join("/")}/mixed/index.ts`;
        assert.deepStrictEqual(result.findings.map((finding) => [finding.name, finding.location?.file, finding.location?.line]).sort(),
            [["data", file, 11], ["data-backup", file, 29], ["public-ami", file, 22]]);
    });
});
