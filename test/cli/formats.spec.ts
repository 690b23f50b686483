// Formatters as units: the same results rendered in every format.
import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { formatJson, jsonChunks } from "../../cli/format/json";
import { formatJunit, junitTimestamp, xmlEscape } from "../../cli/format/junit";
import { codeSpan, DEFAULT_MARKDOWN_MAX_LENGTH, formatMarkdown } from "../../cli/format/markdown";
import { directoryUri, formatSarif, relativeUri, ruleName, toSarif } from "../../cli/format/sarif";
import { formatText } from "../../cli/format/text";
import { checkFormat, checkMaxLength, FORMATS, render } from "../../cli/format";
import { CliError } from "../../cli/errors";
import {
    commonStack, isStackResource, policyRef, splitMessage, stripColour, typeOfUrn, nameOfUrn, withoutDescription,
    type ResultFinding, type Results,
} from "../../cli/results";
import { allRules } from "../../policies";
import { FIXED_NOW } from "../harness";
import { INSTALL_COMMAND, requireTool, runPythonTool, toolsPython } from "../tools/python-tools";
import { multitoolPath, multitoolProblems, sarifSchemaPath } from "../tools/sarif-multitool";
import { sarifProblems } from "./sarif-check";

const VOLUME = "urn:pulumi:dev::shop::aws:ebs/volume:Volume::data";
const CHILD = "urn:pulumi:dev::shop::my:component:Thing$aws:ec2/amiLaunchPermission:AmiLaunchPermission::public|<ami>";

function sample(): Results {
    return {
        source: "stack.json",
        artifact: "stack.json",
        tool: { name: "snapshot-guard", version: "0.1.0" },
        policies: [policyRef("aws-volumes-encrypted", "snapshot-guard", "0.1.0"), policyRef("aws-images-not-public", "snapshot-guard", "0.1.0")],
        findings: [
            {
                policy: "aws-volumes-encrypted", pack: "snapshot-guard", level: "mandatory", severity: "high", urn: VOLUME,
                type: "aws:ebs/volume:Volume", name: "data",
                message: "EBS encryption is not enabled at encrypted; set `encrypted: true` on the aws.ebs.Volume",
                path: "encrypted", fix: "set `encrypted: true` on the aws.ebs.Volume",
            },
            {
                policy: "aws-images-not-public", pack: "snapshot-guard", level: "advisory", severity: "critical", urn: CHILD,
                type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission", name: "public|<ami>",
                message: "AMI is public & <shared> at group; remove | group",
                path: "group", fix: "remove | group",
            },
            {
                policy: "other-rule", pack: "other-pack", level: "advisory", urn: VOLUME, type: "aws:ebs/volume:Volume", name: "data",
                message: "some other pack's finding",
            },
        ],
        checks: [
            { urn: VOLUME, type: "aws:ebs/volume:Volume", name: "data", policy: "aws-volumes-encrypted", pack: "snapshot-guard", outcome: "failed" },
            { urn: CHILD, type: "x", name: "public|<ami>", policy: "aws-images-not-public", pack: "snapshot-guard", outcome: "failed" },
            { urn: VOLUME, type: "aws:ebs/volume:Volume", name: "data", policy: "aws-db-backups-retained", pack: "snapshot-guard", outcome: "passed" },
            { urn: VOLUME, type: "aws:ebs/volume:Volume", name: "data", policy: "gcp-iam-not-public", pack: "snapshot-guard", outcome: "skipped", reason: "deferred until deploy: member is unknown during preview" },
        ],
        resources: [VOLUME, CHILD, "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev"],
    };
}

/** A program scan: findings located at the declaring line, relative to the program directory. */
function programSample(): Results {
    const results = sample();
    results.source = "infra dir";
    results.sourceRoot = "/work/shop/infra dir";
    results.artifact = "index.ts";
    results.project = "shop";
    results.stack = "dev";
    results.startedAt = "2026-06-15T12:00:00.250Z";
    results.durationSeconds = 2.5;
    results.findings[0].location = { file: "src/my volumes#1.ts", line: 42, column: 7 };
    results.findings[1].location = { file: "index.ts", line: 9 };
    return results;
}

const VOLUME_TYPE = "aws:ebs/volume:Volume";

/** `count` findings with messages of a realistic length, over every severity and both levels. */
function manyFindings(count: number): Results {
    const severities = ["critical", "high", "medium", "low"];
    const findings: ResultFinding[] = Array.from({ length: count }, (_, index) => ({
        policy: "aws-volumes-encrypted", pack: "snapshot-guard", level: index % 3 === 0 ? "advisory" : "mandatory",
        severity: severities[index % 4], urn: `urn:pulumi:dev::shop::${VOLUME_TYPE}::volume-${index}`, type: VOLUME_TYPE, name: `volume-${index}`,
        message: "EBS encryption is not enabled (omitted means unencrypted) at encrypted; set `encrypted: true` on the aws.ebs.Volume " +
            "(this replaces an existing volume; migrate data through an encrypted snapshot)",
    }));
    return { ...sample(), findings, checks: [], resources: findings.map((finding) => finding.urn) };
}

