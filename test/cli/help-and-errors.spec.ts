// Every command explains itself with --help (inputs, every option its parser accepts, exit codes),
// and every line the CLI writes on stderr starts `snapshot-guard <command>: `.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { OptionSpec } from "../../cli/args";
import { CliError } from "../../cli/errors";
import { commands, errorLine } from "../../cli/main";
import { setCommand } from "../../cli/output";
import { allRules } from "../../policies";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const names = Object.keys(commands);

/** The option names a command's parser accepts, as its "unknown option" error lists them. */
function acceptedOptions(name: string): string[] {
    const run = cli([name, "--no-such-option"]);
    const known = /\(known: ([^)]*)\)/.exec(run.stderr)?.[1];
    assert.ok(known, `${name}: no list of known options in ${run.stderr}`);
    return known.split(", ").map((option) => option.replace(/^--/, "")).sort();
}

/** The option names in the `options:` section of a help text. */
function documentedOptions(help: string): string[] {
    const section = help.slice(help.indexOf("\noptions:\n"), help.indexOf("\nexit codes:\n"));
    return [...section.matchAll(/^ {2}--([a-z-]+)/gm)].map((match) => match[1]);
}

describe("cli: --help of every command", () => {
    for (const name of names) {
        describe(name, () => {
            const run = cli([name, "--help"]);

            it("shows usage, what it does, options and exit codes, and exits 0", () => {
                assert.strictEqual(run.status, 0, run.stderr);
                assert.strictEqual(run.stderr, "");
                assert.match(run.stdout, new RegExp(`^usage: snapshot-guard ${name}[ \\n]`));
                assert.match(run.stdout, /\noptions:\n/);
                assert.match(run.stdout, /\nexit codes:\n(  [0-2]  .+\n)+$/);
                assert.match(run.stdout, /\n {2}2 {2}\S/, "exit code 2 (bad input) is documented");
                assert.ok(run.stdout.split("\n").length > 8, "more than a usage line");
            });

            it("documents every option its parser accepts, and the exported spec is the parser's", () => {
                const module = commands[name]() as unknown as { options?: Record<string, OptionSpec> };
                assert.ok(module.options, `cli/commands/${name}.ts exports no options spec`);
                const accepted = acceptedOptions(name);
                assert.deepStrictEqual(Object.keys(module.options).sort(), accepted, "the exported spec is not what the parser accepts");
                const documented = documentedOptions(run.stdout);
                for (const option of accepted) {
                    assert.ok(documented.includes(option), `--${option} is missing from \`snapshot-guard ${name} --help\`:\n${run.stdout}`);
                }
            });
        });
    }

    it("-h is --help", () => {
        assert.strictEqual(cli(["scan", "-h"]).stdout, cli(["scan", "--help"]).stdout);
    });

    it("scan and report document the options added with program config and length caps", () => {
        const scan = cli(["scan", "--help"]).stdout;
        assert.match(scan, /^ {2}--stack NAME +stack whose Pulumi\.<stack>\.yaml config a program scan reads \(default dev\)$/m);
        assert.match(scan, /^ {2}--timeout SECONDS +bound on recording a program \(default 300\)$/m);
        assert.match(scan, /^ {2}--max-length N +cap on --format markdown output \(default 60000\)$/m);
        assert.match(cli(["report", "--help"]).stdout, /^ {2}--max-length N +cap on --format markdown output \(default 60000\)$/m);
    });

    it("snapshot-guard --help stays a short overview: one line per command, no options", () => {
        const run = cli(["--help"]);
        assert.strictEqual(run.status, 0);
        const lines = run.stdout.trimEnd().split("\n");
        assert.ok(lines.length <= names.length + 8, run.stdout);
        for (const name of names) {
            assert.match(run.stdout, new RegExp(`^ {2}${name} +${escape(commands[name]().help.summary)}$`, "m"));
        }
        assert.doesNotMatch(run.stdout, /^\s+--/m, "options belong to the commands' --help");
        assert.match(run.stdout, /snapshot-guard <command> --help/);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

describe("cli: one prefix on every stderr line, `snapshot-guard <command>: `", () => {
    const future = new Date(Date.now() + 30 * 864e5).toISOString().slice(0, 10);
    const badConfig = path.join(tempDir(), "policy-config.json");
    fs.writeFileSync(badConfig, JSON.stringify({ "aws-volumes-encrypted": "loud" }));
    const missingDir = path.join(tempDir(), "no-such-dir", "out.json");

    for (const [situation, args, exact] of [
        ["an unknown option", ["list", "--nope"], /^snapshot-guard list: unknown option --nope \(known: --cloud, --json, --output\)$/],
        ["a missing input file", ["scan", "missing.json"], /^snapshot-guard scan: missing\.json does not exist$/],
        ["a missing input file under baseline (no `scan: ` inside)", ["baseline", "missing.json", "--reason", "r", "--expires", future, "--output", "-"], /^snapshot-guard baseline: missing\.json does not exist$/],
        ["a bad policy config", ["scan", path.join(fixtures, "stack-export.json"), "--policy-pack-config", badConfig], /^snapshot-guard scan: invalid policy pack config .*"aws-volumes-encrypted" level must be/],
        ["an output directory that does not exist", ["config", "--output", missingDir], /^snapshot-guard config: cannot write --output .*out\.json: directory .* does not exist$/],
        ["a bad --format", ["report", "-", "--format", "pdf"], /^snapshot-guard report: unknown --format "pdf"/],
        ["a missing argument", ["explain"], /^snapshot-guard explain: missing <rule>/],
        ["an unknown command", ["frobnicate"], /^snapshot-guard: unknown command "frobnicate"/],
        ["a command name that is an object property", ["constructor"], /^snapshot-guard: unknown command "constructor"/],
        ["no command", [], /^snapshot-guard: no command given/],
    ] as const) {
        it(`${situation}: ${exact}`, () => {
            const run = cli([...args], { input: "" });
            assert.strictEqual(run.status, 2, run.stderr);
            assertOneLineError(run, exact);
        });
    }

    it("docs --check says a stale file is stale with the docs prefix (exit 1)", () => {
        const file = path.join(tempDir(), "rules.md");
        fs.writeFileSync(file, "# old\n");
        const run = cli(["docs", "--check", "--output", file]);
        assert.strictEqual(run.status, 1);
        assert.strictEqual(run.stderr, `snapshot-guard docs: ${file} is stale; run \`npm run docs\` and commit it\n`);
    });

    it("a bug (not a CliError) is said to be unexpected; a message starting with a command name does not repeat it", () => {
        try {
            setCommand("scan");
            assert.strictEqual(errorLine(new TypeError("x is not a function")), "snapshot-guard scan: unexpected error: x is not a function\n");
            assert.strictEqual(errorLine(new CliError("scan: a.json does not exist")), "snapshot-guard scan: a.json does not exist\n");
            assert.strictEqual(errorLine(new CliError("cannot write --output x")), "snapshot-guard scan: cannot write --output x\n");
            setCommand(undefined);
            assert.strictEqual(errorLine(new CliError("no command given")), "snapshot-guard: no command given\n");
        } finally {
            setCommand(undefined);
        }
    });
});

describe("cli: config --output confirms what it wrote", () => {
    it("names the file and the number of rules on stderr; stdout stays empty", () => {
        const file = path.join(tempDir(), "policy-config.json");
        const run = cli(["config", "--trusted-account", "111122223333", "--output", file]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(run.stdout, "");
        assert.strictEqual(run.stderr, `snapshot-guard config: wrote policy config for ${allRules.length} rules to ${file}\n`);
        assert.strictEqual(Object.keys(JSON.parse(fs.readFileSync(file, "utf8"))).length, allRules.length);
    });

    it("says nothing on stderr when the config goes to stdout", () => {
        for (const args of [["config"], ["config", "--output", "-"]]) {
            const run = cli(args);
            assert.strictEqual(run.status, 0, run.stderr);
            assert.strictEqual(run.stderr, "");
            assert.ok(JSON.parse(run.stdout));
        }
    });
});
