// Formatters as units: the same results rendered in every format.
import * as assert from "assert";
import { formatJson } from "../../cli/format/json";
import { formatJunit, xmlEscape } from "../../cli/format/junit";
import { formatMarkdown } from "../../cli/format/markdown";
import { formatSarif, toSarif } from "../../cli/format/sarif";
import { formatText } from "../../cli/format/text";
import { checkFormat, FORMATS, render } from "../../cli/format";
import { CliError } from "../../cli/errors";
import { policyRef, splitMessage, stripColour, typeOfUrn, nameOfUrn, withoutDescription, type Results } from "../../cli/results";
import { allRules } from "../../policies";
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
        assert.strictEqual(ours.help.text, rule.remediation);
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
        assert.match(xml, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="snapshot-guard" tests="5" failures="3">/);
        assert.match(xml, /<testsuite name="snapshot-guard" tests="4" failures="2" errors="0" skipped="1">/);
        assert.match(xml, /<testsuite name="other-pack" tests="1" failures="1" errors="0" skipped="0">/);
        assert.match(xml, /<testcase classname="urn:pulumi:dev::shop::aws:ebs\/volume:Volume::data" name="aws-db-backups-retained"\/>/);
        assert.match(xml, /<skipped message="deferred until deploy: member is unknown during preview"\/>/);
        assert.ok(xml.includes("public|&lt;ami&gt;"));
        assert.ok(xml.includes("AMI is public &amp; &lt;shared&gt; at group"));
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
});
