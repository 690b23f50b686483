// `report`: Pulumi's NDJSON engine events (built from the documented event schema) to CI formats.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { eventsToResults, parseEventLog } from "../../cli/events";
import { CliError } from "../../cli/errors";
import { isStackResource } from "../../cli/results";
import { repoRoot } from "../harness";
import { sarifProblems } from "./sarif-check";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const EVENTS = path.join("test", "cli", "fixtures", "preview-events.ndjson");
const eventsText = fs.readFileSync(path.join(fixtures, "preview-events.ndjson"), "utf8");

describe("cli: reading engine events", () => {
    it("keeps our pack's policy events, drops other packs, unrelated kinds and duplicates", () => {
        const results = eventsToResults(parseEventLog(eventsText, "e"), "e", { packs: ["snapshot-guard"] });
        assert.deepStrictEqual(results.findings.map((finding) => `${finding.level} ${finding.policy} ${finding.name}`),
            ["mandatory aws-volumes-encrypted data", "advisory aws-images-not-public public-ami"]);
        assert.deepStrictEqual(results.tool, { name: "snapshot-guard", version: "0.1.0" });
    });

    it("strips colour codes and the description line; fills severity from our rule list", () => {
        const [volume, image] = eventsToResults(parseEventLog(eventsText, "e"), "e", { packs: ["snapshot-guard"] }).findings;
        // The fixture's volume event carries the title of pack 0.1.0 ("EBS volumes are encrypted at
        // rest"), which has since changed: the first line goes all the same.
        assert.match(volume.message, /^EBS encryption is not enabled/);
        assert.doesNotMatch(volume.message, /encrypted at rest/);
        assert.match(image.message, /^AMI is public/);
        assert.doesNotMatch(volume.message, /\u001b|<\{%/);
        assert.strictEqual(volume.path, "encrypted");
        assert.strictEqual(image.severity, "critical", "no severity in the event: taken from the rule");
        // The last event has the shape the engine writes (colour "raw", `<{%reset%}>` tags, a
        // `<{%fg 1%}>` prefix): alone it reads the same, and next to the others it is a duplicate.
        const engineShaped = eventsText.trim().split("\n").filter((line) => line.includes("\"color\": \"raw\""));
        assert.strictEqual(engineShaped.length, 1);
        const [alone] = eventsToResults(parseEventLog(engineShaped[0], "e"), "e").findings;
        assert.deepStrictEqual([alone.message, alone.path], [volume.message, "encrypted"]);
    });

    it("turns policy summary events into passed and failed checks", () => {
        const results = eventsToResults(parseEventLog(eventsText, "e"), "e", { packs: ["snapshot-guard"] });
        assert.deepStrictEqual(results.checks.map((check) => `${check.outcome} ${check.policy} ${check.name}`).sort(),
            ["failed aws-images-not-public public-ami", "failed aws-volumes-encrypted data", "passed aws-db-backups-retained orders-db"]);
    });

    it("counts the resources the program declares, not the stack's root resource the engine also analyzes", () => {
        assert.ok(eventsText.includes('"resourceUrn": "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev"'), "the fixture has the stack's summary event");
        const results = eventsToResults(parseEventLog(eventsText, "e"), "e", { packs: ["snapshot-guard"] });
        assert.deepStrictEqual(results.resources.map((urn) => urn.split("::").pop()).sort(), ["data", "orders-db", "public-ami"]);
        assert.ok(!results.resources.some(isStackResource));
    });

    it("reads when the run started and how long it took, and the project and stack from the URNs", () => {
        const results = eventsToResults(parseEventLog(eventsText, "e"), "e");
        // the earliest timestamp; the summary event's durationSeconds over the span of the timestamps
        assert.deepStrictEqual([results.startedAt, results.durationSeconds, results.project, results.stack], ["2025-11-28T03:20:00.000Z", 3, "shop", "dev"]);
        const withoutSummary = eventsText.split("\n").filter((line) => !line.includes("summaryEvent\": {\"maybeCorrupt")).join("\n");
        assert.strictEqual(eventsToResults(parseEventLog(withoutSummary, "e"), "e").durationSeconds, 20, "no summary: the span of the timestamps");
        const odd = [
            JSON.stringify({ sequence: 1, timestamp: "yesterday", policyEvent: { resourceUrn: "urn:pulumi:prod::shop::aws:ebs/volume:Volume::data", policyName: "p", policyPackName: "snapshot-guard", enforcementLevel: "advisory", message: "m" } }),
            JSON.stringify({ sequence: 2, timestamp: 1e300, summaryEvent: { durationSeconds: "3" } }),
            JSON.stringify({ sequence: 3, timestamp: -5, policyEvent: { resourceUrn: "urn:pulumi:dev::shop::aws:ebs/volume:Volume::data", policyName: "p", policyPackName: "snapshot-guard", enforcementLevel: "advisory", message: "m" } }),
        ].join("\n");
        const oddResults = eventsToResults(parseEventLog(odd, "e"), "e");
        assert.deepStrictEqual([oddResults.startedAt, oddResults.durationSeconds, oddResults.project, oddResults.stack], [undefined, undefined, undefined, undefined],
            "timestamps and durations of the wrong type or out of range are left out; two stacks name none");
    });

    it("includes other packs when asked", () => {
        const results = eventsToResults(parseEventLog(eventsText, "e"), "e");
        assert.ok(results.findings.some((finding) => finding.pack === "other-pack" && finding.level === "mandatory"));
        assert.strictEqual(results.findings.find((finding) => finding.pack === "other-pack")?.path, undefined);
    });

    it("accepts a JSON array of events", () => {
        const array = JSON.stringify(eventsText.trim().split("\n").map((line) => JSON.parse(line)));
        assert.strictEqual(eventsToResults(parseEventLog(array, "e"), "e", { packs: ["snapshot-guard"] }).findings.length, 2);
    });

    it("skips the pretty-printed preview document `pulumi up --json` prints before the update's events", () => {
        const document = JSON.stringify({ steps: [{ op: "create", urn: "urn:pulumi:dev::shop::aws:ebs/volume:Volume::data" }], changeSummary: { create: 1 } }, null, 4);
        const results = eventsToResults(parseEventLog(`${document}\n${eventsText}`, "e"), "e", { packs: ["snapshot-guard"] });
        assert.strictEqual(results.findings.length, 2);
        assert.throws(() => parseEventLog(`{\n    "steps": [\n${eventsText}`, "e"), /line 1 is not JSON/);
    });

    it("reads remediation events as remediated results (not violations), naming changed properties only", () => {
        const text = fs.readFileSync(path.join(fixtures, "remediation-events.ndjson"), "utf8");
        const results = eventsToResults(parseEventLog(text, "e"), "e");
        const remediated = results.findings.filter((finding) => finding.level === "remediate");
        assert.deepStrictEqual(remediated.map((finding) => [finding.policy, finding.name, finding.message]), [
            ["azure-disks-not-exportable", "data", "remediated by azure-disks-not-exportable: changed networkAccessPolicy, publicNetworkAccess"],
        ]);
        assert.ok(!JSON.stringify(results).includes("SECRET-MARKER"));
        assert.ok(!JSON.stringify(results.findings).includes("DenyAll"), "values never appear, only property names");
    });

    const policyEvent = (fields: Record<string, unknown>) => JSON.stringify({ sequence: 1, policyEvent: {
        resourceUrn: "urn:pulumi:dev::shop::aws:ebs/volume:Volume::data", message: "m", policyName: "aws-volumes-encrypted",
        policyPackName: "snapshot-guard", policyPackVersion: "0.1.0", enforcementLevel: "mandatory", ...fields,
    } });
    it("skips events whose fields have the wrong type, with a count, instead of crashing", () => {
        const malformed = [
            policyEvent({ enforcementLevel: 3 }), policyEvent({ enforcementLevel: { level: "mandatory" } }), policyEvent({ message: ["x"] }),
            policyEvent({ policyName: 7 }), policyEvent({ resourceUrn: {} }), policyEvent({ severity: true }),
            JSON.stringify({ sequence: 2, policyEvent: "mandatory" }),
            JSON.stringify({ sequence: 3, policyRemediationEvent: { policyName: "p", policyPackName: "snapshot-guard", before: "x", after: {} } }),
            JSON.stringify({ sequence: 4, policyAnalyzeSummaryEvent: { policyPackName: "snapshot-guard", passed: [1], failed: [] } }),
            JSON.stringify({ sequence: 5, policyAnalyzeSummaryEvent: { policyPackName: ["snapshot-guard"], passed: [], failed: [] } }),
        ];
        const warnings: string[] = [];
        const results = eventsToResults(parseEventLog([...malformed, policyEvent({})].join("\n"), "e"), "e", { warn: (message) => warnings.push(message) });
        assert.strictEqual(results.findings.length, 1, "the well-formed event is still read");
        assert.deepStrictEqual(warnings, [`e: skipped ${malformed.length} malformed policy events (fields of the wrong type)`]);
    });

    it("uses the complete lines of a log whose last line was cut off, and says so", () => {
        const warnings: string[] = [];
        const cut = eventsText.trimEnd() + "\n" + policyEvent({}).slice(0, 40);
        const events = parseEventLog(cut, "e", (message) => warnings.push(message));
        assert.strictEqual(events.length, eventsText.trim().split("\n").length);
        assert.strictEqual(warnings.length, 1);
        assert.match(warnings[0], /^e line \d+ was cut off \(an interrupted run\?\); reading the \d+ complete lines before it$/);
    });

    for (const [name, text, pattern] of [
        ["an empty file", "\n", /is empty/],
        ["a line that is not JSON", "{\"sequence\":1}\nnot json SECRETMARKER\n", /line 2 is not JSON/],
        ["JSON that holds no engine events", "{\"hello\":\"world\"}\n", /holds no Pulumi engine events/],
    ] as const) {
        it(`rejects ${name}`, () => {
            assert.throws(() => parseEventLog(text, "f"), (error: unknown) => error instanceof CliError && pattern.test(error.message) && !error.message.includes("SECRETMARKER"));
        });
    }
});

describe("cli: report <events>", function () {
    this.timeout(60_000);

    it("exits 1 on a mandatory violation and prints the findings", () => {
        const run = cli(["report", EVENTS]);
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(run.stderr, "");
        assert.match(run.stdout, /mandatory aws-volumes-encrypted \[high\]/);
        assert.match(run.stdout, /1 mandatory, 1 advisory violation on 2 of 3 resources\n$/);
        assert.doesNotMatch(run.stdout, /other-pack|rds-no-public/);
    });

    it("exits 0 when the pack ran and found nothing", () => {
        const run = cli(["report", path.join("test", "cli", "fixtures", "clean-events.ndjson")]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stdout, /^no violations in /);
    });

    it("SARIF: valid structure, rules with help from our list, results by URN", () => {
        const run = cli(["report", EVENTS, "--format", "sarif"]);
        assert.strictEqual(run.status, 1);
        const log = JSON.parse(run.stdout);
        assert.deepStrictEqual(sarifProblems(log), []);
        const rules = log.runs[0].tool.driver.rules as { id: string; helpUri?: string }[];
        assert.deepStrictEqual(rules.map((rule) => rule.id).sort(), ["aws-db-backups-retained", "aws-images-not-public", "aws-volumes-encrypted"]);
        assert.ok(rules.every((rule) => rule.helpUri?.startsWith("https://")));
        assert.strictEqual(log.runs[0].results[0].locations[0].logicalLocations[0].fullyQualifiedName.startsWith("urn:pulumi:dev::shop::"), true);
    });

    it("SARIF results point at --artifact when given, relative to the working directory as %SRCROOT%", () => {
        const log = JSON.parse(cli(["report", EVENTS, "--format", "sarif", "--artifact", "infra dir/index.ts"]).stdout);
        assert.deepStrictEqual(sarifProblems(log), []);
        assert.ok(log.runs[0].results.every((result: any) => result.locations[0].physicalLocation.artifactLocation.uri === "infra%20dir/index.ts"
            && result.locations[0].physicalLocation.artifactLocation.uriBaseId === "%SRCROOT%"));
        assert.strictEqual(log.runs[0].originalUriBaseIds["%SRCROOT%"].uri, pathToFileURL(repoRoot).href + "/");
        const absolute = JSON.parse(cli(["report", EVENTS, "--format", "sarif", "--artifact", path.join(repoRoot, "infra", "index.ts")]).stdout);
        assert.strictEqual(absolute.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, "infra/index.ts", "an absolute path is made relative");
        const without = JSON.parse(cli(["report", EVENTS, "--format", "sarif"]).stdout);
        assert.strictEqual(without.runs[0].results[0].locations[0].physicalLocation, undefined);
        assert.strictEqual(without.runs[0].originalUriBaseIds, undefined);
    });

    it("SARIF: the run's category names the tool, project and stack", () => {
        const log = JSON.parse(cli(["report", EVENTS, "--format", "sarif"]).stdout);
        assert.deepStrictEqual(log.runs[0].automationDetails, { id: "snapshot-guard/shop/dev/" });
        assert.deepStrictEqual(log.runs[0].invocations, [{ executionSuccessful: true, startTimeUtc: "2025-11-28T03:20:00.000Z", endTimeUtc: "2025-11-28T03:20:03.000Z" }]);
    });

    it("SARIF with --all-packs names other packs' policies by pack", () => {
        const log = JSON.parse(cli(["report", EVENTS, "--format", "sarif", "--all-packs"]).stdout);
        assert.deepStrictEqual(sarifProblems(log), []);
        assert.ok(log.runs[0].tool.driver.rules.some((rule: { id: string }) => rule.id === "other-pack/rds-no-public"));
    });

    it("JUnit: a test case per resource and policy; only the mandatory violation fails; the run's start and duration", () => {
        const run = cli(["report", EVENTS, "--format", "junit"]);
        assert.match(run.stdout, /<testsuite name="snapshot-guard" tests="3" failures="1" errors="0" skipped="0" time="3\.000" timestamp="2025-11-28T03:20:00">/);
        assert.match(run.stdout, /name="aws-images-not-public">\n {6}<system-out>\[advisory\] AMI is public/);
        assert.match(run.stdout, /<testcase classname="urn:pulumi:dev::shop::aws:rds\/instance:Instance::orders-db" name="aws-db-backups-retained"\/>/);
    });

    it("Markdown for a pull request, from stdin, to --output", () => {
        const dir = tempDir();
        const file = path.join(dir, "comment.md");
        const run = cli(["report", "-", "--format", "markdown", "--output", file], { input: eventsText });
        assert.strictEqual(run.status, 1, run.stderr);
        assert.strictEqual(run.stdout, "");
        const markdown = fs.readFileSync(file, "utf8");
        assert.match(markdown, /^### snapshot-guard: policy violations\n\n1 mandatory, 1 advisory violation on 2 of 3 resources \(source: `stdin`\)/);
        assert.match(markdown, /#### Critical \(1\)[\s\S]*#### High \(1\)/);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("JSON", () => {
        const json = JSON.parse(cli(["report", EVENTS, "--format", "json"]).stdout);
        assert.deepStrictEqual(json.summary.byLevel, { mandatory: 1, advisory: 1 });
    });

    it("remediations: shown in every format, never failing", () => {
        const file = path.join("test", "cli", "fixtures", "remediation-events.ndjson");
        const text = cli(["report", file]);
        assert.strictEqual(text.status, 0, text.stderr);
        assert.match(text.stdout, /remediate azure-disks-not-exportable \[high\]\n    remediated by azure-disks-not-exportable: changed networkAccessPolicy, publicNetworkAccess/);
        assert.match(text.stdout, /0 mandatory, 1 advisory violation on 1 of 1 resource; 1 remediated\n$/);
        const json = JSON.parse(cli(["report", file, "--format", "json"]).stdout);
        assert.deepStrictEqual(json.summary.byLevel, { remediate: 1, advisory: 1 });
        const sarif = JSON.parse(cli(["report", file, "--format", "sarif"]).stdout);
        assert.deepStrictEqual(sarifProblems(sarif), []);
        assert.deepStrictEqual(sarif.runs[0].results.map((result: any) => `${result.ruleId} ${result.level}`).sort(),
            ["azure-customer-managed-keys warning", "azure-disks-not-exportable note"]);
        const junit = cli(["report", file, "--format", "junit"]).stdout;
        assert.match(junit, /<testcase classname="urn:pulumi:dev::shop::azure-native:compute:Disk::data" name="azure-disks-not-exportable">\n      <system-out>\[remediate\] remediated by azure-disks-not-exportable: changed networkAccessPolicy, publicNetworkAccess<\/system-out>/);
        assert.match(junit, /<testsuite name="snapshot-guard" tests="2" failures="0" errors="0" skipped="0" /);
        const markdown = cli(["report", file, "--format", "markdown"]).stdout;
        assert.match(markdown, /^### snapshot-guard: policy violations\n\n0 mandatory, 1 advisory violation on 1 of 1 resource; 1 remediated /);
        assert.match(markdown, /\| severity \| mandatory \| advisory \| remediated \|\n\|---\|---\|---\|---\|\n\| high \| 0 \| 0 \| 1 \|\n\| medium \| 0 \| 1 \| 0 \|/);
        assert.match(markdown, /\| remediate \| \[`azure-disks-not-exportable`\]\([^)]*\) \| `data` \(azure-native:compute:Disk\) \| remediated by azure-disks-not-exportable: changed networkAccessPolicy, publicNetworkAccess \|/);
        for (const output of [text.stdout, junit, markdown, JSON.stringify(json), JSON.stringify(sarif)]) assert.ok(!output.includes("SECRET-MARKER"));
    });

    it("Markdown: capped at 60,000 characters by default, or at --max-length, with a note of what was left out", () => {
        const events = Array.from({ length: 400 }, (_, index) => JSON.stringify({ sequence: index, timestamp: 1764300000 + index, policyEvent: {
            resourceUrn: `urn:pulumi:dev::shop::aws:ebs/volume:Volume::volume-${index}`, policyName: "aws-volumes-encrypted", policyPackName: "snapshot-guard",
            policyPackVersion: "0.1.0", enforcementLevel: "mandatory", message: `EBS encryption is not enabled (omitted means unencrypted) at encrypted; set \`encrypted: true\` on the aws.ebs.Volume ${"(this replaces an existing volume) ".repeat(4)}`,
        } })).join("\n");
        const capped = cli(["report", "-", "--format", "markdown"], { input: events });
        assert.strictEqual(capped.status, 1, capped.stderr);
        assert.ok(capped.stdout.length <= 60_000, `${capped.stdout.length}`);
        assert.match(capped.stdout, /^> \*\*\d+ of 400 findings are not listed\*\*/m);
        const small = cli(["report", "-", "--format", "markdown", "--max-length", "3000"], { input: events });
        assert.ok(small.stdout.length <= 3000 && small.stdout.length > 2000, `${small.stdout.length}`);
        assert.match(small.stdout, /capped at 3000 \(`--max-length`\)/);
    });

    it("a malformed event is skipped with a count on stderr; exit code from the rest", () => {
        const lines = eventsText.trimEnd() + "\n" + JSON.stringify({ sequence: 99, policyEvent: { policyName: "aws-volumes-encrypted", policyPackName: "snapshot-guard", enforcementLevel: 5 } }) + "\n";
        const run = cli(["report", "-"], { input: lines });
        assert.strictEqual(run.status, 1);
        assert.strictEqual(run.stderr, "snapshot-guard report: warning: stdin: skipped 1 malformed policy event (fields of the wrong type)\n");
    });

    it("accepts a UTF-8 byte-order mark; names UTF-16 when rejecting it", () => {
        const dir = tempDir();
        const bom = path.join(dir, "bom.ndjson");
        fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(eventsText)]));
        assert.strictEqual(cli(["report", bom]).status, 1);
        const utf16 = path.join(dir, "utf16.ndjson");
        fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(eventsText, "utf16le")]));
        const run = cli(["report", utf16]);
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /utf16\.ndjson is UTF-16 text \(little-endian\), as Windows PowerShell 5 `>` writes/);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it("reports a log whose last line was cut off from its complete lines, with a warning", () => {
        const run = cli(["report", "-"], { input: eventsText.trimEnd() + "\n{\"sequence\": 99, \"policyEv" });
        assert.strictEqual(run.status, 1);
        assert.match(run.stderr, /^snapshot-guard report: warning: stdin line \d+ was cut off/);
        assert.strictEqual(run.stderr.trim().split("\n").length, 1);
    });

    for (const [name, args, pattern] of [
        ["a missing file", ["report", "missing.ndjson"], /missing\.ndjson does not exist/],
        ["an event log with no policy events", ["report", path.join("test", "cli", "fixtures", "no-policy-events.ndjson")], /has no policy events of snapshot-guard \(was the preview run with --policy-pack\?\)/],
        ["a stack export instead of events", ["report", path.join("test", "cli", "fixtures", "stack-export.json")], /holds no Pulumi engine events/],
        ["an unknown format", ["report", EVENTS, "--format", "xml"], /unknown --format "xml"/],
        ["--pack with --all-packs", ["report", EVENTS, "--pack", "x", "--all-packs"], /either --pack or --all-packs/],
        ["--max-length with another format than markdown", ["report", EVENTS, "--format", "sarif", "--max-length", "5000"], /--max-length applies to --format markdown only/],
        ["a --max-length the summary cannot fit in", ["report", EVENTS, "--format", "markdown", "--max-length", "80"], /--max-length "80" is not a whole number of characters from 1000 up/],
    ] as const) {
        it(`exits 2 on ${name}`, () => {
            const run = cli([...args]);
            assert.strictEqual(run.status, 2, run.stderr);
            assertOneLineError(run, pattern);
        });
    }
});
