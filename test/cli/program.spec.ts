// `scan <program dir>`: the program runs under @pulumi/pulumi mocks in preview mode; every
// registration is scanned through the spawned pack.
import * as assert from "assert";
import * as path from "path";
import * as fs from "fs";
import { parseConfigOverrides, readProjectFile } from "../../cli/program/project";
import { defaultProviderName } from "../../cli/program/recorder";
import { CliError } from "../../cli/errors";
import { sarifProblems } from "./sarif-check";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const MIXED = path.join("test", "cli", "fixtures", "programs", "mixed");
/** The rules the mixed program exercises; pinned so its exact findings do not move as rules are added. */
const pinned = ["--policy-pack-config", path.join("test", "cli", "fixtures", "mixed-rules.json")];
const snapshotUrn = "urn:pulumi:dev::mixed::aws:ebs/snapshot:Snapshot::data-backup";

interface Json {
    findings: { policy: string; name: string; urn: string; level: string }[];
    checks: { name: string; policy: string; outcome: string; reason?: string }[];
    summary: { resources: number };
}

describe("cli: program helpers", () => {
    it("reads the project name and runtime from Pulumi.yaml", () => {
        assert.deepStrictEqual(readProjectFile(path.join(fixtures, "programs", "mixed")), { name: "mixed", main: undefined, runtime: "nodejs" });
        assert.strictEqual(readProjectFile(path.join(fixtures, "programs", "python")).runtime, "python");
    });

    it("reads Pulumi.yaml as strictly as the Pulumi CLI: an unquoted `: ` in a value is an error with its line", () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\ndescription: example: broken\n");
        assert.throws(() => readProjectFile(dir), (error: Error) => error instanceof CliError && /Pulumi\.yaml is not valid YAML: .*line 3/.test(error.message));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: \"example: fixed\"\n");
        assert.deepStrictEqual(readProjectFile(dir), { name: "p", main: undefined, runtime: "nodejs" });
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "- name\n");
        assert.throws(() => readProjectFile(dir), /not a Pulumi project file/);
    });

    it("names default providers as the engine does", () => {
        assert.strictEqual(defaultProviderName("7.48.0"), "default_7_48_0");
        assert.strictEqual(defaultProviderName("3.28.0-alpha.1+build5"), "default_3_28_0_alpha_1_build5");
        assert.strictEqual(defaultProviderName(""), "default");
    });

    it("namespaces --config keys with the project unless they carry one", () => {
        assert.deepStrictEqual(parseConfigOverrides(["encrypt=true", "aws:region=eu-west-1", "x=a=b"], "p"),
            { "p:encrypt": "true", "aws:region": "eu-west-1", "p:x": "a=b" });
        assert.throws(() => parseConfigOverrides(["novalue"], "p"), CliError);
    });
});

