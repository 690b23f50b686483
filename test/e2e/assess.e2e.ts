// `snapshot-guard assess --all-stacks` against a file backend with the real Pulumi CLI: three example
// programs deployed with `pulumi up` (fake providers) into one backend, then assessed through the
// CLI's own `pulumi stack ls --all` and `pulumi stack export`. Each stack's findings must be exactly
// what `snapshot-guard scan` reports for that stack's export.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { Assessment } from "../../cli/assessment/model";
import { cli, type CliRun } from "../cli/helpers";
import { repoRoot } from "../harness";
import { cliFindings, multiset, workspace, type Workspace } from "./engine";
import { providerPackages, toolchain, type Toolchain } from "./toolchain";

const PROGRAMS = ["aws-insecure", "azure-compliant", "gcp-insecure"];

describe("e2e: assess --all-stacks with the Pulumi CLI and a file backend", function () {
    this.timeout(900_000);
    let tools: Toolchain;
    let projects: Workspace[];
    /** The toolchain's environment with its `pulumi` first on PATH, as a user who installed it has. */
    let env: NodeJS.ProcessEnv;

    before(() => {
        const programs = PROGRAMS.map((name) => path.join(repoRoot, "examples", name));
        tools = toolchain(programs.flatMap(providerPackages));
        projects = programs.map((program) => workspace(program, { tools }));
        for (const project of projects) {
            const up = project.pulumi(["up", "--yes", "--skip-preview"]);
            assert.strictEqual(up.status, 0, `pulumi up in ${project.dir}: ${up.stderr}`);
        }
        env = { ...tools.env, PATH: `${path.dirname(tools.pulumi)}${path.delimiter}${tools.env.PATH}` };
    });

    function assess(args: readonly string[], runEnv: NodeJS.ProcessEnv = env): CliRun & { assessment?: Assessment } {
        const output = fs.mkdtempSync(path.join(tools.home, "assessment-"));
        const run = cli(["assess", "--all-stacks", "--output", output, ...args], { cwd: tools.home, env: runEnv });
        const file = path.join(output, "assessment.json");
        return { ...run, ...(fs.existsSync(file) ? { assessment: JSON.parse(fs.readFileSync(file, "utf8")) as Assessment } : {}) };
    }

    it("assesses every stack of the backend, each exactly as `scan` of its `pulumi stack export`", () => {
        const run = assess([]);
        assert.strictEqual(run.status, 1, run.stderr);
        const assessment = run.assessment!;
        assert.deepStrictEqual(assessment.stacks.map((stack) => [stack.stack, stack.source, stack.error]), PROGRAMS.map((name) =>
            [`${name}/dev`, `pulumi stack export --stack organization/${name}/dev`, undefined]));
        for (const project of projects) {
            const exported = project.pulumi(["stack", "export"]);
            assert.strictEqual(exported.status, 0, exported.stderr);
            const scanned = cli(["scan", "-", "--format", "json"], { input: exported.stdout });
            const stack = `${path.basename(project.dir)}/dev`;
            const expected = multiset(cliFindings(scanned.stdout));
            const assessed = multiset(assessment.findings.filter((finding) => finding.stack === stack)
                .map((finding) => ({ rule: finding.rule, urn: finding.urn, level: finding.level })));
            assert.deepStrictEqual(assessed, expected, stack);
            const entry = assessment.stacks.find((candidate) => candidate.stack === stack)!;
            assert.strictEqual(entry.resources, JSON.parse(scanned.stdout).summary.resources, stack);
        }
        const byStack = Object.fromEntries(assessment.stacks.map((stack) => [stack.stack, stack.counts.byLevel.mandatory]));
        assert.ok(byStack["aws-insecure/dev"] > 0 && byStack["gcp-insecure/dev"] > 0, JSON.stringify(byStack));
        assert.strictEqual(byStack["azure-compliant/dev"], 0, "the compliant program deploys clean");
        assert.strictEqual(assessment.totals.stacksAffected, 2);
        assert.strictEqual(assessment.totals.byLevel.mandatory, byStack["aws-insecure/dev"] + byStack["gcp-insecure/dev"]);
        assert.match(run.stderr, /stack 3 of 3, gcp-insecure\/dev: \d+ resources/);
    });

    it("--fail-on none exits 0 for a scheduled run, and the next run compares with it", () => {
        const first = assess(["--fail-on", "none"]);
        assert.strictEqual(first.status, 0, first.stderr);
        const previous = path.join(tools.home, "previous-assessment.json");
        fs.writeFileSync(previous, JSON.stringify(first.assessment));
        const next = assess(["--fail-on", "none", "--previous", previous]);
        assert.strictEqual(next.status, 0, next.stderr);
        const comparison = next.assessment!.comparison!;
        assert.deepStrictEqual([comparison.newFindings.length, comparison.fixedFindings.length, comparison.newStacks, comparison.missingStacks], [0, 0, [], []]);
        assert.strictEqual(next.assessment!.history.length, 2);
    });

    it("a stack that cannot be exported (removed after the listing) is reported with Pulumi's error; the others are assessed", () => {
        // A `pulumi` in front of the real one that lists one stack more than the backend holds, as
        // when a stack is removed between `stack ls` and its export; the export error is the CLI's own.
        const bin = path.join(tools.home, "listing-one-more");
        fs.mkdirSync(bin, { recursive: true });
        fs.writeFileSync(path.join(bin, "pulumi"), `#!/bin/sh
if [ "$1" = stack ] && [ "$2" = ls ]; then
    ${JSON.stringify(tools.pulumi)} "$@" | "${process.execPath}" -e 'let text = ""; process.stdin.on("data", (chunk) => text += chunk).on("end", () => {
        const stacks = JSON.parse(text); stacks.push({ name: "organization/aws-insecure/removed" }); process.stdout.write(JSON.stringify(stacks)); })'
else
    exec ${JSON.stringify(tools.pulumi)} "$@"
fi
`, { mode: 0o755 });
        const run = assess([], { ...tools.env, PATH: `${bin}${path.delimiter}${tools.env.PATH}` });
        assert.strictEqual(run.status, 2, run.stderr);
        const assessment = run.assessment!;
        const removed = assessment.stacks.find((stack) => stack.stack === "aws-insecure/removed")!;
        assert.match(removed.error!, /^`pulumi stack export --stack organization\/aws-insecure\/removed` failed: .*removed/);
        assert.deepStrictEqual(assessment.stacks.filter((stack) => stack.error === undefined).map((stack) => stack.stack), PROGRAMS.map((name) => `${name}/dev`));
        assert.match(run.stderr, /not assessed: `pulumi stack export --stack organization\/aws-insecure\/removed` failed/);
    });
});
