// `snapshot-guard docs [--check]`: writes docs/rules.md from the rule list; --check fails when stale.
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../policies";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { BAD_INPUT, type CommandHelp } from "../help";
import { status } from "../output";
import { renderRulesDoc } from "../rules-doc";

export const options = { check: { kind: "boolean" }, output: { kind: "string" } } satisfies Record<string, OptionSpec>;

export const help: CommandHelp = {
    usage: "docs [--check] [--output FILE]",
    summary: "write docs/rules.md from the rule list, or --check that it is current",
    description: ["Writes the rule catalogue (docs/rules.md) from the rule list, or checks that the file is current."],
    options: [
        ["--check", "write nothing; exit 1 when the file is missing or differs from what docs would write"],
        ["--output FILE", "the file to write or check (default: docs/rules.md of this package)"],
    ],
    exitCodes: [[0, "written, or current with --check"], [1, "stale or missing with --check"], BAD_INPUT],
};

/** The repository's docs/rules.md (bin/cli/commands/docs.js → ../../../docs). */
export const defaultDocsPath = path.resolve(__dirname, "../../../docs/rules.md");

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "docs");
    expectPositionals(args, [], "docs");
    const target = args.values.output ?? defaultDocsPath;
    const expected = renderRulesDoc(allRules);
    if (args.flags.check) {
        const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
        if (current === expected) return EXIT_OK;
        status(`${target} is ${current === undefined ? "missing" : "stale"}; run \`npm run docs\` and commit it`);
        return EXIT_VIOLATIONS;
    }
    try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, expected);
    } catch (error) {
        throw new CliError(`docs: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (process.stderr.isTTY) status(`wrote ${target}`);
    return EXIT_OK;
}
