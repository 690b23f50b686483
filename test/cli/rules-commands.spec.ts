// list, explain, config, docs: everything rendered from allRules.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "../../cli/args";
import { CliError } from "../../cli/errors";
import { renderRulesDoc } from "../../cli/rules-doc";
import { parseRuleConfig } from "../../core/config";
import { canRemediate } from "../../core/rule";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";
import { assertOneLineError, cli, tempDir } from "./helpers";

describe("cli: argument parsing", () => {
    const spec = { flag: { kind: "boolean" as const }, one: { kind: "string" as const }, many: { kind: "list" as const } };

    it("reads flags, values in both spellings, repeated lists, - and --", () => {
        const parsed = parseArgs(["a", "--flag", "--one=x", "--many", "1", "--many=2", "-", "--", "--not-an-option"], spec, "t");
        assert.deepStrictEqual(parsed, {
            positionals: ["a", "-", "--not-an-option"], flags: { flag: true }, values: { one: "x" }, lists: { many: ["1", "2"] },
        });
    });

    for (const [name, argv, pattern] of [
        ["unknown option", ["--nope"], /unknown option --nope/],
        ["short option", ["-x"], /unknown option -x/],
        ["missing value", ["--one"], /--one needs a value/],
        ["repeated single value", ["--one", "a", "--one", "b"], /more than once/],
        ["value on a boolean", ["--flag=yes"], /takes no value/],
    ] as const) {
        it(`rejects ${name}`, () => {
            assert.throws(() => parseArgs(argv, spec, "t"), (error: unknown) => error instanceof CliError && pattern.test(error.message));
        });
    }
});

describe("cli: top level", () => {
    it("prints usage with every command on --help", () => {
        const run = cli(["--help"]);
        assert.strictEqual(run.status, 0);
        for (const command of ["list", "explain", "config", "docs", "scan", "report", "baseline", "assess"]) assert.match(run.stdout, new RegExp(`\\n  ${command} `));
    });

    it("exits 2 with one line pointing to --help when no command is given", () => {
        const run = cli([]);
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /no command given \(commands: list, explain, config, docs, scan, report, baseline, assess\); see snapshot-guard --help$/);
    });

    it("exits 2 on an unknown command, in one line", () => {
        const run = cli(["frobnicate"]);
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /unknown command "frobnicate"/);
    });

    it("is the package's bin, with a shebang", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8"));
        assert.deepStrictEqual(manifest.bin, { "snapshot-guard": "bin/cli/main.js" });
        assert.match(fs.readFileSync(path.join(repoRoot, "bin/cli/main.js"), "utf8"), /^#!\/usr\/bin\/env node\n/);
    });
});

describe("cli: list", () => {
    it("lists every rule with cloud, category, severity and level", () => {
        const run = cli(["list"]);
        assert.strictEqual(run.status, 0, run.stderr);
        for (const rule of allRules) {
            assert.match(run.stdout, new RegExp(`^${rule.id}\\s+${rule.cloud}\\s+${rule.category}\\s+${rule.severity}\\s+${rule.defaultLevel}\\s`, "m"));
        }
        assert.strictEqual(run.stderr, "");
    });

    it("filters by cloud, as JSON", () => {
        const run = cli(["list", "--cloud", "aws", "--json"]);
        assert.strictEqual(run.status, 0, run.stderr);
        const listed = JSON.parse(run.stdout) as { id: string; cloud: string; types: string[] }[];
        assert.deepStrictEqual(listed.map((rule) => rule.id), allRules.filter((rule) => rule.cloud === "aws").map((rule) => rule.id));
        assert.ok(listed.every((rule) => rule.types.length > 0));
    });

    it("rejects an unknown cloud with exit 2", () => {
        const run = cli(["list", "--cloud", "oracle"]);
        assert.strictEqual(run.status, 2);
        assertOneLineError(run, /unknown --cloud "oracle"/);
    });
});

