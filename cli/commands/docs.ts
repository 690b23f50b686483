// `snapshot-guard docs [--check]`: writes docs/rules.md from the rule list; --check fails when stale.
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../policies";
import { expectPositionals, parseArgs } from "../args";
import { CliError, EXIT_OK, EXIT_VIOLATIONS } from "../errors";
import { renderRulesDoc } from "../rules-doc";

export const usage = "docs [--check] [--output FILE]\n      writes docs/rules.md from the rule list; --check exits 1 when it is stale";

/** The repository's docs/rules.md (bin/cli/commands/docs.js → ../../../docs). */
export const defaultDocsPath = path.resolve(__dirname, "../../../docs/rules.md");

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, { check: { kind: "boolean" }, output: { kind: "string" } }, "docs");
    expectPositionals(args, [], "docs");
    const target = args.values.output ?? defaultDocsPath;
    const expected = renderRulesDoc(allRules);
    if (args.flags.check) {
        const current = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : undefined;
        if (current === expected) return EXIT_OK;
        process.stderr.write(`snapshot-guard: ${target} is ${current === undefined ? "missing" : "stale"}; run \`npm run docs\` and commit it\n`);
        return EXIT_VIOLATIONS;
    }
    try {
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.writeFileSync(target, expected);
    } catch (error) {
        throw new CliError(`docs: cannot write ${target}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    if (process.stderr.isTTY) process.stderr.write(`wrote ${target}\n`);
    return EXIT_OK;
}
