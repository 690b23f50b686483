// `snapshot-guard list [--cloud aws|azure|gcp] [--json]`
import { ruleTypes, type Cloud } from "../../core/rule";
import { allRules } from "../../policies";
import { parseArgs, expectPositionals, type OptionSpec } from "../args";
import { CliError, EXIT_OK } from "../errors";
import { BAD_INPUT, type CommandHelp } from "../help";
import { writeResult } from "../output";

export const options = { cloud: { kind: "string" }, json: { kind: "boolean" }, output: { kind: "string" } } satisfies Record<string, OptionSpec>;

export const help: CommandHelp = {
    usage: "list [--cloud aws|azure|gcp] [--json] [--output FILE]",
    summary: "the rules, with cloud, category, severity and default level",
    description: ["Lists the pack's rules: id, cloud, category, severity, default level and title, one per line."],
    options: [
        ["--cloud aws|azure|gcp", "only the rules of one cloud"],
        ["--json", "a JSON array instead (with the checked types, config knobs and docs link of each rule)"],
        ["--output FILE", "write to FILE instead of stdout (- for stdout)"],
    ],
    exitCodes: [[0, "listed"], BAD_INPUT],
};

const clouds: readonly Cloud[] = ["aws", "azure", "gcp"];

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "list");
    expectPositionals(args, [], "list");
    const cloud = args.values.cloud;
    if (cloud !== undefined && !(clouds as readonly string[]).includes(cloud)) {
        throw new CliError(`list: unknown --cloud "${cloud}" (use ${clouds.join(", ")})`);
    }
    const rules = allRules.filter((rule) => cloud === undefined || rule.cloud === cloud);
    if (args.flags.json) {
        writeResult(JSON.stringify(rules.map((rule) => ({
            id: rule.id, cloud: rule.cloud, title: rule.title, category: rule.category, severity: rule.severity,
            defaultLevel: rule.defaultLevel, types: [...new Set(ruleTypes(rule))], config: [...rule.config], docsUrl: rule.docsUrl,
        })), null, 2) + "\n", args.values.output);
        return EXIT_OK;
    }
    const rows = [["RULE", "CLOUD", "CATEGORY", "SEVERITY", "LEVEL", "TITLE"],
        ...rules.map((rule) => [rule.id, rule.cloud, rule.category, rule.severity, rule.defaultLevel, rule.title])];
    const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
    const text = rows.map((row) => row.map((value, column) => (column === row.length - 1 ? value : value.padEnd(widths[column]))).join("  ")).join("\n");
    writeResult(`${text}\n`, args.values.output);
    return EXIT_OK;
}
