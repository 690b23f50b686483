// The HTML report's rendering, in process: text from stacks, rules and exemptions is escaped, charts
// carry their numbers as text alternatives, lists are capped with a pointer to assessment.json,
// and the sections appear only when there is something to show.
import * as assert from "assert";
import { stackedBarChart, trendChart } from "../../cli/assessment/charts";
import { withInlineCode } from "../../cli/assessment/escape";
import { renderHtml, ROWS_PER_LIST } from "../../cli/assessment/html";
import type { AssessedFinding, Assessment } from "../../cli/assessment/model";
import { countFindings, ruleSummaries, totalsOf } from "../../cli/assessment/summarise";

const HOSTILE = `<img src=x onerror="alert(1)">&'`;

function finding(overrides: Partial<AssessedFinding> = {}): AssessedFinding {
    return {
        stack: "shop/prod", rule: "aws-volumes-encrypted", level: "mandatory", severity: "high", cloud: "aws", category: "encryption",
        urn: "urn:pulumi:prod::shop::aws:ebs/volume:Volume::data", type: "aws:ebs/volume:Volume", name: "data",
        message: "EBS encryption is not enabled at encrypted; set `encrypted: true`", path: "encrypted", fix: "set `encrypted: true`",
        ...overrides,
    };
}

function assessmentOf(findings: AssessedFinding[], extra: Partial<Assessment> = {}): Assessment {
    const stacks = [...new Set(findings.map((entry) => entry.stack))].map((stack) => {
        const of = findings.filter((entry) => entry.stack === stack);
        return { stack, source: `${stack}.json`, resources: 10, counts: countFindings(of), exemptedChecks: 0 };
    });
    return {
        schema: "snapshot-guard/assessment/v1", generatedAt: "2026-12-01T06:00:00.000Z", tool: { name: "snapshot-guard", version: "0.1.0" },
        totals: totalsOf(stacks, findings), stacks, rules: ruleSummaries(findings), findings, exemptions: [],
        history: [{ generatedAt: "2026-12-01T06:00:00.000Z", stacks: stacks.length, resources: 10, mandatory: 1, advisory: 0, stacksAffected: 1 }],
        ...extra,
    };
}

describe("cli: assess HTML rendering", () => {
    it("escapes stack names, resource names, messages, exemption reasons and errors", () => {
        const hostile = finding({ stack: `shop/${HOSTILE}`, name: HOSTILE, urn: `urn:pulumi:prod::shop::aws:ebs/volume:Volume::${HOSTILE}`, fix: HOSTILE, path: HOSTILE });
        const assessment = assessmentOf([hostile], {
            exemptions: [{ rule: "aws-volumes-encrypted", resource: HOSTILE, reason: HOSTILE, expires: "2026-12-05", daysLeft: 4, state: "active", appliesTo: [] }],
        });
        assessment.stacks.push({ stack: HOSTILE, source: HOSTILE, resources: 0, counts: countFindings([]), exemptedChecks: 0, error: HOSTILE });
        const html = renderHtml(assessment);
        assert.doesNotMatch(html, /<img/);
        assert.ok(!html.includes(`onerror="alert`), "an attribute was injected");
        assert.ok(html.includes("&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#38;&#39;"));
    });

    it("turns `backquoted` code in rule texts into code elements, after escaping", () => {
        assert.strictEqual(withInlineCode("set `encrypted: true` on <the> volume"), "set <code>encrypted: true</code> on &#60;the&#62; volume");
        assert.strictEqual(withInlineCode("`<b>`"), "<code>&#60;b&#62;</code>");
    });

    it(`lists at most ${ROWS_PER_LIST} resources per rule and says how many more assessment.json has`, () => {
        const many = Array.from({ length: ROWS_PER_LIST + 7 }, (_, index) => finding({ name: `volume-${index}`, urn: `urn:pulumi:prod::shop::aws:ebs/volume:Volume::volume-${index}` }));
        const html = renderHtml(assessmentOf(many));
        assert.strictEqual(html.match(/<code>volume-\d+<\/code>/g)!.length, ROWS_PER_LIST);
        assert.match(html, /7 more findings in assessment\.json/);
    });

    it("shows no trend section without a previous assessment, and a clean estate as such", () => {
        const html = renderHtml(assessmentOf([]));
        assert.doesNotMatch(html, /Since the previous assessment/);
        assert.match(html, /<p>No findings in any stack\.<\/p>/);
        assert.match(html, /The policy config has no exemptions\./);
        assert.match(html, /<dd data-total="mandatory">0<\/dd>/);
    });

    it("the category chart states every bar's numbers in its description and draws a segment per non-zero count", () => {
        const svg = stackedBarChart({
            title: "Findings", description: "Exposure: AWS 3, Azure 0",
            rows: [{ label: "Exposure", values: { aws: 3, azure: 0 } }, { label: "Lifecycle", values: { aws: 1, azure: 2 } }],
            series: [{ key: "aws", label: "AWS", colour: "#E69F00" }, { key: "azure", label: "Azure", colour: "#0072B2" }],
        });
        assert.match(svg, /^<svg class="chart" role="img" [^>]*aria-labelledby="findings-title findings-desc"><title id="findings-title">Findings<\/title><desc id="findings-desc">Exposure: AWS 3, Azure 0<\/desc>/);
        assert.deepStrictEqual([...svg.matchAll(/<title>([^<]+)<\/title><\/rect>/g)].map((match) => match[1]), ["Exposure, AWS: 3", "Lifecycle, AWS: 1", "Lifecycle, Azure: 2"]);
    });

    it("the trend chart describes each run's counts", () => {
        const svg = trendChart([
            { generatedAt: "2026-10-01T00:00:00Z", stacks: 2, resources: 5, mandatory: 7, advisory: 1, stacksAffected: 2 },
            { generatedAt: "2026-11-01T00:00:00Z", stacks: 2, resources: 5, mandatory: 4, advisory: 3, stacksAffected: 1 },
        ]);
        assert.match(svg, /<desc id="[^"]+">2026-10-01: 7 mandatory, 1 advisory; 2026-11-01: 4 mandatory, 3 advisory<\/desc>/);
        assert.strictEqual(svg.match(/<polyline /g)!.length, 2);
    });
});
