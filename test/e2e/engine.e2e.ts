// What the real engine does with the pack beyond a preview: `up` is refused, remediation is stored in
// the state, policy config written by `snapshot-guard config` is validated and applied by the engine,
// and `snapshot-guard report` reads every event stream a stock CLI writes.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";
import { cli } from "../cli/helpers";
import { cliFindings, multiset, parseEvents, policyFindings, readEvents, workspace, type EngineFinding, type Workspace } from "./engine";

const example = (name: string) => path.join(repoRoot, "examples", name);

function writeConfig(project: Workspace, name: string, settings: Record<string, unknown>): string {
    const file = path.join(project.toolchain.home, name);
    fs.writeFileSync(file, JSON.stringify(settings));
    return file;
}

/** `snapshot-guard config …` into a file of the workspace; the CLI validates what it writes. */
function configFile(project: Workspace, name: string, args: readonly string[]): string {
    const file = path.join(project.toolchain.home, name);
    const run = cli(["config", ...args, "--output", file]);
    assert.strictEqual(run.status, 0, run.stderr);
    return file;
}

function reported(events: string): { status: number | null; findings: EngineFinding[] } {
    const run = cli(["report", events, "--format", "json"]);
    assert.ok(run.stdout, run.stderr);
    return { status: run.status, findings: cliFindings(run.stdout) };
}

describe("e2e: the engine enforces the pack", function () {
    this.timeout(600_000);

    it("pulumi up --yes on an insecure program is refused after the preview and creates nothing", () => {
        const project = workspace(example("aws-insecure"));
        const run = project.up();
        assert.notStrictEqual(run.status, 0, run.stdout);
        assert.ok(policyFindings(run.events).some((finding) => finding.level === "mandatory"));
        assert.deepStrictEqual(project.resources().filter((resource) => !resource.type.startsWith("pulumi:pulumi:")), []);
    });

    it("pulumi up --skip-preview stops at the first violating resource: it is never created", () => {
        const project = workspace(example("aws-insecure"));
        const run = project.up({ skipPreview: true });
        assert.notStrictEqual(run.status, 0, run.stdout);
        const mandatory = policyFindings(run.events).filter((finding) => finding.level === "mandatory");
        assert.ok(mandatory.length >= 1, run.stdout);
        const created = new Set(project.resources().map((resource) => resource.urn));
        for (const finding of mandatory) assert.ok(!created.has(finding.urn), `${finding.urn} was created despite ${finding.rule}`);
    });

    it("a rule at remediate: pulumi up stores the fixed inputs and report shows the remediation", () => {
        const project = workspace(example("azure-insecure"));
        const config = configFile(project, "remediate.json", ["--level", "all=disabled", "--level", "azure-disks-not-exportable=remediate"]);
        const run = project.up({ config });
        assert.strictEqual(run.status, 0, `${run.stdout}\n${run.stderr}`);
        const remediations = run.events.filter((event) => event.policyRemediationEvent !== undefined);
        assert.ok(remediations.length > 0, "no policyRemediationEvent");
        assert.deepStrictEqual(policyFindings(run.events), []);
        const disks = project.resources().filter((resource) => resource.type === "azure-native:compute:Disk");
        assert.ok(disks.length > 0);
        for (const disk of disks) assert.strictEqual(disk.inputs?.networkAccessPolicy, "DenyAll", disk.urn);

        const log = path.join(project.toolchain.home, "remediate.ndjson");
        fs.writeFileSync(log, run.events.map((event) => JSON.stringify(event)).join("\n"));
        const report = cli(["report", log, "--format", "json"]);
        assert.strictEqual(report.status, 0, report.stderr);
        const remediated = cliFindings(report.stdout).filter((finding) => finding.level === "remediate");
        assert.deepStrictEqual(remediated.map((entry) => `${entry.rule} ${entry.urn}`).sort(),
            remediations.map((event) => {
                const remediation = event.policyRemediationEvent as { policyName: string; resourceUrn: string };
                return `${remediation.policyName} ${remediation.resourceUrn}`;
            }).sort());
    });
});

describe("e2e: policy config under the engine", function () {
    this.timeout(600_000);

    it("a file written by `snapshot-guard config` is accepted and changes the findings exactly as in scan", () => {
        const project = workspace(example("aws-insecure"));
        const config = configFile(project, "advisory.json", ["--trusted-account", "111122223333", "--level", "all=advisory"]);
        const run = project.preview({ config });
        assert.strictEqual(run.status, 0, `${run.stdout}\n${run.stderr}`);
        const engine = policyFindings(run.events);
        assert.ok(engine.length > 0 && engine.every((finding) => finding.level === "advisory"));
        const scanned = cli(["scan", example("aws-insecure"), "--format", "json", "--policy-pack-config", config]);
        assert.strictEqual(scanned.status, 0, scanned.stderr);
        assert.deepStrictEqual(multiset(engine), multiset(cliFindings(scanned.stdout)));
    });

    const invalid: [string, Record<string, unknown>, RegExp][] = [
        ["a knob of the wrong type", { "aws-db-backups-retained": { minRetentionDays: "fourteen" } }, /aws-db-backups-retained.*minRetentionDays/s],
        ["a misspelt knob", { "aws-db-backups-retained": { minRetentionDay: 14 } }, /aws-db-backups-retained.*minRetentionDay/s],
        ["a malformed account id", { "aws-images-not-public": { trustedAccountIds: ["1234"] } }, /aws-images-not-public.*trustedAccountIds/s],
    ];
    for (const [situation, settings, names] of invalid) {
        it(`${situation} is rejected by the engine before the program runs, naming rule and knob`, () => {
            const project = workspace(example("aws-compliant"));
            const run = project.preview({ config: writeConfig(project, "invalid.json", settings) });
            assert.notStrictEqual(run.status, 0);
            assert.match(`${run.stdout}\n${run.stderr}`, names);
            assert.ok(!run.events.some((event) => event.resourcePreEvent !== undefined), "the program ran");
        });
    }
});

