// `snapshot-guard explain <rule>`
import { knobs, type KnobName } from "../../core/config";
import { formerIdNotice, resolveRuleId } from "../../core/former-ids";
import { canRemediate, ruleTypes } from "../../core/rule";
import { allRules } from "../../policies";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK } from "../errors";
import type { CommandHelp } from "../help";
import { notice, writeResult } from "../output";
import { knobDefault } from "../rules-doc";
import { snippetsFor } from "../snippets";

export const options = { output: { kind: "string" } } satisfies Record<string, OptionSpec>;

export const help: CommandHelp = {
    usage: "explain <rule> [--output FILE]",
    summary: "one rule: why, checked types, config knobs, fix, violating and compliant snippets",
    description: [
        "Explains one rule: the risk, the resource types it checks, its policy config knobs with their defaults, the fix",
        "in Pulumi terms, a violating and a compliant snippet, related benchmark controls and a reference link.",
    ],
    inputs: [["rule", "a rule id as `snapshot-guard list` shows it (a former id of a renamed rule works too, with a notice)"]],
    options: [["--output FILE", "write to FILE instead of stdout (- for stdout)"]],
    exitCodes: [[0, "explained"], [2, "no such rule, or bad input (unknown option, unwritable --output)"]],
};

function indent(text: string): string {
    return text.split("\n").map((line) => `    ${line}`).join("\n");
}

function wrap(text: string, width = 96): string {
    const words = text.split(/\s+/);
    const lines: string[] = [];
    let line = "";
    for (const word of words) {
        if (line && line.length + 1 + word.length > width) {
            lines.push(line);
            line = word;
        } else {
            line = line ? `${line} ${word}` : word;
        }
    }
    if (line) lines.push(line);
    return lines.map((entry) => `  ${entry}`).join("\n");
}

export async function run(argv: readonly string[]): Promise<number> {
    const args = parseArgs(argv, options, "explain");
    const [id] = expectPositionals(args, ["rule"], "explain");
    const resolved = resolveRuleId(allRules, id);
    if (resolved?.formerId) notice(formerIdNotice(id, resolved.rule.id));
    const rule = resolved?.rule;
    if (!rule) {
        const near = allRules.filter((candidate) => candidate.id.includes(id) || id.includes(candidate.cloud)).map((candidate) => candidate.id).slice(0, 5);
        throw new CliError(`explain: no rule "${id}"${near.length ? ` (did you mean ${near.join(", ")}?)` : " (see snapshot-guard list)"}`);
    }
    const out: string[] = [
        `${rule.id}: ${rule.title}`,
        `  cloud ${rule.cloud} · category ${rule.category} · severity ${rule.severity} · default level ${rule.defaultLevel}`,
        "", "Why", wrap(rule.rationale),
        "", "Checks", ...[...new Set(ruleTypes(rule))].map((type) => `  ${type}`),
        "", "Config (policy pack config key: " + rule.id + ")",
        ...(rule.config as KnobName[]).map((knob) => `  ${knob} (default ${knobDefault(knob)}): ${knobs[knob].description}`),
        canRemediate(rule)
            ? "  enforcementLevel: advisory, mandatory, disabled, or remediate (fixes what it safely can; see README, Remediation)"
            : "  enforcementLevel: advisory, mandatory or disabled",
        "  exemptions: [{ resource, reason, expires }]",
        "", "Fix", wrap(rule.remediation),
    ];
    const example = snippetsFor(rule.id);
    if (example) {
        out.push("", "Violating", indent(example.violating), "", "Compliant", indent(example.compliant));
    } else {
        out.push("", "Snippets", "  none yet for this rule (cli/snippets.ts); the Fix above names the resource and property");
    }
    const controls = Object.entries(rule.controls ?? {});
    if (controls.length > 0) {
        out.push("", "Related controls", ...controls.map(([source, ids]) => `  ${source}: ${ids.join(", ")}`));
    }
    out.push("", `Reference: ${rule.docsUrl}`);
    writeResult(out.join("\n") + "\n", args.values.output);
    return EXIT_OK;
}