describe("cli: explain", () => {
    for (const rule of allRules) {
        it(`explains ${rule.id}`, () => {
            const run = cli(["explain", rule.id]);
            assert.strictEqual(run.status, 0, run.stderr);
            for (const heading of ["Why", "Checks", "Config", "Fix"]) assert.match(run.stdout, new RegExp(`^${heading}`, "m"));
            for (const knob of rule.config) assert.match(run.stdout, new RegExp(`${knob} \\(default `));
            assert.ok(run.stdout.includes(rule.docsUrl));
            assert.match(run.stdout, /^Violating\n {4}\S[\s\S]*^Compliant\n {4}\S/m, "a violating and a compliant snippet");
            assert.doesNotMatch(run.stdout, /none yet/);
            const remediates = canRemediate(rule);
            assert.strictEqual(/or remediate/.test(run.stdout), remediates, "remediate is offered exactly for rules with fixes");
        });
    }

    it("shows a violating and a compliant snippet", () => {
        const run = cli(["explain", "aws-volumes-encrypted"]);
        assert.match(run.stdout, /^Violating\n/m);
        assert.match(run.stdout, /^Compliant\n {4}new aws\.ebs\.Volume/m);
    });

    it("exits 2 for an unknown rule and for a missing argument", () => {
        const unknown = cli(["explain", "aws-nope"]);
        assert.strictEqual(unknown.status, 2);
        assertOneLineError(unknown, /no rule "aws-nope"/);
        const missing = cli(["explain"]);
        assert.strictEqual(missing.status, 2);
        assertOneLineError(missing, /missing <rule>/);
    });
});

