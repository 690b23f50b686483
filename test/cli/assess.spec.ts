// `snapshot-guard assess` over the fixture estate (three stacks, one compliant, a previous
// assessment, exemptions relative to today): exact totals, the trend, exemptions running out, the
// report files, exit codes, stacks that cannot be read, --all-stacks through a stand-in `pulumi`,
// and bad input. The rendered page is checked in a browser by assess-browser.spec.ts.
import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Assessment } from "../../cli/assessment/model";
import { repoRoot } from "../harness";
import { assessFixtureEstate, dateIn, stacksDir, writePolicyConfig } from "./assess-fixtures";
import { assertOneLineError, cli, cliPath, fixtures, tempDir, type CliRun } from "./helpers";

const SHOP = "urn:pulumi:prod::shop::";
const MEDIA = "urn:pulumi:prod::media::";

function readAssessment(output: string): Assessment {
    return JSON.parse(fs.readFileSync(path.join(output, "assessment.json"), "utf8")) as Assessment;
}

const keyOf = (finding: { stack: string; rule: string; urn: string; level: string }) => `${finding.stack} ${finding.rule} ${finding.level} ${finding.urn}`;

describe("cli: assess over export files", function () {
    this.timeout(180_000);
    let dir: string;
    let run: CliRun & { output: string };
    let assessment: Assessment;
    let packStarts: string[];

    before(() => {
        dir = tempDir();
        // Counts pack processes: every node process that runs run-policy-pack appends its pid.
        const hook = path.join(dir, "count-packs.js");
        const log = path.join(dir, "pack-starts.log");
        fs.writeFileSync(hook, `if (process.argv.some((arg) => arg.includes("run-policy-pack"))) require("fs").appendFileSync(${JSON.stringify(log)}, process.pid + "\\n");\n`);
        run = assessFixtureEstate(dir, [], { NODE_OPTIONS: `--require ${hook}` });
        assessment = readAssessment(run.output);
        packStarts = fs.existsSync(log) ? fs.readFileSync(log, "utf8").trim().split("\n") : [];
    });

    it("exits 1 (mandatory findings), writes assessment.json and index.html, and sums up on stdout", () => {
        assert.strictEqual(run.status, 1, run.stderr);
        assert.deepStrictEqual(fs.readdirSync(run.output).sort(), ["assessment.json", "index.html"]);
        assert.strictEqual(run.stdout, `assessed 3 of 3 stacks (16 resources): 4 mandatory, 1 advisory findings; 2 stacks with mandatory findings; ` +
            `report: ${path.join(run.output, "index.html")}\n`);
    });

    it("scans all three stacks through one pack process", () => {
        assert.strictEqual(packStarts.length, 1, `pack processes started: ${packStarts.join(", ")}`);
    });

    it("reports progress on stderr: stack i of n, resources, findings, elapsed time", () => {
        const lines = run.stderr.trim().split("\n");
        assert.strictEqual(lines.length, 3, run.stderr);
        assert.match(lines[0], /^snapshot-guard assess: stack 1 of 3, shop\/prod: 6 resources, 2 mandatory, 1 advisory \(\d+\.\d s; \d+\.\d s elapsed\)$/);
        assert.match(lines[1], /^snapshot-guard assess: stack 2 of 3, media\/prod: 6 resources, 2 mandatory, 0 advisory /);
        assert.match(lines[2], /^snapshot-guard assess: stack 3 of 3, analytics\/prod: 4 resources, 0 mandatory, 0 advisory /);
    });

    it("counts findings in total by level, severity, category, cloud and rule", () => {
        const { totals } = assessment;
        assert.deepStrictEqual(
            [totals.stacks, totals.stacksWithErrors, totals.stacksAffected, totals.stacksWithFindings, totals.resources, totals.exemptedChecks, totals.findings],
            [3, 0, 2, 2, 16, 3, 5]);
        assert.deepStrictEqual(totals.byLevel, { mandatory: 4, advisory: 1, remediate: 0 });
        assert.deepStrictEqual(totals.bySeverity, { critical: 1, high: 3, medium: 1, low: 0, unspecified: 0 });
        assert.deepStrictEqual(totals.byCategory, { exposure: 2, encryption: 2, lifecycle: 1, hardening: 0 });
        assert.deepStrictEqual(totals.byCloud, { aws: 3, azure: 2, gcp: 0 });
        assert.deepStrictEqual(totals.byRule, {
            "aws-volumes-encrypted": 1, "aws-customer-managed-keys": 1, "aws-snapshots-not-public": 1,
            "azure-disks-not-exportable": 1, "azure-snapshots-expire": 1,
        });
    });

    it("counts per stack; the compliant GCP stack has none, its exempted snapshot counted as exempted", () => {
        assert.deepStrictEqual(assessment.stacks.map((stack) => [stack.stack, stack.source, stack.resources, stack.counts.byLevel.mandatory,
            stack.counts.byLevel.advisory, stack.exemptedChecks, stack.error]), [
            ["shop/prod", "test/cli/fixtures/assess/stacks/aws-shop-prod.json", 6, 2, 1, 1, undefined],
            ["media/prod", "test/cli/fixtures/assess/stacks/azure-media-prod.json", 6, 2, 0, 1, undefined],
            ["analytics/prod", "test/cli/fixtures/assess/stacks/gcp-analytics-prod.json", 4, 0, 0, 1, undefined],
        ]);
        assert.deepStrictEqual(assessment.stacks[0].counts.byRule, { "aws-volumes-encrypted": 1, "aws-customer-managed-keys": 1, "aws-snapshots-not-public": 1 });
    });

    it("lists every finding with its stack, rule, cloud, category, property path and fix", () => {
        assert.deepStrictEqual(assessment.findings.map((finding) => `${keyOf(finding)} ${finding.cloud} ${finding.category} ${finding.path}`).sort(), [
            `media/prod azure-disks-not-exportable mandatory ${MEDIA}azure-native:compute:Disk::build-disk azure exposure networkAccessPolicy`,
            `media/prod azure-snapshots-expire mandatory ${MEDIA}azure-native:compute:Snapshot::adhoc azure lifecycle tags`,
            `shop/prod aws-customer-managed-keys advisory ${SHOP}aws:ebs/volume:Volume::scratch aws encryption kmsKeyId`,
            `shop/prod aws-snapshots-not-public mandatory ${SHOP}aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission::share aws exposure accountId`,
            `shop/prod aws-volumes-encrypted mandatory ${SHOP}aws:ebs/volume:Volume::data aws encryption encrypted`,
        ]);
        assert.ok(assessment.findings.every((finding) => finding.fix && finding.message.includes(finding.fix)));
        const expired = assessment.findings.find((finding) => finding.rule === "azure-disks-not-exportable")!;
        assert.match(expired.message, new RegExp(`the exemption for "build-disk" expired on ${dateIn(-3)}: build agent scratch disk`));
    });

    it("ranks rules worst first: most mandatory findings, then severity", () => {
        assert.deepStrictEqual(assessment.rules.map((rule) => [rule.id, rule.mandatory, rule.findings, rule.stacks]), [
            ["aws-snapshots-not-public", 1, 1, 1],
            ["aws-volumes-encrypted", 1, 1, 1],
            ["azure-disks-not-exportable", 1, 1, 1],
            ["azure-snapshots-expire", 1, 1, 1],
            ["aws-customer-managed-keys", 0, 1, 1],
        ]);
        assert.ok(assessment.rules.every((rule) => rule.title && rule.remediation && rule.docsUrl.startsWith("https://")));
    });

    it("lists the config's exemptions with days left, soonest first, and the resources each names", () => {
        assert.deepStrictEqual(assessment.exemptions.map((exemption) => [exemption.rule, exemption.resource, exemption.expires, exemption.daysLeft, exemption.state, exemption.appliesTo]), [
            ["azure-disks-not-exportable", "build-disk", dateIn(-3), -3, "expired", [{ stack: "media/prod", urn: `${MEDIA}azure-native:compute:Disk::build-disk` }]],
            ["aws-volumes-encrypted", "legacy-*", dateIn(10), 10, "active", [{ stack: "shop/prod", urn: `${SHOP}aws:ebs/volume:Volume::legacy-data` }]],
            ["azure-snapshots-expire", "golden-*", dateIn(100), 100, "active", [{ stack: "media/prod", urn: `${MEDIA}azure-native:compute:Snapshot::golden-snap` }]],
            ["gcp-snapshots-expire", "audit-snapshot", undefined, undefined, "active", [{ stack: "analytics/prod", urn: "urn:pulumi:prod::analytics::gcp:compute/snapshot:Snapshot::audit-snapshot" }]],
        ]);
    });

    it("compares with the previous assessment: totals then and now, new and fixed findings, new and missing stacks", () => {
        const comparison = assessment.comparison!;
        assert.strictEqual(comparison.previousGeneratedAt, "2026-11-01T06:00:00.000Z");
        assert.deepStrictEqual(comparison.totals, {
            mandatory: { before: 5, now: 4 }, advisory: { before: 1, now: 1 },
            stacksAffected: { before: 3, now: 2 }, resources: { before: 20, now: 16 },
        });
        assert.deepStrictEqual(comparison.newFindings.map(keyOf).sort(), [
            `media/prod azure-disks-not-exportable mandatory ${MEDIA}azure-native:compute:Disk::build-disk`,
            `media/prod azure-snapshots-expire mandatory ${MEDIA}azure-native:compute:Snapshot::adhoc`,
            `shop/prod aws-customer-managed-keys advisory ${SHOP}aws:ebs/volume:Volume::scratch`,
            `shop/prod aws-snapshots-not-public mandatory ${SHOP}aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission::share`,
        ]);
        assert.deepStrictEqual(comparison.fixedFindings.map(keyOf).sort(), [
            `media/prod azure-disks-not-exportable mandatory ${MEDIA}azure-native:compute:Disk::private-disk`,
            // no longer reported: the volume is not encrypted at all, which aws-volumes-encrypted reports
            `shop/prod aws-customer-managed-keys advisory ${SHOP}aws:ebs/volume:Volume::data`,
            `shop/prod aws-snapshots-not-public mandatory ${SHOP}aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission::old-share`,
        ]);
        assert.deepStrictEqual(comparison.newStacks, ["analytics/prod"]);
        assert.deepStrictEqual(comparison.missingStacks, ["legacy/prod"], "the legacy stack's findings are not counted as fixed");
    });

    it("keeps the history of runs for the trend: the previous run's history, then this run", () => {
        assert.deepStrictEqual(assessment.history.map((point) => [point.generatedAt, point.mandatory, point.advisory, point.stacksAffected, point.stacks, point.resources]), [
            ["2026-10-01T06:00:00.000Z", 7, 1, 3, 3, 18],
            ["2026-11-01T06:00:00.000Z", 5, 1, 3, 3, 20],
            [assessment.generatedAt, 4, 1, 2, 3, 16],
        ]);
        assert.ok(Math.abs(Date.parse(assessment.generatedAt) - Date.now()) < 10 * 60 * 1000);
    });

    it("a run with this run's assessment as --previous finds nothing new or fixed, and extends the history", () => {
        const again = cli(["assess", stacksDir, "--policy-pack-config", path.join(dir, "policy-config.json"), "--previous", path.join(run.output, "assessment.json"),
            "--output", path.join(dir, "again")]);
        assert.strictEqual(again.status, 1, again.stderr);
        const next = readAssessment(path.join(dir, "again"));
        assert.deepStrictEqual([next.comparison!.newFindings, next.comparison!.fixedFindings, next.comparison!.newStacks, next.comparison!.missingStacks], [[], [], [], []]);
        assert.deepStrictEqual(next.history.map((point) => point.generatedAt), [...assessment.history.map((point) => point.generatedAt), next.generatedAt]);
    });

    it("writes one self-contained page: inline style and script, a policy that forbids requests, nothing fetched", () => {
        const html = fs.readFileSync(path.join(run.output, "index.html"), "utf8");
        assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">/);
        assert.doesNotMatch(html, /<(script|img|iframe|link|source|video|audio|embed|object)\b[^>]*\b(src|href)="(?!data:)/i);
        assert.doesNotMatch(html, /url\(|@import/i);
        // The only URLs are the rules' documentation links, for people to follow.
        const urls = [...html.matchAll(/https?:\/\/[^"'\s<)]+/g)].map((match) => match[0]);
        assert.ok(urls.length > 0);
        for (const url of urls) assert.ok(html.includes(`<a href="${url}">`), `${url} is not a link`);
    });

    it("never writes a secret value of the exports", () => {
        for (const file of ["assessment.json", "index.html"]) {
            const text = fs.readFileSync(path.join(run.output, file), "utf8");
            assert.doesNotMatch(text, /SECRET-MARKER|payments/, file);
        }
        assert.doesNotMatch(run.stdout + run.stderr, /SECRET-MARKER/);
    });
});

describe("cli: assess exit codes and unreadable stacks", function () {
    this.timeout(180_000);
    const gcpOnly = path.join(stacksDir, "gcp-analytics-prod.json");

    it("exits 0 when no stack has a mandatory finding", () => {
        const dir = tempDir();
        const run = cli(["assess", gcpOnly, "--policy-pack-config", writePolicyConfig(dir), "--output", path.join(dir, "out")]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(readAssessment(path.join(dir, "out")).comparison, undefined);
    });

    it("--fail-on none exits 0 despite mandatory findings; --fail-on advisory exits 1 on advisory ones", () => {
        const dir = tempDir();
        assert.strictEqual(assessFixtureEstate(dir, ["--fail-on", "none"]).status, 0);
        const advisoryOnly = path.join(dir, "advisory.json");
        fs.writeFileSync(advisoryOnly, JSON.stringify({ all: "disabled", "aws-customer-managed-keys": "advisory" }));
        const shop = path.join(stacksDir, "aws-shop-prod.json");
        assert.strictEqual(cli(["assess", shop, "--policy-pack-config", advisoryOnly, "--output", path.join(dir, "a")]).status, 0);
        assert.strictEqual(cli(["assess", shop, "--policy-pack-config", advisoryOnly, "--output", path.join(dir, "b"), "--fail-on", "advisory"]).status, 1);
    });

    it("reports a stack that cannot be read and assesses the others; exit 2, or 0 with --fail-on none", () => {
        const dir = tempDir();
        const broken = path.join(dir, "broken.json");
        fs.writeFileSync(broken, "{ not json SECRET-MARKER");
        const config = writePolicyConfig(dir);
        const run = cli(["assess", broken, gcpOnly, "--policy-pack-config", config, "--output", path.join(dir, "out")]);
        assert.strictEqual(run.status, 2, run.stderr);
        const assessment = readAssessment(path.join(dir, "out"));
        assert.deepStrictEqual(assessment.stacks.map((stack) => [stack.stack, stack.error]), [
            ["broken", `${path.relative(repoRoot, broken)} is not JSON (expected the output of \`pulumi stack export\`)`],
            ["analytics/prod", undefined],
        ]);
        assert.strictEqual(assessment.totals.stacksWithErrors, 1);
        assert.match(run.stderr, /stack 1 of 2, .*broken\.json: not assessed: .* is not JSON/);
        assert.match(run.stderr, /snapshot-guard assess: notice: 1 stack could not be assessed/);
        assert.match(fs.readFileSync(path.join(dir, "out", "index.html"), "utf8"), /Stacks not assessed/);
        assert.doesNotMatch(fs.readFileSync(path.join(dir, "out", "index.html"), "utf8") + run.stderr, /SECRET-MARKER/);
        const tolerant = cli(["assess", broken, gcpOnly, "--policy-pack-config", config, "--output", path.join(dir, "out2"), "--fail-on", "none"]);
        assert.strictEqual(tolerant.status, 0, tolerant.stderr);
    });

    it("reads stdin from a writer that starts late, as `pulumi stack export | snapshot-guard assess -` does", () => {
        const dir = tempDir();
        const run = spawnSync("sh", ["-c", `(sleep 1; cat "$1") | "$2" "$3" assess - --policy-pack-config "$4" --output "$5"`, "sh",
            path.join(stacksDir, "gcp-analytics-prod.json"), process.execPath, cliPath, writePolicyConfig(dir), path.join(dir, "out")], { encoding: "utf8" });
        assert.strictEqual(run.status, 0, run.stderr);
        assert.deepStrictEqual(readAssessment(path.join(dir, "out")).stacks.map((stack) => stack.stack), ["analytics/prod"]);
    });

    it("reads an export from stdin (-)", () => {
        const dir = tempDir();
        const run = cli(["assess", "-", "--policy-pack-config", writePolicyConfig(dir), "--output", path.join(dir, "out")],
            { input: fs.readFileSync(path.join(stacksDir, "aws-shop-prod.json")) });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.deepStrictEqual(readAssessment(path.join(dir, "out")).stacks.map((stack) => [stack.stack, stack.source]), [["shop/prod", "stdin"]]);
    });

    it("tells apart two exports of the same stack by their file", () => {
        const dir = tempDir();
        const copy = path.join(dir, "again.json");
        fs.copyFileSync(gcpOnly, copy);
        const run = cli(["assess", gcpOnly, copy, "--policy-pack-config", writePolicyConfig(dir), "--output", path.join(dir, "out")]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.deepStrictEqual(readAssessment(path.join(dir, "out")).stacks.map((stack) => stack.stack),
            ["analytics/prod", `analytics/prod (${path.relative(repoRoot, copy)})`]);
    });
});

/** A stand-in `pulumi` on PATH: lists the given stacks, exports each from a file, fails for those without one. */
function fakePulumi(dir: string, stacks: Record<string, string | null>, options: { lsError?: string } = {}): { env: NodeJS.ProcessEnv; calls: () => string[][] } {
    const bin = path.join(dir, "bin");
    fs.mkdirSync(bin);
    const log = path.join(dir, "pulumi-calls.log");
    fs.writeFileSync(path.join(bin, "pulumi"), `#!/usr/bin/env node
const fs = require("fs");
const args = process.argv.slice(2);
fs.appendFileSync(${JSON.stringify(log)}, JSON.stringify(args) + "\\n");
const stacks = ${JSON.stringify(stacks)};
if (args[0] === "stack" && args[1] === "ls") {
    ${options.lsError ? `process.stderr.write(${JSON.stringify(options.lsError)}); process.exit(255);` : ""}
    process.stdout.write(JSON.stringify(Object.keys(stacks).map((name) => ({ name, current: false, updateInProgress: false }))));
} else if (args[0] === "stack" && args[1] === "export") {
    const name = args[args.indexOf("--stack") + 1];
    if (!stacks[name]) {
        process.stderr.write("warning: A new version of Pulumi is available.\\nerror: could not deserialize deployment: unexpected end of JSON input\\n");
        process.exit(255);
    }
    process.stdout.write(fs.readFileSync(stacks[name]));
} else {
    process.exit(3);
}
`, { mode: 0o755 });
    return {
        env: { PATH: `${bin}${path.delimiter}${process.env.PATH}` },
        calls: () => fs.readFileSync(log, "utf8").trim().split("\n").map((line) => JSON.parse(line)),
    };
}

describe("cli: assess --all-stacks (a stand-in pulumi; the real CLI in test/e2e/assess.e2e.ts)", function () {
    this.timeout(180_000);

    it("exports every stack `pulumi stack ls --all` lists, never with secrets shown; a stack that fails to export is reported", () => {
        const dir = tempDir();
        const pulumi = fakePulumi(dir, {
            "acme/shop/prod": path.join(stacksDir, "aws-shop-prod.json"),
            "acme/media/broken": null,
            "acme/analytics/prod": path.join(stacksDir, "gcp-analytics-prod.json"),
        });
        const run = cli(["assess", "--all-stacks", "--policy-pack-config", writePolicyConfig(dir), "--output", path.join(dir, "out")], { env: pulumi.env });
        assert.strictEqual(run.status, 2, run.stderr);
        assert.deepStrictEqual(pulumi.calls(), [
            ["stack", "ls", "--all", "--json", "--non-interactive"],
            ["stack", "export", "--stack", "acme/shop/prod", "--non-interactive"],
            ["stack", "export", "--stack", "acme/media/broken", "--non-interactive"],
            ["stack", "export", "--stack", "acme/analytics/prod", "--non-interactive"],
        ]);
        const assessment = readAssessment(path.join(dir, "out"));
        assert.deepStrictEqual(assessment.stacks.map((stack) => [stack.stack, stack.source, stack.counts.byLevel.mandatory, stack.error]), [
            ["shop/prod", "pulumi stack export --stack acme/shop/prod", 2, undefined],
            ["media/broken", "pulumi stack export --stack acme/media/broken", 0,
                "`pulumi stack export --stack acme/media/broken` failed: could not deserialize deployment: unexpected end of JSON input"],
            ["analytics/prod", "pulumi stack export --stack acme/analytics/prod", 0, undefined],
        ]);
        assert.deepStrictEqual([assessment.totals.byLevel.mandatory, assessment.totals.stacksWithErrors], [2, 1]);
    });

    it("a failing `pulumi stack ls` is bad input: one line naming Pulumi's error, exit 2, no report", () => {
        const dir = tempDir();
        const pulumi = fakePulumi(dir, {}, { lsError: "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions\n" });
        const run = cli(["assess", "--all-stacks", "--output", path.join(dir, "out")], { env: pulumi.env });
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /^snapshot-guard assess: `pulumi stack ls --all` failed: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions$/);
        assert.ok(!fs.existsSync(path.join(dir, "out", "assessment.json")));
    });

    it("a backend without stacks is bad input, not an empty pass", () => {
        const dir = tempDir();
        const run = cli(["assess", "--all-stacks", "--output", path.join(dir, "out")], { env: fakePulumi(dir, {}).env });
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /lists no stacks/);
    });

    it("without a Pulumi CLI on PATH: one line, exit 2", () => {
        const dir = tempDir();
        const run = cli(["assess", "--all-stacks", "--output", path.join(dir, "out")], { env: { PATH: tempDir() } });
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /--all-stacks runs the Pulumi CLI, but `pulumi` was not found on PATH/);
    });
});

describe("cli: assess refuses bad input with one line and exit 2", function () {
    this.timeout(60_000);
    let dir: string;
    before(() => {
        dir = tempDir();
        fs.writeFileSync(path.join(dir, "a-file"), "");
        fs.mkdirSync(path.join(dir, "empty"));
        fs.writeFileSync(path.join(dir, "not-assessment.json"), JSON.stringify({ schema: "something else" }));
    });
    const out = () => path.join(dir, "out");
    const cases: Array<[string, () => string[], RegExp]> = [
        ["no input", () => ["assess", "--output", out()], /assess: missing <stack\.json \| dir \| -> or --all-stacks/],
        ["inputs and --all-stacks", () => ["assess", stacksDir, "--all-stacks", "--output", out()], /either export files .* or --all-stacks, not both/],
        ["no --output", () => ["assess", stacksDir], /--output DIR is required/],
        ["--output is a file", () => ["assess", stacksDir, "--output", path.join(dir, "a-file")], /cannot write to --output .*a-file: not a directory/],
        ["a missing input", () => ["assess", path.join(dir, "nope.json"), "--output", out()], /assess: .*nope\.json does not exist/],
        ["a directory without exports", () => ["assess", path.join(dir, "empty"), "--output", out()], /holds no \.json files/],
        ["stdin twice", () => ["assess", "-", "-", "--output", out()], /stdin\) given more than once/],
        ["an unknown --fail-on", () => ["assess", stacksDir, "--output", out(), "--fail-on", "critical"], /--fail-on must be mandatory, advisory, none, not "critical"/],
        ["a missing --previous", () => ["assess", stacksDir, "--output", out(), "--previous", path.join(dir, "nope.json")], /--previous .*nope\.json does not exist/],
        ["a --previous that is not an assessment", () => ["assess", stacksDir, "--output", out(), "--previous", path.join(dir, "not-assessment.json")],
            /not an assessment\.json written by snapshot-guard assess: "schema" is not "snapshot-guard\/assessment\/v1"/],
        ["a --previous that is a stack export", () => ["assess", stacksDir, "--output", out(), "--previous", path.join(fixtures, "stack-export.json")], /not an assessment\.json/],
        ["an invalid policy config", () => ["assess", stacksDir, "--output", out(), "--policy-pack-config", path.join(fixtures, "stack-export.json")], /invalid policy pack config/],
        ["an unknown option", () => ["assess", stacksDir, "--output", out(), "--format", "html"], /assess: unknown option --format/],
    ];
    for (const [situation, args, pattern] of cases) {
        it(situation, () => {
            const run = cli(args());
            assert.strictEqual(run.status, 2, run.stderr);
            assertOneLineError(run, pattern);
            assert.ok(!fs.existsSync(path.join(out(), "assessment.json")));
        });
    }

    it("the previous file may be the one this run replaces", () => {
        const target = path.join(dir, "in-place");
        const config = writePolicyConfig(dir);
        const first = cli(["assess", path.join(stacksDir, "gcp-analytics-prod.json"), "--policy-pack-config", config, "--output", target]);
        assert.strictEqual(first.status, 0, first.stderr);
        const second = cli(["assess", path.join(stacksDir, "gcp-analytics-prod.json"), "--policy-pack-config", config, "--output", target,
            "--previous", path.join(target, "assessment.json")]);
        assert.strictEqual(second.status, 0, second.stderr);
        assert.strictEqual(readAssessment(target).history.length, 2);
        assert.deepStrictEqual(fs.readdirSync(target).sort(), ["assessment.json", "index.html"]);
    });
});
