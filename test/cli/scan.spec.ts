// `scan` of a stack export through the spawned pack: findings, formats, exit codes, secrets.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { decodeStateValue, readStackExport } from "../../cli/stack-export";
import { secret, UNKNOWN } from "../../cli/analyzer-client";
import { CliError } from "../../cli/errors";
import { isStackRule } from "../../core/rule";
import { allRules } from "../../policies";
import { sarifProblems } from "./sarif-check";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const EXPORT = path.join("test", "cli", "fixtures", "stack-export.json");
const exportText = fs.readFileSync(path.join(fixtures, "stack-export.json"), "utf8");
/**
 * The fixture exercises the first five rules (one per requirement and cloud). Most tests pin the
 * rule set to them with this config, so their exact findings and counts do not move each time a
 * rule is added; "every rule at its default level" below runs the whole pack.
 */
const FIVE_RULES = path.join("test", "cli", "fixtures", "five-rules.json");
const fiveRules = JSON.parse(fs.readFileSync(path.join(fixtures, "five-rules.json"), "utf8")) as Record<string, string>;
const pinned = ["--policy-pack-config", FIVE_RULES];

const expected = [
    "aws-db-backups-retained orders-db",
    "aws-images-not-public partner-ami",
    "aws-images-not-public public-ami",
    "aws-volumes-encrypted plain-data",
    "azure-disks-not-exportable export-disk",
    "gcp-iam-not-public public-image",
];

const memo = new Map<string, ReturnType<typeof cli>>();
/** Same arguments, same run: the scans are deterministic, and each one starts the pack. */
function scanOnce(args: string[]) {
    const key = args.join("\u0000");
    if (!memo.has(key)) memo.set(key, cli(args));
    return memo.get(key)!;
}

function pairs(stdout: string): string[] {
    return (JSON.parse(stdout).findings as { policy: string; name: string }[]).map((finding) => `${finding.policy} ${finding.name}`).sort();
}

function writeTemp(name: string, content: string): { dir: string; file: string } {
    const dir = tempDir();
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return { dir, file };
}

describe("cli: reading a stack export", () => {
    it("turns encrypted secrets into secret unknowns and keeps plaintext secrets secret", () => {
        const sig = "4dabf18193072939515e22adb298388d";
        const marker = "1b47061264138c4ac30d75fd1eb44270";
        assert.deepStrictEqual(decodeStateValue({ a: { [sig]: marker, ciphertext: "v1:abc" } }), { a: secret(UNKNOWN) });
        assert.deepStrictEqual(decodeStateValue([{ [sig]: marker, plaintext: "\"key\"" }]), [secret("key")]);
        assert.deepStrictEqual(decodeStateValue({ [sig]: "c44067f5952c0a294b673a41bacd8c17", path: "file.txt" }),
            { [sig]: "c44067f5952c0a294b673a41bacd8c17", path: "file.txt" }, "assets pass through");
    });

    it("copies only the values it changes, so a large export is not held twice", () => {
        const sig = "4dabf18193072939515e22adb298388d";
        const plain = { tags: { team: "data" }, sizes: [1, 2, { deep: true }], encrypted: false };
        assert.strictEqual(decodeStateValue(plain), plain);
        const mixed = JSON.parse(`{"tags": {"team": "data"}, "list": [1, {"${sig}": "1b47061264138c4ac30d75fd1eb44270", "ciphertext": "x"}], "__proto__": {"polluted": true}}`);
        const decoded = decodeStateValue(mixed) as Record<string, any>;
        assert.notStrictEqual(decoded, mixed);
        assert.strictEqual(decoded.tags, mixed.tags, "an unchanged branch is shared");
        assert.deepStrictEqual(decoded.list, [1, secret(UNKNOWN)]);
        assert.ok(Object.prototype.hasOwnProperty.call(decoded, "__proto__"), "`__proto__` stays an own key");
        assert.strictEqual(Object.getPrototypeOf(decoded), Object.prototype);
        assert.strictEqual(mixed.list[1].ciphertext, "x", "the input is not changed");
    });

    it("reads resources, providers, parents and dependencies", () => {
        const input = readStackExport(exportText, "x");
        assert.strictEqual(input.stack, "prod");
        assert.strictEqual(input.project, "shop");
        assert.strictEqual(input.resources.length, 10);
        const volume = input.resources.find((resource) => resource.name === "plain-data")!;
        assert.strictEqual(volume.provider?.type, "pulumi:providers:aws");
        assert.deepStrictEqual(volume.provider?.properties, { region: "eu-west-1", version: "7.0.0" });
        assert.strictEqual(volume.parent, "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod");
        assert.strictEqual(volume.outputs.encrypted, false);
    });

    for (const [name, text, pattern] of [
        ["not JSON", "hello SECRETMARKER", /is not JSON/],
        ["JSON that is not an export", "{\"resources\": []}", /not a `pulumi stack export` file/],
        ["resources that are not a list", "{\"deployment\": {\"resources\": {}}}", /is not a list/],
        ["a resource without urn", "{\"deployment\": {\"resources\": [{\"type\": \"x\"}]}}", /resources\[0\] has no urn and type/],
        ["values nested 20,000 levels deep", `{"deployment": {"resources": [{"urn": "urn:pulumi:s::p::aws:ebs/volume:Volume::v", "type": "aws:ebs/volume:Volume", "inputs": {"tags": ${"[".repeat(20_000)}${"]".repeat(20_000)}}}]}}`,
            /^f: resource urn:pulumi:s::p::aws:ebs\/volume:Volume::v nests values deeper than 1000 levels \(the limit of this reader\)$/],
    ] as const) {
        it(`rejects ${name}`, () => {
            assert.throws(() => readStackExport(text, "f"), (error: unknown) => error instanceof CliError && pattern.test(error.message) && !error.message.includes("SECRETMARKER"));
        });
    }
});

