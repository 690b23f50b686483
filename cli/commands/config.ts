// `snapshot-guard config …`: writes a complete --policy-pack-config file from shared flags.
import { ConfigError, knobs, parseRuleConfig, type KnobName } from "../../core/config";
import { formerIdNotice, resolveRuleId } from "../../core/former-ids";
import { canRemediate } from "../../core/rule";
import { allRules } from "../../policies";
import { expectPositionals, parseArgs, type OptionSpec } from "../args";
import { CliError, EXIT_OK } from "../errors";
import type { CommandHelp } from "../help";
import { notice, status, writeResult } from "../output";

export const help: CommandHelp = {
    usage: "config [options]",
    summary: "write a complete --policy-pack-config file from a few shared flags",
    description: [
        "Writes a complete policy pack config (JSON): every rule with its enforcement level, its knobs and an empty",
        "exemptions list, so shared settings are given once. Flags marked … repeat. It validates what it writes.",
        "A rule's level comes from the most specific setting: --level RULE=…, then --require-customer-managed-keys,",
        "then --level all=…, then the rule's default.",
    ],
    options: [
        ["--trusted-account ID…", "AWS account id (12 digits) that snapshots and images may be shared with"],
        ["--trusted-org ARN…", "AWS Organizations organization or OU ARN that snapshots and images may be shared with"],
        ["--trusted-domain D…", "Google Cloud domain whose users, groups and service accounts may be granted access"],
        ["--trusted-tenant GUID…", "Microsoft Entra tenant id that galleries and backups may be shared with"],
        ["--trusted-subscription GUID…", "Azure subscription id that galleries and backups may be shared with"],
        ["--allowed-key ID…", "KMS key, disk encryption set or Cloud KMS key the customer-managed-key rules accept"],
        ["--min-retention-days N", "shortest retention of backups and snapshots (days)"],
        ["--max-retention-days N", "longest retention of backups and snapshots (days)"],
        ["--retention-tag-key KEY…", "tag or label key that gives a standalone snapshot or image an expiry"],
        ["--require-customer-managed-keys", "make the customer-key rules (advisory by default) mandatory"],
        ["--level RULE=LEVEL…", "a rule's level: advisory, mandatory, disabled, or remediate for a rule with a safe fix"],
        ["--level all=LEVEL", "the level of every rule not set otherwise"],
        ["--output FILE", "write the config to FILE (confirmed on stderr) instead of stdout (- for stdout)"],
    ],
    exitCodes: [[0, "written"], [2, "bad input: unknown option or rule, invalid value, conflicting levels, unwritable --output"]],
};

const LEVELS = ["advisory", "mandatory", "disabled"];

/** The rules that ask for customer-managed keys (advisory by default; the flag makes them block). */
export const customerKeyRule = /-customer-(managed-)?keys$/;

const listFlags: Record<string, KnobName> = {
    "trusted-account": "trustedAccountIds",
    "trusted-org": "trustedOrganizationArns",
    "trusted-domain": "trustedDomains",
    "trusted-tenant": "trustedTenantIds",
    "trusted-subscription": "trustedSubscriptionIds",
    "allowed-key": "allowedKeyIds",
    "retention-tag-key": "retentionTagKeys",
};

function wholeNumber(flag: string, text: string): number {
    if (!/^[0-9]+$/.test(text)) throw new CliError(`config: --${flag} must be a whole number, not "${text}"`);
    return Number(text); // the knob's bound (MAX_RETENTION_DAYS) rejects what the clouds do not allow
}

export const options: Record<string, OptionSpec> = {
    ...Object.fromEntries(Object.keys(listFlags).map((flag) => [flag, { kind: "list" as const }])),
    "min-retention-days": { kind: "string" },
    "max-retention-days": { kind: "string" },
    "require-customer-managed-keys": { kind: "boolean" },
    level: { kind: "list" },
    output: { kind: "string" },
};