describe("cli: scan <program dir>", function () {
    this.timeout(120_000);

    it("records every registration and scans it: violations, passes, deferrals", () => {
        const run = cli(["scan", MIXED, "--format", "json", "--checks", ...pinned]);
        assert.strictEqual(run.status, 1, run.stderr);
        const json = JSON.parse(run.stdout) as Json;
        assert.deepStrictEqual(json.findings.map((finding) => `${finding.policy} ${finding.name}`).sort(),
            ["aws-images-not-public public-ami", "aws-snapshots-from-encrypted-sources data-backup", "aws-volumes-encrypted data"]);
        // the default aws provider, the key, three volumes, the launch permission, the snapshot (not the stack)
        assert.strictEqual(json.summary.resources, 7);
        // the stack rule ran through AnalyzeStack in preview (volumeId unknown) and names the snapshot
        const snapshot = json.findings.find((finding) => finding.policy === "aws-snapshots-from-encrypted-sources")!;
        assert.deepStrictEqual([snapshot.urn, snapshot.level], [snapshotUrn, "mandatory"]);
        const outcome = (name: string) => json.checks.find((check) => check.name === name && check.policy === "aws-volumes-encrypted");
        assert.strictEqual(outcome("encrypted")?.outcome, "passed");
        assert.strictEqual(outcome("later")?.outcome, "skipped");
        assert.match(outcome("later")?.reason ?? "", /deferred until deploy/);
        const ami = json.findings.find((finding) => finding.name === "public-ami")!;
        assert.strictEqual(ami.urn, "urn:pulumi:dev::mixed::aws:ebs/volume:Volume$aws:ec2/amiLaunchPermission:AmiLaunchPermission::public-ami");
    });

    it("keeps the program's console output off stdout and never prints secrets", () => {
        const run = cli(["scan", MIXED]);
        assert.strictEqual(run.status, 1);
        assert.doesNotMatch(run.stdout, /program output/);
        assert.match(run.stderr, /program output goes to stderr/);
        assert.doesNotMatch(run.stdout + run.stderr, /SECRETMARKER/);
    });

    it("sets stack config with --config", () => {
        const run = cli(["scan", MIXED, "--format", "json", "--config", "encrypt=true", ...pinned]);
        assert.strictEqual(run.status, 1, run.stderr);
        // the volume is encrypted now, and so the snapshot of it is no longer reported either
        assert.deepStrictEqual((JSON.parse(run.stdout) as Json).findings.map((finding) => finding.name), ["public-ami"]);
    });

    it("every rule at its default level: the pinned findings among the rest, all on recorded resources", () => {
        const run = cli(["scan", MIXED, "--format", "json"]);
        assert.strictEqual(run.status, 1, run.stderr);
        const json = JSON.parse(run.stdout) as Json;
        const all = json.findings.map((finding) => `${finding.policy} ${finding.name}`);
        for (const pair of ["aws-images-not-public public-ami", "aws-snapshots-from-encrypted-sources data-backup", "aws-volumes-encrypted data"]) {
            assert.ok(all.includes(pair), `${pair} in ${all.join(", ")}`);
        }
        assert.ok(json.findings.every((finding) => finding.urn.startsWith("urn:pulumi:dev::mixed::")), all.join(", "));
        assert.strictEqual(json.findings.filter((finding) => finding.policy === "aws-volumes-encrypted").length, 1);
    });

    it("SARIF points at the program's index.ts", () => {
        const run = cli(["scan", MIXED, "--format", "sarif", ...pinned]);
        const log = JSON.parse(run.stdout);
        assert.deepStrictEqual(sarifProblems(log), []);
        assert.strictEqual(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, `${MIXED.split(path.sep).join("/")}/index.ts`);
    });

    for (const [name, args, pattern] of [
        ["a directory that is not a Pulumi project", ["scan", path.join("test", "cli")], /is not a Pulumi project \(no Pulumi\.yaml\)/],
        ["a program in another language", ["scan", path.join("test", "cli", "fixtures", "programs", "python")], /is a python program/],
        ["a program that throws", ["scan", path.join("test", "cli", "fixtures", "programs", "broken")], /the program in .* failed: the program cannot find its settings/],
        ["a program whose dependencies are not installed", ["scan", path.join("test", "cli", "fixtures", "programs", "missing-dependency")],
            /failed: Cannot find module '@pulumi\/not-installed'.* \(install the program's dependencies: npm install in /],
        ["a malformed --config", ["scan", MIXED, "--config", "encrypt"], /--config takes KEY=VALUE/],
        ["--config with a stack export", ["scan", path.join("test", "cli", "fixtures", "stack-export.json"), "--config", "a=b"], /--config and --stack apply to a program directory/],
        ["--stack with a stack export", ["scan", path.join("test", "cli", "fixtures", "stack-export.json"), "--stack", "prod"], /--config and --stack apply to a program directory/],
        ["a --timeout that is not a number of seconds", ["scan", MIXED, "--timeout", "soon"], /--timeout takes a number of seconds/],
    ] as const) {
        it(`exits 2 on ${name}`, () => {
            const run = cli([...args]);
            assert.strictEqual(run.status, 2, run.stderr);
            const errorLines = run.stderr.trim().split("\n").filter((line) => line.startsWith("snapshot-guard scan: "));
            assert.strictEqual(errorLines.length, 1, run.stderr);
            assertOneLineError({ ...run, stderr: `${errorLines[0]}\n` }, pattern);
            assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
        });
    }
});