describe("cli: scan <stack export>", function () {
    this.timeout(120_000);

    it("reports each violation, exits 1 on mandatory ones, prints only results on stdout", () => {
        const run = scanOnce(["scan", EXPORT, "--format", "json", ...pinned]);
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(run.stderr, "");
        assert.deepStrictEqual(pairs(run.stdout), expected);
        const json = JSON.parse(run.stdout);
        assert.ok(json.findings.every((finding: { level: string; severity: string; path: string; fix: string }) =>
            finding.level === "mandatory" && finding.severity && finding.path && finding.fix));
    });

    it("leaves the per-(resource, policy) checks out of JSON unless --checks asks for them", () => {
        const plain = JSON.parse(scanOnce(["scan", EXPORT, "--format", "json", ...pinned]).stdout);
        assert.strictEqual(plain.checks, undefined);
        const withChecks = JSON.parse(scanOnce(["scan", EXPORT, "--format", "json", "--checks", ...pinned]).stdout);
        assert.ok(withChecks.checks.length > 0);
        assert.deepStrictEqual(withChecks.findings, plain.findings);
    });

    it("accepts a UTF-8 byte-order mark on the export and on the config", () => {
        const { dir, file } = writeTemp("bom.json", "\ufeff" + exportText);
        const config = path.join(dir, "config.json");
        fs.writeFileSync(config, "\ufeff" + JSON.stringify({ "aws-volumes-encrypted": "mandatory" }));
        const run = cli(["scan", file, "--format", "json", "--policy-pack-config", config]);
        fs.rmSync(dir, { recursive: true });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.ok(pairs(run.stdout).includes("aws-volumes-encrypted plain-data"));
    });

    it("treats encrypted secrets as unknowns (deferred) and never prints them", () => {
        for (const format of ["text", "json", "sarif", "junit", "markdown"]) {
            const run = scanOnce(["scan", EXPORT, "--format", format]);
            assert.strictEqual(run.status, 1, run.stderr);
            assert.doesNotMatch(run.stdout + run.stderr, /SECRETMARKER|ciphertext|v1:/, format);
        }
        const checks = JSON.parse(scanOnce(["scan", EXPORT, "--format", "json", "--checks", ...pinned]).stdout).checks as { name: string; policy: string; outcome: string; reason?: string }[];
        const flag = checks.find((check) => check.name === "secret-flag" && check.policy === "aws-volumes-encrypted");
        assert.deepStrictEqual([flag?.outcome, /deferred/.test(flag?.reason ?? "")], ["skipped", true]);
        const encrypted = checks.find((check) => check.name === "encrypted-data" && check.policy === "aws-volumes-encrypted");
        assert.strictEqual(encrypted?.outcome, "passed");
    });

    it("every rule at its default level: the same findings among the rest, each well formed and on a scanned resource", () => {
        const run = scanOnce(["scan", EXPORT, "--format", "json"]);
        assert.strictEqual(run.status, 1, run.stderr);
        const json = JSON.parse(run.stdout);
        const all = pairs(run.stdout);
        assert.deepStrictEqual(all.filter((pair) => Object.keys(fiveRules).includes(pair.split(" ")[0])), expected);
        assert.ok(all.length > expected.length, "the other rules run too");
        const scanned = new Set(JSON.parse(exportText).deployment.resources.map((resource: { urn: string }) => resource.urn));
        for (const finding of json.findings as { policy: string; urn: string; level: string; severity?: string; message: string; path?: string; fix?: string }[]) {
            assert.ok(scanned.has(finding.urn), `${finding.policy} names a scanned resource: ${finding.urn}`);
            if (finding.level === "remediate") continue; // a remediation note, not a violation
            // A stack rule's finding about something the stack lacks names no property: `<problem>; <fix>`.
            const stackWide = finding.path === undefined && isStackRule(allRules.find((rule) => rule.id === finding.policy)!) && /^[^;]+; \S/.test(finding.message);
            assert.ok(["mandatory", "advisory"].includes(finding.level) && finding.severity && ((finding.path && finding.fix) || stackWide), JSON.stringify(finding));
        }
    });

    it("reads the export from stdin with -", () => {
        const run = cli(["scan", "-", "--format", "json", ...pinned], { input: exportText });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.deepStrictEqual(pairs(run.stdout), expected);
        assert.strictEqual(JSON.parse(run.stdout).source, "stdin");
    });

    it("text: grouped by resource with counts", () => {
        const run = scanOnce(["scan", EXPORT, ...pinned]);
        assert.strictEqual(run.status, 1);
        assert.match(run.stdout, /^aws:ebs\/volume:Volume plain-data$/m);
        assert.match(run.stdout, /^ {4}at: {2}networkAccessPolicy$/m);
        // the stack's root resource is not counted, as in `pulumi preview`
        assert.match(run.stdout, /6 mandatory, 0 advisory violations on 6 of 9 resources\n$/);
    });

    it("sarif, junit and markdown are well formed", () => {
        const sarif = JSON.parse(scanOnce(["scan", EXPORT, "--format", "sarif", ...pinned]).stdout);
        assert.deepStrictEqual(sarifProblems(sarif), []);
        assert.strictEqual(sarif.runs[0].results.length, expected.length);
        assert.strictEqual(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "test/cli/fixtures/stack-export.json");
        const junit = scanOnce(["scan", EXPORT, "--format", "junit", ...pinned]).stdout;
        assert.match(junit, /<testsuite name="snapshot-guard" tests="8" failures="6" errors="0" skipped="1" time="[0-9.]+" timestamp="[0-9T:-]+">/);
        const markdown = scanOnce(["scan", EXPORT, "--format", "markdown", ...pinned]).stdout;
        assert.match(markdown, /#### Critical \(3\)/);
        assert.match(markdown, /#### High \(3\)/);
    });

    it("applies --policy-pack-config: trusted accounts, levels", () => {
        const advisory = Object.fromEntries(Object.entries(fiveRules).map(([rule, level]) => [rule, rule === "all" ? level : { enforcementLevel: "advisory" }]));
        const { dir, file } = writeTemp("config.json", JSON.stringify({
            ...advisory,
            "aws-images-not-public": { enforcementLevel: "advisory", trustedAccountIds: ["111122223333"] },
        }));
        const run = cli(["scan", EXPORT, "--format", "json", "--policy-pack-config", file]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.deepStrictEqual(pairs(run.stdout), expected.filter((pair) => pair !== "aws-images-not-public partner-ami"));
        assert.ok(JSON.parse(run.stdout).findings.every((finding: { level: string }) => finding.level === "advisory"));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("exits 0 on a clean export and on a disabled rule set", () => {
        const { dir, file } = writeTemp("config.json", JSON.stringify({ all: "disabled" }));
        const run = cli(["scan", EXPORT, "--policy-pack-config", file]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /^no violations in /);
        const empty = cli(["scan", "-", "--format", "json"], { input: JSON.stringify({ version: 3, deployment: { manifest: {} } }) });
        assert.strictEqual(empty.status, 0, empty.stderr);
        assert.strictEqual(JSON.parse(empty.stdout).summary.resources, 0);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("writes --output instead of stdout", () => {
        const dir = tempDir();
        const file = path.join(dir, "out.sarif");
        const run = cli(["scan", EXPORT, "--format", "sarif", "--output", file]);
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(run.stdout, "");
        assert.deepStrictEqual(sarifProblems(JSON.parse(fs.readFileSync(file, "utf8"))), []);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    describe("stack rules run through AnalyzeStack and name the offending resource", () => {
        const SNAPSHOT_EXPORT = path.join("test", "cli", "fixtures", "stack-export-snapshot.json");
        const snapshotUrn = "urn:pulumi:prod::backups::aws:ebs/snapshot:Snapshot::nightly";
        const volumeUrn = "urn:pulumi:prod::backups::aws:ebs/volume:Volume::plain-data";
        const rule = "aws-snapshots-from-encrypted-sources";

        it("json: a snapshot of an unencrypted volume is reported against the snapshot's URN", () => {
            const run = scanOnce(["scan", SNAPSHOT_EXPORT, "--format", "json", "--checks"]);
            assert.strictEqual(run.status, 1, run.stderr);
            const json = JSON.parse(run.stdout);
            const findings = (json.findings as { policy: string; urn: string; type: string; name: string; level: string; path: string }[])
                .filter((finding) => finding.policy === rule);
            assert.deepStrictEqual(findings.map(({ urn, type, name, level, path }) => ({ urn, type, name, level, path })),
                [{ urn: snapshotUrn, type: "aws:ebs/snapshot:Snapshot", name: "nightly", level: "mandatory", path: "volumeId" }]);
            assert.ok(json.findings.some((finding: { policy: string; urn: string }) => finding.policy === "aws-volumes-encrypted" && finding.urn === volumeUrn));
            const checks = (json.checks as { policy: string; urn: string; outcome: string }[]).filter((check) => check.policy === rule);
            assert.deepStrictEqual(checks.map(({ urn, outcome }) => ({ urn, outcome })), [{ urn: snapshotUrn, outcome: "failed" }]);
        });

        it("text: the finding sits in the snapshot's group", () => {
            const run = scanOnce(["scan", SNAPSHOT_EXPORT]);
            assert.strictEqual(run.status, 1, run.stderr);
            const group = run.stdout.split("\n\n").find((block) => block.startsWith("aws:ebs/snapshot:Snapshot nightly\n"));
            assert.ok(group, run.stdout);
            assert.match(group, new RegExp(`^ {2}${snapshotUrn.replace(/[$]/g, "\\$")}$`, "m"));
            assert.match(group, /^ {2}mandatory aws-snapshots-from-encrypted-sources \[high\]\n {4}the snapshot is taken from an unencrypted aws\.ebs\.Volume[^\n]*\n {4}at: {2}volumeId\n {4}fix: /m);
            const volumeGroup = run.stdout.split("\n\n").find((block) => block.startsWith("aws:ebs/volume:Volume plain-data\n"));
            assert.doesNotMatch(volumeGroup ?? "", /aws-snapshots-from-encrypted-sources/);
        });

        it("passes once the volume is encrypted", () => {
            const state = JSON.parse(fs.readFileSync(path.join(fixtures, "stack-export-snapshot.json"), "utf8"));
            const volume = state.deployment.resources.find((resource: { urn: string }) => resource.urn === volumeUrn);
            volume.inputs.encrypted = true;
            volume.outputs.encrypted = true;
            const run = cli(["scan", "-", "--format", "json", "--checks"], { input: JSON.stringify(state) });
            assert.strictEqual(run.stderr, "");
            const json = JSON.parse(run.stdout);
            assert.deepStrictEqual(json.findings.filter((finding: { policy: string }) => finding.policy === rule), []);
            assert.deepStrictEqual(json.checks.filter((check: { policy: string }) => check.policy === rule).map((check: { outcome: string }) => check.outcome), ["passed"]);
        });
    });

    describe("bad input exits 2 with one line naming the problem", () => {
        const cases: [string, () => { args: string[]; input?: string | Buffer; cleanup?: () => void }, RegExp][] = [
            ["a missing file", () => ({ args: ["scan", "nope.json"] }), /nope\.json does not exist/],
            ["no input", () => ({ args: ["scan"] }), /missing <input>/],
            ["a file that is not JSON", () => {
                const { dir, file } = writeTemp("x.json", "not json SECRETMARKER");
                return { args: ["scan", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /is not JSON/],
            ["JSON that is not a stack export", () => {
                const { dir, file } = writeTemp("x.json", JSON.stringify({ hello: "world" }));
                return { args: ["scan", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /is not a `pulumi stack export` file/],
            ["an unknown format", () => ({ args: ["scan", EXPORT, "--format", "html"] }), /unknown --format "html"/],
            ["a missing config file", () => ({ args: ["scan", EXPORT, "--policy-pack-config", "missing.json"] }), /cannot read --policy-pack-config missing\.json: ENOENT/],
            ["an invalid knob", () => {
                const { dir, file } = writeTemp("c.json", JSON.stringify({ "aws-images-not-public": { trustedAccountIds: ["12"] } }));
                return { args: ["scan", EXPORT, "--policy-pack-config", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /"aws-images-not-public\.trustedAccountIds\[0\]" must be a 12-digit AWS account id/],
            ["an unknown setting", () => {
                const { dir, file } = writeTemp("c.json", JSON.stringify({ "aws-volumes-encrypted": { minRetentionDays: 3 } }));
                return { args: ["scan", EXPORT, "--policy-pack-config", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /"aws-volumes-encrypted\.minRetentionDays" is not a setting of this rule/],
            ["an unknown rule", () => {
                const { dir, file } = writeTemp("c.json", JSON.stringify({ "aws-volume-encrypted": "advisory" }));
                return { args: ["scan", EXPORT, "--policy-pack-config", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /"aws-volume-encrypted" is not a snapshot-guard rule/],
            ["an invalid level", () => {
                const { dir, file } = writeTemp("c.json", JSON.stringify({ "aws-volumes-encrypted": "strict" }));
                return { args: ["scan", EXPORT, "--policy-pack-config", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /level must be advisory, mandatory, remediate, disabled/],
            ["config that is not JSON", () => {
                const { dir, file } = writeTemp("c.json", "{");
                return { args: ["scan", EXPORT, "--policy-pack-config", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /invalid policy pack config .*: not JSON/],
            ["an unwritable --output", () => ({ args: ["scan", EXPORT, "--output", "/nonexistent-dir/out.txt"] }), /cannot write --output/],
            ["a UTF-16 export (Windows PowerShell 5 `>`)", () => {
                const dir = tempDir();
                const file = path.join(dir, "utf16.json");
                fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(exportText, "utf16le")]));
                return { args: ["scan", file], cleanup: () => fs.rmSync(dir, { recursive: true }) };
            }, /utf16\.json is UTF-16 text \(little-endian\), as Windows PowerShell 5 `>` writes; expected the output of `pulumi stack export` as UTF-8/],
            ["UTF-16 without a byte-order mark on stdin", () => ({ args: ["scan", "-"], input: Buffer.from(exportText, "utf16le") }),
                /stdin is UTF-16 text \(little-endian, no byte-order mark\)/],
        ];
        for (const [name, setup, pattern] of cases) {
            it(name, () => {
                const { args, input, cleanup } = setup();
                const run = cli(args, { input });
                cleanup?.();
                assert.strictEqual(run.status, 2, run.stderr);
                assertOneLineError(run, pattern);
                assert.doesNotMatch(run.stderr, /SECRETMARKER/);
            });
        }
    });
});

describe("cli: scan - with a writer that starts late", function () {
    this.timeout(120_000);

    it("waits for the pipe instead of failing with EAGAIN (`pulumi stack export | snapshot-guard scan -`)", async () => {
        const { spawn } = await import("child_process");
        const { cliPath } = await import("./helpers");
        const child = spawn(process.execPath, [cliPath, "scan", "-", "--format", "json"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        const text = fs.readFileSync(path.join(fixtures, "stack-export.json"));
        setTimeout(() => {
            child.stdin.write(text.subarray(0, 100));
            setTimeout(() => child.stdin.end(text.subarray(100)), 300);
        }, 1500);
        const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
        assert.strictEqual(status, 1, stderr);
        assert.strictEqual((JSON.parse(stdout) as { summary: { resources: number } }).summary.resources, 9);
    });
});