/** Text of rendered HTML: tags dropped, cmark's entities decoded. */
function htmlText(html: string): string {
    return html.replace(/<[^>]*>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&amp;/g, "&");
}

/** Each table of rendered HTML as rows of cells (inner HTML). */
function htmlTables(html: string): string[][][] {
    return (html.match(/<table>[\s\S]*?<\/table>/g) ?? []).map((table) => (table.match(/<tr>[\s\S]*?<\/tr>/g) ?? [])
        .map((row) => [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => cell[1])));
}

describe("cli: result helpers", () => {
    it("reads type and name from URNs, including parented types", () => {
        assert.strictEqual(typeOfUrn(CHILD), "aws:ec2/amiLaunchPermission:AmiLaunchPermission");
        assert.strictEqual(nameOfUrn(CHILD), "public|<ami>");
        assert.strictEqual(typeOfUrn("not-a-urn"), "");
    });

    it("splits our message shape and leaves others alone", () => {
        assert.deepStrictEqual(splitMessage("problem at a.b[0].c; fix it at once"), { path: "a.b[0].c", fix: "fix it at once" });
        assert.deepStrictEqual(splitMessage("no structure here"), {});
    });

    it("drops the description line the policy SDK puts before our messages, even one from another pack version", () => {
        const message = "EBS encryption is not enabled at encrypted; set `encrypted: true`";
        assert.strictEqual(withoutDescription(`Current title\n${message}\n`, "Current title"), message);
        // an event log written by an older pack version carries that version's title
        assert.strictEqual(withoutDescription(`Old title\n${message}`, "Current title", true), message);
        assert.strictEqual(withoutDescription(`Old title\n${message}`, "Current title"), `Old title\n${message}`, "other packs' messages stay whole");
        assert.strictEqual(withoutDescription(message, "Current title", true), message, "nothing to drop on a single line");
    });

    it("tells the stack's root resource from declared ones, and the project and stack all URNs name", () => {
        assert.ok(isStackResource("urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev"));
        assert.ok(!isStackResource(VOLUME) && !isStackResource(CHILD));
        assert.deepStrictEqual(commonStack(["", VOLUME, CHILD]), { project: "shop", stack: "dev" });
        assert.deepStrictEqual(commonStack([VOLUME, "urn:pulumi:prod::shop::aws:ebs/volume:Volume::data"]), {}, "two stacks: none");
        assert.deepStrictEqual(commonStack(["not-a-urn"]), {});
        assert.deepStrictEqual(commonStack([]), {});
    });

    it("strips ANSI colour codes and Pulumi colour tags", () => {
        assert.strictEqual(stripColour("\u001b[38;5;1mred\u001b[0m<{%reset%}> text"), "red text");
        // the engine's own tags carry arguments: `<{%fg 1%}>mandatory: <{%reset%}>`
        assert.strictEqual(stripColour("<{%fg 1%}>mandatory: <{%reset%}><{%bold%}>x<{%fg 13%}>"), "mandatory: x");
    });
});