describe("e2e: report reads the event streams of a stock CLI", function () {
    this.timeout(600_000);
    let project: Workspace;
    let expected: string[];

    before(() => {
        project = workspace(example("aws-insecure"));
        const run = project.preview();
        expected = multiset(policyFindings(run.events));
        assert.ok(expected.length > 0);
    });

    it("pulumi preview --event-log (with PULUMI_DEBUG_COMMANDS=true)", () => {
        const log = path.join(project.toolchain.home, "preview.ndjson");
        project.pulumi(["preview", "--policy-pack", repoRoot, "--event-log", log], { PULUMI_DEBUG_COMMANDS: "true" });
        assert.deepStrictEqual(multiset(reported(log).findings), expected);
    });

    it("PULUMI_ENABLE_STREAMING_JSON_PREVIEW=true pulumi preview --json", () => {
        const run = project.pulumi(["preview", "--policy-pack", repoRoot, "--json"], { PULUMI_ENABLE_STREAMING_JSON_PREVIEW: "true" });
        const log = path.join(project.toolchain.home, "preview-json.ndjson");
        fs.writeFileSync(log, run.stdout);
        assert.deepStrictEqual(multiset(policyFindings(parseEvents(run.stdout))), expected);
        assert.deepStrictEqual(multiset(reported(log).findings), expected);
    });

    it("pulumi up --json: the preview's summary document, then the update's events", () => {
        const advisory = writeConfig(project, "advisory.json", { all: "advisory" });
        const run = project.pulumi(["up", "--yes", "--policy-pack", repoRoot, "--policy-pack-config", advisory, "--json"]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.ok(run.stdout.startsWith("{\n"), "expected the pretty-printed preview document first");
        const log = path.join(project.toolchain.home, "up.ndjson");
        fs.writeFileSync(log, run.stdout);
        const engine = policyFindings(parseEvents(run.stdout));
        // The update judges known values where the preview saw unknowns, so its events may differ
        // from the preview's; report must render exactly the events of this stream.
        assert.ok(engine.length > 0 && engine.every((finding) => finding.level === "advisory"));
        assert.deepStrictEqual(multiset(reported(log).findings), multiset(engine));
    });

    it("pulumi up --skip-preview --json: the update stops at the first mandatory violation, report shows it", () => {
        const stopped = workspace(example("aws-insecure"));
        const run = stopped.pulumi(["up", "--yes", "--skip-preview", "--policy-pack", repoRoot, "--json"]);
        assert.notStrictEqual(run.status, 0);
        const log = path.join(stopped.toolchain.home, "up-skip-preview.ndjson");
        fs.writeFileSync(log, run.stdout);
        const engine = policyFindings(parseEvents(run.stdout));
        assert.ok(engine.some((finding) => finding.level === "mandatory"));
        const report = reported(log);
        assert.strictEqual(report.status, 1);
        assert.deepStrictEqual(multiset(report.findings), multiset(engine));
    });

    it("pulumi policy analyze --json on the deployed stack", () => {
        const off = writeConfig(project, "off.json", { all: "disabled" });
        const deployed = project.up({ config: off });
        assert.strictEqual(deployed.status, 0, deployed.stderr);
        const run = project.pulumi(["policy", "analyze", "--policy-pack", repoRoot, "--json"]);
        const log = path.join(project.toolchain.home, "analyze.ndjson");
        fs.writeFileSync(log, run.stdout);
        const events = parseEvents(run.stdout);
        const engine = policyFindings(events);
        assert.ok(engine.length > 0, run.stderr);
        assert.strictEqual(run.status, engine.some((finding) => finding.level === "mandatory") ? 1 : 0, run.stderr);
        assert.deepStrictEqual(multiset(reported(log).findings), multiset(engine));

        const exported = project.pulumi(["stack", "export"]);
        const scanned = cli(["scan", "-", "--format", "json"], { input: exported.stdout });
        assert.deepStrictEqual(multiset(cliFindings(scanned.stdout)), multiset(engine),
        "`pulumi stack export | snapshot-guard scan -` differs from `pulumi policy analyze`");
    });

    it("the README's event-log command works with a stock CLI", () => {
        const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
        assert.match(readme, /PULUMI_DEBUG_COMMANDS=true pulumi preview --policy-pack \S+ --event-log \S+/);
        assert.ok(readEvents(path.join(project.toolchain.home, "preview.ndjson")).length > 0);
    });
});