export function buildConfig(argv: readonly string[]): { config: Record<string, Record<string, unknown>>; output?: string } {
    const args = parseArgs(argv, options, "config");
    expectPositionals(args, [], "config");

    const given: Partial<Record<KnobName, unknown>> = {};
    for (const [flag, knob] of Object.entries(listFlags)) {
        if (args.lists[flag]) given[knob] = args.lists[flag];
    }
    if (args.values["min-retention-days"] !== undefined) given.minRetentionDays = wholeNumber("min-retention-days", args.values["min-retention-days"]);
    if (args.values["max-retention-days"] !== undefined) given.maxRetentionDays = wholeNumber("max-retention-days", args.values["max-retention-days"]);
    for (const [knob, value] of Object.entries(given)) {
        try {
            knobs[knob as KnobName].parse(value, knob);
        } catch (error) {
            if (error instanceof ConfigError) throw new CliError(`config: ${error.message}`);
            throw error;
        }
    }

    const levels = new Map<string, string>();
    for (const entry of args.lists.level ?? []) {
        const [given, level, extra] = entry.split("=");
        if (level === undefined || extra !== undefined || given === "") {
            throw new CliError(`config: --level takes RULE=LEVEL or all=LEVEL, not "${entry}"`);
        }
        const resolved = resolveRuleId(allRules, given);
        if (resolved?.formerId) notice(`--level ${entry}: ${formerIdNotice(given, resolved.rule.id)}`);
        const name = resolved?.rule.id ?? given;
        if (level === "remediate") {
            const rule = allRules.find((candidate) => candidate.id === name);
            if (!rule || !canRemediate(rule)) {
                throw new CliError(`config: --level ${entry}: only a rule with a safe fix can be set to remediate (see snapshot-guard explain)`);
            }
        } else if (!LEVELS.includes(level)) {
            throw new CliError(`config: --level ${entry}: level must be ${LEVELS.join(", ")} (or remediate for a rule with a safe fix)`);
        }
        if (name !== "all" && !allRules.some((rule) => rule.id === name)) {
            throw new CliError(`config: --level ${entry}: no rule "${name}" (see snapshot-guard list)`);
        }
        const earlier = levels.get(name);
        if (earlier !== undefined && earlier !== level) {
            throw new CliError(`config: --level ${name}=${earlier} and --level ${entry} conflict; give one level for ${name === "all" ? "all rules" : `rule "${name}"`}`);
        }
        levels.set(name, level);
    }

    const config: Record<string, Record<string, unknown>> = {};
    for (const rule of allRules) {
        // Precedence, most specific first: --level RULE=…, --require-customer-managed-keys (for the
        // customer-key rules), --level all=…, the rule's default level.
        const keysLevel = args.flags["require-customer-managed-keys"] && customerKeyRule.test(rule.id) ? "mandatory" : undefined;
        const entry: Record<string, unknown> = { enforcementLevel: levels.get(rule.id) ?? keysLevel ?? levels.get("all") ?? rule.defaultLevel };
        for (const knob of rule.config as KnobName[]) {
            const value = knob in given ? given[knob] : knobs[knob].defaultValue;
            if (value !== undefined) entry[knob] = value;
        }
        entry.exemptions = [];
        const { enforcementLevel: _level, ...properties } = entry;
        try {
            parseRuleConfig(rule.id, rule.config, properties);
        } catch (error) {
            if (error instanceof ConfigError) throw new CliError(`config: ${error.message}`);
            throw error;
        }
        config[rule.id] = entry;
    }
    return { config, output: args.values.output };
}

export async function run(argv: readonly string[]): Promise<number> {
    const { config, output } = buildConfig(argv);
    writeResult(JSON.stringify(config, null, 4) + "\n", output);
    if (output !== undefined && output !== "-") {
        const rules = Object.keys(config).length;
        status(`wrote policy config for ${rules} rule${rules === 1 ? "" : "s"} to ${output}`);
    }
    return EXIT_OK;
}