describe("cli: config", () => {
    it("writes a complete config that every rule accepts", () => {
        const run = cli(["config", "--trusted-account", "111122223333", "--trusted-account=444455556666",
            "--min-retention-days", "14", "--max-retention-days", "35", "--level", "all=advisory", "--level", "aws-volumes-encrypted=mandatory"]);
        assert.strictEqual(run.status, 0, run.stderr);
        const config = JSON.parse(run.stdout) as Record<string, Record<string, unknown>>;
        assert.deepStrictEqual(Object.keys(config), allRules.map((rule) => rule.id));
        for (const rule of allRules) {
            const { enforcementLevel, ...properties } = config[rule.id];
            assert.strictEqual(enforcementLevel, rule.id === "aws-volumes-encrypted" ? "mandatory" : "advisory");
            assert.doesNotThrow(() => parseRuleConfig(rule.id, rule.config, properties));
            assert.deepStrictEqual(properties.exemptions, []);
            for (const knob of rule.config) {
                if (knob === "trustedAccountIds") assert.deepStrictEqual(properties[knob], ["111122223333", "444455556666"]);
                if (knob === "minRetentionDays") assert.strictEqual(properties[knob], 14);
                if (knob === "maxRetentionDays") assert.strictEqual(properties[knob], 35);
            }
        }
    });

    it("--require-customer-managed-keys makes every customer-key rule mandatory, over --level all", () => {
        const run = cli(["config", "--require-customer-managed-keys", "--level", "all=advisory", "--level", "gcp-customer-managed-keys=disabled"]);
        assert.strictEqual(run.status, 0, run.stderr);
        const config = JSON.parse(run.stdout) as Record<string, { enforcementLevel: string }>;
        const keyRules = allRules.filter((rule) => /-customer-(managed-)?keys$/.test(rule.id)).map((rule) => rule.id);
        assert.deepStrictEqual(keyRules.sort(), [
            "aws-customer-managed-keys", "azure-customer-managed-keys", "azure-snapshots-keep-customer-keys",
            "gcp-copies-keep-customer-keys", "gcp-customer-managed-keys",
        ]);
        for (const rule of allRules) {
            const expected = rule.id === "gcp-customer-managed-keys" ? "disabled" : keyRules.includes(rule.id) ? "mandatory" : "advisory";
            assert.strictEqual(config[rule.id].enforcementLevel, expected, rule.id);
        }
    });

    it("precedence: --level RULE, then --require-customer-managed-keys, then --level all, then defaults", () => {
        const run = cli(["config", "--require-customer-managed-keys", "--level", "all=disabled", "--level", "aws-final-snapshots=advisory"]);
        assert.strictEqual(run.status, 0, run.stderr);
        const config = JSON.parse(run.stdout) as Record<string, { enforcementLevel: string }>;
        for (const rule of allRules) {
            const expected = rule.id === "aws-final-snapshots" ? "advisory" : /-customer-(managed-)?keys$/.test(rule.id) ? "mandatory" : "disabled";
            assert.strictEqual(config[rule.id].enforcementLevel, expected, rule.id);
        }
        const repeated = cli(["config", "--level", "all=advisory", "--level", "all=advisory"]);
        assert.strictEqual(repeated.status, 0, "the same level twice is no conflict");
    });

    it("sets remediate on a rule with a safe fix", () => {
        const run = cli(["config", "--level", "azure-disks-not-exportable=remediate"]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(JSON.parse(run.stdout)["azure-disks-not-exportable"].enforcementLevel, "remediate");
    });

    it("uses the default levels and knob defaults without flags, and writes --output", () => {
        const dir = tempDir();
        const file = path.join(dir, "policy-config.json");
        const run = cli(["config", "--output", file]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(run.stdout, "");
        const config = JSON.parse(fs.readFileSync(file, "utf8"));
        for (const rule of allRules) assert.strictEqual(config[rule.id].enforcementLevel, rule.defaultLevel);
        fs.rmSync(dir, { recursive: true, force: true });
    });

    for (const [name, argv, pattern] of [
        ["a malformed account id", ["--trusted-account", "1234"], /trustedAccountIds\[0\]" must be a 12-digit AWS account id/],
        ["a non-numeric retention", ["--min-retention-days", "week"], /--min-retention-days must be a whole number/],
        ["max below min", ["--min-retention-days", "30", "--max-retention-days", "7"], /maxRetentionDays" must not be below/],
        ["an unknown level", ["--level", "all=strict"], /level must be advisory, mandatory, disabled/],
        ["a level for an unknown rule", ["--level", "aws-nope=advisory"], /no rule "aws-nope"/],
        ["remediate for a rule without a fix", ["--level", "aws-databases-encrypted=remediate"], /only a rule with a safe fix can be set to remediate/],
        ["remediate for all rules", ["--level", "all=remediate"], /only a rule with a safe fix/],
        ["a level without =", ["--level", "advisory"], /RULE=LEVEL/],
        ["a retention beyond what the clouds allow", ["--min-retention-days", "99999999999999999999"], /minRetentionDays" must be a whole number of days from 0 to 36500/],
        ["a maximum retention beyond what the clouds allow", ["--max-retention-days", "36501"], /maxRetentionDays" must be a whole number of days from 1 to 36500/],
        ["two levels for the same rule", ["--level", "aws-final-snapshots=advisory", "--level", "aws-final-snapshots=mandatory"], /--level aws-final-snapshots=advisory and --level aws-final-snapshots=mandatory conflict/],
        ["two levels for all", ["--level", "all=advisory", "--level", "all=disabled"], /conflict; give one level for all rules/],
    ] as const) {
        it(`exits 2 on ${name}`, () => {
            const run = cli(["config", ...argv]);
            assert.strictEqual(run.status, 2);
            assertOneLineError(run, pattern);
        });
    }
});

describe("cli: docs", () => {
    it("docs/rules.md is up to date (run `npm run docs` after changing rules)", () => {
        const run = cli(["docs", "--check"]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(fs.readFileSync(path.join(repoRoot, "docs", "rules.md"), "utf8"), renderRulesDoc(allRules));
    });

    it("documents every rule", () => {
        const doc = renderRulesDoc(allRules);
        for (const rule of allRules) assert.ok(doc.includes(`\n## ${rule.id}\n`), rule.id);
    });

    it("--check exits 1 when the file is stale, and docs rewrites it", () => {
        const dir = tempDir();
        const file = path.join(dir, "rules.md");
        fs.writeFileSync(file, "# old\n");
        const stale = cli(["docs", "--check", "--output", file]);
        assert.strictEqual(stale.status, 1);
        assert.match(stale.stderr, /is stale; run `npm run docs`/);
        assert.strictEqual(cli(["docs", "--output", file]).status, 0);
        assert.strictEqual(cli(["docs", "--check", "--output", file]).status, 0);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});
