// Reads and validates a --policy-pack-config file before the pack sees it, so bad config is exit 2
// with the offending key named instead of a violation per resource.
import * as fs from "fs";
import { ConfigError, parseRuleConfig } from "../core/config";
import { formerIdNotice, resolveRuleId } from "../core/former-ids";
import { allRules } from "../policies";
import type { PolicyPackConfig } from "./analyzer-client";
import { CliError } from "./errors";
import { notice } from "./output";
import { decodeInputText } from "./input-text";

const LEVELS = ["advisory", "mandatory", "remediate", "disabled"];

/**
 * Validates a config file's object and returns it keyed by current rule ids: a key that is a
 * former id (a renamed rule) is moved to the current id with a notice.
 */
export function validatePolicyConfig(value: unknown, source: string): PolicyPackConfig {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
        throw new CliError(`invalid policy pack config ${source}: expected an object keyed by rule id`);
    }
    const config: PolicyPackConfig = {};
    for (const [name, entry] of Object.entries(value as Record<string, unknown>)) {
        const resolved = resolveRuleId(allRules, name);
        const rule = resolved?.rule;
        if (resolved?.formerId) {
            if (rule!.id in (value as Record<string, unknown>)) {
                throw new CliError(`invalid policy pack config ${source}: "${name}" and "${rule!.id}" configure the same rule (${name} is its former id); keep only "${rule!.id}"`);
            }
            notice(`${source}: ${formerIdNotice(name, rule!.id)}`);
        }
        config[rule?.id ?? name] = entry as PolicyPackConfig[string];
        if (!rule && name !== "all") {
            throw new CliError(`invalid policy pack config ${source}: "${name}" is not a snapshot-guard rule (see snapshot-guard list)`);
        }
        if (typeof entry === "string") {
            if (!LEVELS.includes(entry)) throw new CliError(`invalid policy pack config ${source}: "${name}" level must be ${LEVELS.join(", ")}`);
            continue;
        }
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            throw new CliError(`invalid policy pack config ${source}: "${name}" must be a level or an object`);
        }
        const { enforcementLevel, ...properties } = entry as Record<string, unknown>;
        if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel as string)) {
            throw new CliError(`invalid policy pack config ${source}: "${name}.enforcementLevel" must be ${LEVELS.join(", ")}`);
        }
        if (!rule) {
            if (Object.keys(properties).length > 0) throw new CliError(`invalid policy pack config ${source}: "all" takes only enforcementLevel`);
            continue;
        }
        try {
            parseRuleConfig(rule.id, rule.config, properties);
        } catch (error) {
            if (error instanceof ConfigError) throw new CliError(`invalid policy pack config ${source}: ${error.message}`);
            throw error;
        }
    }
    return config;
}

export function readPolicyConfig(file: string | undefined): PolicyPackConfig {
    if (file === undefined) return {};
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        throw new CliError(`cannot read --policy-pack-config ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    const text = decodeInputText(bytes, `--policy-pack-config ${file}`, "a JSON policy pack config");
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        throw new CliError(`invalid policy pack config ${file}: not JSON`);
    }
    return validatePolicyConfig(parsed, file);
}