describe("cli: output formats", () => {
    it("knows exactly the five formats and rejects others", () => {
        assert.deepStrictEqual([...FORMATS], ["text", "json", "sarif", "junit", "markdown"]);
        assert.strictEqual(checkFormat(undefined, "scan"), "text");
        assert.throws(() => checkFormat("html", "scan"), (error: unknown) => error instanceof CliError && /unknown --format "html"/.test(error.message));
        for (const format of FORMATS) assert.ok(render(sample(), format).endsWith("\n"));
    });

    it("text: groups by resource, shows level, severity, path and fix, ends with counts", () => {
        const text = formatText(sample());
        assert.match(text, /^aws:ebs\/volume:Volume data\n {2}urn:pulumi:dev::shop::aws:ebs\/volume:Volume::data\n {2}mandatory aws-volumes-encrypted \[high\]\n {4}EBS encryption is not enabled\n {4}at: {2}encrypted\n {4}fix: set/m);
        assert.match(text, /advisory other-rule \(other-pack\) \[unspecified\]/);
        assert.strictEqual(text.indexOf("aws:ebs/volume:Volume data"), text.lastIndexOf("aws:ebs/volume:Volume data"), "one group per resource");
        assert.match(text, /\n1 check not decided \(value unknown until deploy\): see --format json\n1 mandatory, 2 advisory violations on 2 of 3 resources\n$/);
        assert.doesNotMatch(text, /\u001b\[/);
        assert.match(formatText(sample(), { colour: true }), /\u001b\[31mmandatory/);
    });

    it("text: counts exempted findings apart from undecided checks", () => {
        const results = sample();
        results.checks.push({ urn: VOLUME, type: "aws:ebs/volume:Volume", name: "data", policy: "aws-snapshots-expire", pack: "snapshot-guard", outcome: "skipped", reason: "exempted by policy config until 2027-01-31: baseline" });
        assert.match(formatText(results), /\n1 finding exempted by policy config \(not blocking until the exemption expires\): see --format json\n1 check not decided/);
    });

    it("text: says so when there is nothing to report", () => {
        const clean = { ...sample(), findings: [], checks: [] };
        assert.match(formatText(clean), /^no violations in stack\.json\n0 mandatory, 0 advisory violations on 0 of 3 resources\n$/);
    });

    it("json: findings, checks and counts", () => {
        const json = JSON.parse(formatJson(sample(), { checks: true }));
        assert.deepStrictEqual(json.summary, { resources: 3, findings: 3, byLevel: { mandatory: 1, advisory: 2 }, bySeverity: { high: 1, critical: 1, unspecified: 1 } });
        assert.strictEqual(json.findings.length, 3);
        assert.strictEqual(json.checks.length, 4);
        assert.strictEqual(JSON.parse(formatJson(sample())).checks, undefined, "checks only when asked for");
    });

    it("json: written in pieces, the same text as one JSON.stringify of the whole result", () => {
        const whole = (results: Results, checks: boolean) => JSON.stringify({
            source: results.source, tool: results.tool,
            summary: JSON.parse(formatJson(results)).summary,
            findings: results.findings, ...(checks ? { checks: results.checks } : {}),
        }, null, 2) + "\n";
        const full = sample();
        const empty = { ...sample(), findings: [], checks: [] };
        for (const [results, checks] of [[full, true], [full, false], [empty, true], [empty, false]] as const) {
            const pieces = [...jsonChunks(results, { checks })];
            assert.strictEqual(pieces.join(""), whole(results, checks));
            if (results.findings.length > 1) assert.ok(pieces.length > results.findings.length, "one piece per finding");
        }
    });

    it("sarif: fingerprints tell apart findings without a property path on one resource and policy, and stay stable", () => {
        const pathless = (message: string) => ({
            policy: "aws-account-guardrails", pack: "snapshot-guard", level: "mandatory" as const, urn: "", type: "", name: "", message,
        });
        const results = { ...sample(), findings: [...sample().findings, pathless("no EBS encryption by default in eu-west-1"), pathless("no EBS encryption by default in us-east-1")] };
        const prints = (toSarif(results) as any).runs[0].results.map((result: any) => result.partialFingerprints["resourcePolicy/v1"]);
        assert.strictEqual(new Set(prints).size, prints.length, `fingerprints collide: ${prints.join(", ")}`);
        assert.deepStrictEqual((toSarif(results) as any).runs[0].results.map((result: any) => result.partialFingerprints["resourcePolicy/v1"]), prints);
        assert.ok(prints.includes(`${VOLUME}|snapshot-guard|aws-volumes-encrypted|encrypted`), "a finding with a path keeps its fingerprint");
    });

    it("sarif: has the structure SARIF 2.1.0 requires", () => {
        const log = JSON.parse(formatSarif(sample()));
        assert.deepStrictEqual(sarifProblems(log), []);
        assert.deepStrictEqual(sarifProblems({ version: "2.0.0", runs: [{ tool: {} , results: [{ level: "fatal" }] }] }).length > 0, true, "the checker itself catches problems");
    });

    it("sarif: one rule per policy with help and URL from our rule list; results by URN", () => {
        const log = toSarif(sample()) as any;
        const run = log.runs[0];
        assert.strictEqual(run.tool.driver.name, "snapshot-guard");
        const ids = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
        assert.deepStrictEqual(ids, ["aws-volumes-encrypted", "aws-images-not-public", "other-pack/other-rule"]);
        const ours = run.tool.driver.rules[0];
        assert.match(ours.helpUri, /^https:\/\//);
        const rule = allRules.find((candidate) => candidate.id === "aws-volumes-encrypted")!;
        assert.strictEqual(ours.shortDescription.text, rule.title);
        assert.strictEqual(ours.fullDescription.text, rule.rationale);
        assert.ok(ours.help.text.includes(rule.remediation));
        assert.strictEqual(ours.helpUri, rule.docsUrl);
        assert.strictEqual(ours.properties["security-severity"], "8.0");
        const levels = run.results.map((result: { ruleId: string; level: string }) => `${result.ruleId}:${result.level}`);
        assert.deepStrictEqual(levels.sort(), ["aws-images-not-public:warning", "aws-volumes-encrypted:error", "other-pack/other-rule:warning"]);
        const volume = run.results.find((result: { ruleId: string }) => result.ruleId === "aws-volumes-encrypted");
        assert.deepStrictEqual(volume.locations[0].logicalLocations, [{ fullyQualifiedName: VOLUME, name: "data", kind: "resource" }]);
        assert.deepStrictEqual(volume.locations[0].physicalLocation, { artifactLocation: { uri: "stack.json" } });
        assert.strictEqual(volume.properties.propertyPath, "encrypted");
    });

    it("junit: one test case per resource and policy, failures and skips counted, XML escaped", () => {
        const xml = formatJunit(sample());
        assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="snapshot-guard" tests="5" failures="1" errors="0" skipped="1" /);
        assert.match(xml, /<testsuite name="snapshot-guard" tests="4" failures="1" errors="0" skipped="1" /);
        assert.match(xml, /<testsuite name="other-pack" tests="1" failures="0" errors="0" skipped="0" /);
        assert.match(xml, /<testcase classname="urn:pulumi:dev::shop::aws:ebs\/volume:Volume::data" name="aws-db-backups-retained"\/>/);
        assert.match(xml, /<skipped message="deferred until deploy: member is unknown during preview"\/>/);
        assert.ok(xml.includes("public|&lt;ami&gt;"));
        assert.ok(xml.includes("[advisory] AMI is public &amp; &lt;shared&gt; at group"));
        assert.doesNotMatch(xml.replace(/<\?xml[^>]*\?>/, ""), /<(?![/a-z!?])/, "no raw < inside text");
        assert.strictEqual(xmlEscape("a\u0001b\"'"), "ab&quot;&apos;");
        const opened = (xml.match(/<testcase [^>]*[^/]>/g) ?? []).length;
        assert.strictEqual(opened, (xml.match(/<\/testcase>/g) ?? []).length);
    });

    it("markdown: counts, then a table per severity, pipes escaped", () => {
        const markdown = formatMarkdown(sample());
        assert.match(markdown, /^### snapshot-guard: policy violations\n\n1 mandatory, 2 advisory violations on 2 of 3 resources/);
        const critical = markdown.indexOf("#### Critical (1)");
        const high = markdown.indexOf("#### High (1)");
        const unspecified = markdown.indexOf("#### Unspecified (1)");
        assert.ok(critical > 0 && critical < high && high < unspecified, markdown);
        assert.ok(markdown.includes("| **mandatory** | [`aws-volumes-encrypted`](https://"));
        assert.ok(markdown.includes("remove \\| group"));
        assert.ok(markdown.includes("`public\\|<ami>`"));
        assert.match(formatMarkdown({ ...sample(), findings: [] }), /^### snapshot-guard: no policy violations\n/);
    });
    it("junit: only a mandatory finding fails its test case; advisory ones pass with the message as output", () => {
        const xml = formatJunit(sample());
        assert.match(xml, /<testcase classname="urn:pulumi:dev::shop::aws:ebs\/volume:Volume::data" name="aws-volumes-encrypted">\n {6}<failure message="EBS encryption is not enabled[^"]*" type="mandatory">\[mandatory\] EBS/);
        assert.match(xml, /name="aws-images-not-public">\n {6}<system-out>\[advisory\] AMI is public &amp; &lt;shared&gt; at group; remove \| group<\/system-out>\n {4}<\/testcase>/);
        assert.match(xml, /name="other-rule">\n {6}<system-out>\[advisory\] some other pack&apos;s finding<\/system-out>/);
        assert.strictEqual((xml.match(/<failure /g) ?? []).length, 1);
        const advisoryOnly = { ...sample(), findings: sample().findings.filter((finding) => finding.level === "advisory") };
        advisoryOnly.checks = advisoryOnly.checks.filter((check) => check.policy !== "aws-volumes-encrypted");
        assert.doesNotMatch(formatJunit(advisoryOnly), /<failure/, "a run that passes preview passes as a test report");
    });

    it("junit: time and a zone-less ISO 8601 timestamp on the report and every suite, from the results or now", () => {
        const xml = formatJunit(programSample());
        assert.match(xml, /<testsuites [^>]* time="2\.500" timestamp="2026-06-15T12:00:00">/);
        assert.strictEqual((xml.match(/ time="2\.500" timestamp="2026-06-15T12:00:00">/g) ?? []).length, 3, "testsuites and both testsuite elements");
        // the JUnit schema's pattern: no fractions, no zone
        for (const [, stamp] of xml.matchAll(/timestamp="([^"]*)"/g)) assert.match(stamp, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
        assert.match(formatJunit(sample(), { now: () => FIXED_NOW }), /<testsuites [^>]* time="0\.000" timestamp="2026-06-15T12:00:00">/);
        assert.match(formatJunit({ ...sample(), startedAt: "not a date", durationSeconds: Number.NaN }, { now: () => FIXED_NOW }), / time="0\.000" timestamp="2026-06-15T12:00:00"/);
        assert.strictEqual(junitTimestamp(new Date("2026-01-02T03:04:05.678+02:00")), "2026-01-02T01:04:05");
    });

    it("junit: a remediation passes its test case and says what changed", () => {
        const results = sample();
        results.findings.push({ policy: "aws-db-backups-retained", pack: "snapshot-guard", level: "remediate", urn: VOLUME, type: VOLUME_TYPE, name: "data", message: "remediated by aws-db-backups-retained: changed backupRetentionPeriod" });
        const xml = formatJunit(results);
        assert.match(xml, /name="aws-db-backups-retained">\n {6}<system-out>\[remediate\] remediated by aws-db-backups-retained: changed backupRetentionPeriod<\/system-out>/);
        assert.match(xml, /<testsuite name="snapshot-guard" tests="4" failures="1" /);
    });

    it("text: the declaring file and line beside the resource, relative to the working directory", () => {
        const text = formatText(programSample(), { cwd: "/work/shop" });
        assert.match(text, /^aws:ebs\/volume:Volume data {2}infra dir\/src\/my volumes#1\.ts:42:7\n {2}urn:pulumi:dev::shop::aws:ebs\/volume:Volume::data$/m);
        assert.match(text, /^aws:ec2\/amiLaunchPermission:AmiLaunchPermission public\|<ami> {2}infra dir\/index\.ts:9\n/m, "no column: file:line");
        assert.match(formatText(programSample(), { cwd: "/work/shop/infra dir" }), /^aws:ebs\/volume:Volume data {2}src\/my volumes#1\.ts:42:7$/m);
        assert.match(formatText(sample()), /^aws:ebs\/volume:Volume data\n/m, "nothing when the scan knows no location");
    });

    it("sarif: readable rule names that differ from the ids; help on every rule, other packs' too", () => {
        const rules = (toSarif(sample()) as any).runs[0].tool.driver.rules;
        assert.deepStrictEqual(rules.map((rule: { id: string; name: string }) => [rule.id, rule.name]), [
            ["aws-volumes-encrypted", "AwsVolumesEncrypted"], ["aws-images-not-public", "AwsImagesNotPublic"], ["other-pack/other-rule", "OtherRule"]]);
        const rule = allRules.find((candidate) => candidate.id === "aws-volumes-encrypted")!;
        assert.strictEqual(rules[0].help.text, `${rule.rationale}\n\nFix: ${rule.remediation}\n\nDocumentation: ${rule.docsUrl}`);
        assert.strictEqual(rules[0].help.markdown, `${rule.rationale}\n\n**Fix:** ${rule.remediation}\n\n[Documentation](${rule.docsUrl})`);
        assert.match(rules[2].help.text, /^Policy other-rule of the Pulumi policy pack other-pack, read from Pulumi's policy events\. /);
        assert.match(rules[2].help.markdown, /^Policy `other-rule` of the Pulumi policy pack `other-pack`/);
        assert.strictEqual(ruleName("rds-no-public"), "RdsNoPublic");
        assert.strictEqual(ruleName("EBS volumes: at rest"), "EBSVolumesAtRest");
    });

    it("sarif: tool full name and an automation id per tool, project and stack", () => {
        const run = (toSarif(programSample()) as any).runs[0];
        assert.strictEqual(run.tool.driver.fullName, "snapshot-guard 0.1.0 (Pulumi CrossGuard policy pack)");
        assert.deepStrictEqual(run.automationDetails, { id: "snapshot-guard/shop/dev/" });
        assert.deepStrictEqual((toSarif(sample()) as any).runs[0].automationDetails, { id: "snapshot-guard/" }, "no project or stack known");
        assert.deepStrictEqual(run.invocations, [{ executionSuccessful: true, startTimeUtc: "2026-06-15T12:00:00.250Z", endTimeUtc: "2026-06-15T12:00:02.750Z" }]);
        assert.strictEqual((toSarif(sample()) as any).runs[0].invocations, undefined);
    });

    it("sarif: results at the declaring line relative to %SRCROOT%, else at the scanned file; the base as a file URI", () => {
        const run = (toSarif(programSample()) as any).runs[0];
        assert.deepStrictEqual(run.originalUriBaseIds, { "%SRCROOT%": { uri: "file:///work/shop/infra%20dir/" } });
        const byRule = (id: string) => run.results.find((result: { ruleId: string }) => result.ruleId === id).locations[0];
        assert.deepStrictEqual(byRule("aws-volumes-encrypted").physicalLocation, {
            artifactLocation: { uri: "src/my%20volumes%231.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 42, startColumn: 7 } });
        assert.deepStrictEqual(byRule("aws-images-not-public").physicalLocation, {
            artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 9 } });
        assert.deepStrictEqual(byRule("other-pack/other-rule").physicalLocation, { artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" } }, "no location: the artifact");
        assert.deepStrictEqual(byRule("aws-volumes-encrypted").logicalLocations, [{ fullyQualifiedName: VOLUME, name: "data", kind: "resource" }]);
        assert.deepStrictEqual(sarifProblems(toSarif(programSample())), []);
        assert.strictEqual(directoryUri("/tmp/a b#c%d"), "file:///tmp/a%20b%23c%25d/");
        assert.strictEqual(directoryUri("/tmp/dir/"), "file:///tmp/dir/");
        assert.strictEqual(relativeUri("a b/ä?.ts"), "a%20b/%C3%A4%3F.ts");
        const unlocated = { ...programSample(), artifact: undefined };
        unlocated.findings = unlocated.findings.map(({ location, ...finding }) => finding);
        assert.strictEqual((toSarif(unlocated) as any).runs[0].results[0].locations[0].physicalLocation, undefined, "nothing to point at");
    });

    it("sarif: the structure check catches what GitHub and the specification refuse", () => {
        const log = toSarif(programSample()) as any;
        const run = log.runs[0];
        run.tool.driver.rules[0].name = run.tool.driver.rules[0].id;
        delete run.tool.driver.rules[1].help;
        run.originalUriBaseIds["%SRCROOT%"].uri = "file:///work/shop/infra dir";
        run.results[0].locations[0].physicalLocation.region.startLine = 0;
        run.results[1].locations[0].physicalLocation.artifactLocation.uri = "file:///abs.ts";
        run.results[2].locations[0].physicalLocation.artifactLocation.uriBaseId = "%OTHER%";
        const problems = sarifProblems(log);
        for (const expected of [/rules\[0\]\.name differs/, /rules\[1\]\.help\.text is required/, /originalUriBaseIds\.%SRCROOT%\.uri is an absolute URI ending in \//,
            /results\[0\] region\.startLine/, /results\[1\] artifactLocation\.uri is relative/, /results\[2\] artifactLocation\.uriBaseId is declared/]) {
            assert.ok(problems.some((problem) => expected.test(problem)), `${expected} in ${problems.join("; ")}`);
        }
        assert.ok(sarifProblems({ ...toSarif(sample()), runs: [{ ...(toSarif(sample()) as any).runs[0], results: [{ message: { text: "m" }, locations: [{ physicalLocation: { artifactLocation: { uri: "a b.ts" } } }] }] }] })
            .some((problem) => /is a percent-encoded URI reference/.test(problem)));
    });

    it("markdown: code spans hold any backticks; `<` outside code is escaped", () => {
        assert.strictEqual(codeSpan("data"), "`data`");
        assert.strictEqual(codeSpan("a`b"), "``a`b``");
        assert.strictEqual(codeSpan("a``b`c"), "```a``b`c```");
        assert.strictEqual(codeSpan("`x"), "`` `x ``");
        assert.strictEqual(codeSpan(" x "), "`  x  `");
        const results = sample();
        results.findings[0].name = "we`ird|<name>";
        results.findings[0].message = "not <encrypted> at encrypted; set `a<b|c` now";
        const markdown = formatMarkdown(results);
        assert.ok(markdown.includes("| ``we`ird\\|<name>`` (aws:ebs/volume:Volume) | not &lt;encrypted> at encrypted; set `a<b\\|c` now |"), markdown);
    });

    it("markdown: counts remediations apart; no violations when there are only remediations", () => {
        const results = { ...sample(), findings: [{ policy: "aws-volumes-encrypted", pack: "snapshot-guard", level: "remediate" as const, severity: "high", urn: VOLUME, type: VOLUME_TYPE, name: "data", message: "remediated by aws-volumes-encrypted: changed encrypted" }] };
        const markdown = formatMarkdown(results);
        assert.match(markdown, /^### snapshot-guard: no policy violations\n/);
        assert.match(markdown, /\| severity \| mandatory \| advisory \| remediated \|\n\|---\|---\|---\|---\|\n\| high \| 0 \| 0 \| 1 \|\n/);
        assert.match(formatMarkdown(sample()), /\| severity \| mandatory \| advisory \|\n\|---\|---\|---\|\n/, "no remediated column without remediations");
        assert.match(markdown, /\| remediate \| \[`aws-volumes-encrypted`\]/);
    });

    it("markdown: the declaring line beside the resource", () => {
        assert.match(formatMarkdown(programSample()), /\| `data` \(aws:ebs\/volume:Volume\) at `src\/my volumes#1\.ts:42` \|/);
    });

    it("markdown: capped for GitHub, summary first, the cut findings counted and pointed at the full report", () => {
        const results = manyFindings(600);
        const full = formatMarkdown(results, { maxLength: 10_000_000 });
        assert.ok(full.length > 100_000, "uncapped it would not fit a comment");
        const markdown = formatMarkdown(results);
        assert.ok(markdown.length <= DEFAULT_MARKDOWN_MAX_LENGTH && DEFAULT_MARKDOWN_MAX_LENGTH < 65_536, `${markdown.length}`);
        const shown = (markdown.match(/^\| (\*\*mandatory\*\*|advisory) \|/gm) ?? []).length;
        const note = /^> \*\*(\d+) of 600 findings are not listed\*\*: GitHub refuses comments over 65,536 characters and this one is capped at 60000 \(`--max-length`\)\. The full list is in the JSON or SARIF report/m.exec(markdown);
        assert.ok(note, markdown.slice(0, 2000));
        assert.strictEqual(Number(note[1]) + shown, 600);
        assert.ok(shown > 100, "the cap is filled, not emptied");
        // the summary still counts every finding
        assert.match(markdown, /^400 mandatory, 200 advisory violations on 600 of 600 resources/m);
        assert.match(markdown, /\| critical \| 100 \| 50 \|\n\| high \| 100 \| 50 \|/);
        assert.ok(markdown.indexOf("findings are not listed") < markdown.indexOf("#### Critical"), "the note comes before the tables");
        const small = formatMarkdown(results, { maxLength: 5_000 });
        assert.ok(small.length <= 5_000);
        assert.match(small, /#### Critical \(150, \d+ shown\)/);
        assert.doesNotMatch(small, /#### High/, "sections after the cut are left out");
        assert.strictEqual(formatMarkdown(manyFindings(3)).includes("not listed"), false, "nothing cut, no note");
    });

    it("--max-length: markdown only, a whole number from 1,000 up", () => {
        assert.strictEqual(checkMaxLength(undefined, "sarif", "report"), undefined);
        assert.strictEqual(checkMaxLength("1000", "markdown", "report"), 1000);
        for (const [value, format, pattern] of [
            ["5000", "json", /report: --max-length applies to --format markdown only/],
            ["999", "markdown", /--max-length "999" is not a whole number of characters from 1000 up/],
            ["12.5", "markdown", /not a whole number/],
            ["-3", "markdown", /not a whole number/],
            ["1e6", "markdown", /not a whole number/],
        ] as const) {
            assert.throws(() => checkMaxLength(value, format, "report"), (error: unknown) => error instanceof CliError && pattern.test(error.message));
        }
        assert.ok(render(manyFindings(600), "markdown", { maxLength: 2_000 }).length <= 2_000);
    });
});

describe("cli: output formats read by the tools made for them", function () {
    this.timeout(120_000);

    it("junit: junitparser reads our counts, fails only mandatory findings, and sees advisories as output", function () {
        const python = requireTool(this, "junitparser", toolsPython(), INSTALL_COMMAND);
        const results = programSample();
        results.findings.push({ policy: "aws-db-backups-retained", pack: "snapshot-guard", level: "remediate", urn: VOLUME, type: VOLUME_TYPE, name: "data", message: "remediated by aws-db-backups-retained: changed backupRetentionPeriod" });
        const report = JSON.parse(runPythonTool(python, "junit_summary.py", [], formatJunit(results)));
        const counts = ({ tests, failures, errors, skipped }: Record<string, number>) => ({ tests, failures, errors, skipped });
        assert.deepStrictEqual(counts(report.declared), { tests: 5, failures: 1, errors: 0, skipped: 1 });
        assert.deepStrictEqual(counts(report.recounted), counts(report.declared), "the declared counts are the test cases'");
        assert.strictEqual(report.declared.time, 2.5);
        const [ours, other] = report.suites;
        assert.deepStrictEqual([ours.name, ours.timestamp, counts(ours.declared)], ["snapshot-guard", "2026-06-15T12:00:00", { tests: 4, failures: 1, errors: 0, skipped: 1 }]);
        assert.deepStrictEqual(counts(ours.recounted), counts(ours.declared));
        assert.deepStrictEqual(counts(other.recounted), { tests: 1, failures: 0, errors: 0, skipped: 0 });
        const outcome = (name: string) => ours.cases.concat(other.cases).find((entry: { name: string }) => entry.name === name);
        assert.deepStrictEqual([outcome("aws-volumes-encrypted").result, outcome("aws-volumes-encrypted").type], ["failure", "mandatory"]);
        assert.match(outcome("aws-volumes-encrypted").message, /^EBS encryption is not enabled/);
        assert.deepStrictEqual([outcome("aws-images-not-public").result, outcome("aws-images-not-public").system_out],
            ["passed", "[advisory] AMI is public & <shared> at group; remove | group"]);
        assert.deepStrictEqual([outcome("aws-db-backups-retained").result, outcome("aws-db-backups-retained").system_out],
            ["passed", "[remediate] remediated by aws-db-backups-retained: changed backupRetentionPeriod"]);
        assert.deepStrictEqual([outcome("gcp-iam-not-public").result, outcome("gcp-iam-not-public").message], ["skipped", "deferred until deploy: member is unknown during preview"]);
        assert.strictEqual(outcome("other-rule").result, "passed");
    });

    it("markdown: GitHub's renderer (cmark-gfm) shows names with backticks and pipes as written, in valid tables", function () {
        const python = requireTool(this, "cmarkgfm", toolsPython(), INSTALL_COMMAND);
        const results = sample();
        results.source = "stack|`odd`.json";
        results.findings[0].name = "`we``ird|<name>";
        results.findings[0].message = "not <encrypted> at encrypted; set `a<b|c` now";
        results.findings[2].policy = "odd`policy|x";
        const html = runPythonTool(python, "render_gfm.py", [], formatMarkdown(results));
        assert.ok(html.includes("(source: <code>stack|`odd`.json</code>)"), html);
        const [counts, critical, high, unspecified] = htmlTables(html);
        assert.deepStrictEqual(counts, [["severity", "mandatory", "advisory"], ["critical", "0", "1"], ["high", "1", "0"], ["unspecified", "0", "1"]]);
        for (const table of [critical, high, unspecified]) {
            assert.deepStrictEqual(table[0], ["level", "policy", "resource", "finding"]);
            assert.ok(table.every((row) => row.length === 4), JSON.stringify(table));
        }
        assert.strictEqual(critical.length + high.length + unspecified.length - 3, 3, "one row per finding");
        const [volume] = high.slice(1);
        assert.strictEqual(htmlText(volume[0]), "mandatory");
        assert.match(volume[2], /^<code>`we``ird\|&lt;name&gt;<\/code> \(aws:ebs\/volume:Volume\)$/);
        assert.strictEqual(htmlText(volume[3]), "not <encrypted> at encrypted; set a<b|c now");
        assert.match(volume[3], /<code>a&lt;b\|c<\/code>/);
        assert.match(critical[1][2], /^<code>public\|&lt;ami&gt;<\/code>/);
        assert.strictEqual(htmlText(critical[1][3]), "AMI is public & <shared> at group; remove | group");
        assert.match(unspecified[1][1], /^<code>odd`policy\|x<\/code> \(other-pack\)$/);
    });

    it("markdown: capped output renders under the cap with complete tables and the note", function () {
        const python = requireTool(this, "cmarkgfm", toolsPython(), INSTALL_COMMAND);
        const markdown = formatMarkdown(manyFindings(600));
        const html = runPythonTool(python, "render_gfm.py", [], markdown);
        const tables = htmlTables(html);
        assert.deepStrictEqual(tables[0][0], ["severity", "mandatory", "advisory"]);
        const findingRows = tables.slice(1).flatMap((table) => {
            assert.deepStrictEqual(table[0], ["level", "policy", "resource", "finding"]);
            assert.ok(table.slice(1).every((row) => row.length === 4 && /^<code>volume-\d+<\/code>/.test(row[2])), "every row whole");
            return table.slice(1);
        });
        const omitted = Number(/<blockquote>\s*<p><strong>(\d+) of 600 findings are not listed<\/strong>/.exec(html)?.[1]);
        assert.strictEqual(findingRows.length + omitted, 600);
        assert.ok(omitted > 0);
    });

    function sarifLogs(): Record<string, unknown>[] {
        const foreignOnly = { ...sample(), tool: { name: "other-pack", version: "" }, policies: [], findings: sample().findings.slice(2) };
        return [toSarif(sample()), toSarif(programSample()), toSarif(foreignOnly), toSarif({ ...sample(), findings: [] })];
    }

    it("sarif: valid against the SARIF 2.1.0 JSON schema", function () {
        const python = requireTool(this, "jsonschema", toolsPython(), INSTALL_COMMAND);
        const schema = sarifSchemaPath(requireTool(this, "the SARIF multitool (its schema)", multitoolPath(), "npm ci"));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-schema-"));
        try {
            const logs = [...sarifLogs(), { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ level: "fatal", message: { text: "m" } }] }] }];
            const files = logs.map((log, index) => {
                fs.writeFileSync(path.join(dir, `${index}.sarif`), JSON.stringify(log));
                return path.join(dir, `${index}.sarif`);
            });
            const problems = JSON.parse(runPythonTool(python, "sarif_schema.py", [schema, ...files])) as string[][];
            assert.deepStrictEqual(problems.slice(0, -1), sarifLogs().map(() => []));
            assert.ok(problems[problems.length - 1].some((problem) => /'fatal' is not one of/.test(problem)), "the schema check itself catches problems");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("sarif: Microsoft's SARIF multitool finds no error, with GitHub's rules", function () {
        const multitool = requireTool(this, "the SARIF multitool", multitoolPath(), "npm ci installs @microsoft/sarif-multitool");
        const logs = sarifLogs();
        // The multitool skips a log it cannot read without a word; a broken copy of ours proves it read them.
        const withoutHelp = JSON.parse(JSON.stringify(logs[1]));
        delete withoutHelp.runs[0].tool.driver.rules[0].help;
        const problems = multitoolProblems(multitool, [...logs, withoutHelp]);
        assert.deepStrictEqual(problems.filter((problem) => problem.level === "error"), [
            { log: logs.length, ruleId: "GH2012", level: "error", message: problems.find((problem) => problem.ruleId === "GH2012")?.message },
        ]);
        // The warnings left ask for what the results do not have: end lines and columns (SARIF2017), and
        // the version of a pack whose events carry none (SARIF2005).
        const warnings = logs.map((_, index) => [...new Set(problems.filter((problem) => problem.log === index).map((problem) => problem.ruleId))].sort());
        assert.deepStrictEqual(warnings, [["SARIF2017"], ["SARIF2017"], ["SARIF2005", "SARIF2017"], []]);
    });
});
