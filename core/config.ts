// Shared configuration knobs. A knob means the same thing, has the same name and the same schema
// in every rule that uses it, so one config file can set it everywhere.

import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";

export class ConfigError extends Error {}

interface Knob<T> {
    description: string;
    schema: PolicyConfigJSONSchema;
    /** Applied when the config leaves the knob out (Configure only sends what the user wrote). */
    defaultValue: T;
    parse(value: unknown, key: string): T;
}

function fail(key: string, expectation: string): never {
    throw new ConfigError(`"${key}" ${expectation}`);
}

function stringList(pattern: RegExp | undefined, item: string) {
    return (value: unknown, key: string): string[] => {
        if (!Array.isArray(value)) {
            fail(key, `must be a list, each entry ${item}`);
        }
        return value.map((entry, index) => {
            if (typeof entry !== "string" || entry.trim() === "" || (pattern && !pattern.test(entry))) {
                fail(`${key}[${index}]`, `must be ${item}`);
            }
            return entry.trim();
        });
    };
}

/**
 * The longest retention any of the clouds accepts: AWS Backup keeps recovery points up to 100 years
 * (lifecycle `deleteAfter`), beyond every other service's limit. The bound also keeps "today + N
 * days" inside the date range for the expiry fixes.
 */
export const MAX_RETENTION_DAYS = 36_500;

function dayCount(minimum: number) {
    return (value: unknown, key: string): number => {
        if (typeof value !== "number" || !Number.isInteger(value) || value < minimum || value > MAX_RETENTION_DAYS) {
            fail(key, `must be a whole number of days from ${minimum} to ${MAX_RETENTION_DAYS}`);
        }
        return value;
    };
}

function dayCountSchema(minimum: number, defaultValue?: number): PolicyConfigJSONSchema {
    return { type: "integer", minimum, maximum: MAX_RETENTION_DAYS, ...(defaultValue === undefined ? {} : { default: defaultValue }) };
}

const accountId = /^[0-9]{12}$/;
const awsOrganizationArn = /^arn:aws[a-z-]*:organizations::[0-9]{12}:(organization|ou)\/o-[a-z0-9]{10,32}(\/ou-[a-z0-9-]+)?$/;

function listKnob(description: string, pattern: RegExp | undefined, item: string, defaults: string[] = []): Knob<string[]> {
    return {
        description,
        schema: {
            type: "array",
            items: { type: "string", ...(pattern ? { pattern: pattern.source } : { minLength: 1 }) },
            default: defaults,
        },
        defaultValue: defaults,
        parse: stringList(pattern, item),
    };
}

export const knobs = {
    trustedAccountIds: listKnob(
        "AWS account ids (12 digits) that snapshots and images may be shared with.",
        accountId, "a 12-digit AWS account id"),
    trustedOrganizationArns: listKnob(
        "AWS Organizations organization or OU ARNs that snapshots and images may be shared with.",
        awsOrganizationArn, "an AWS organization or organizational unit ARN"),
    trustedDomains: listKnob(
        "Google Cloud domains whose users, groups and service accounts may be granted access; empty means any identified principal.",
        /^[a-z0-9.-]+\.[a-z]{2,}$/i, "a domain name such as example.com"),
    trustedTenantIds: listKnob(
        "Microsoft Entra tenant ids (GUIDs) that galleries and backups may be shared with; empty means not checked.",
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a tenant id (GUID)"),
    trustedSubscriptionIds: listKnob(
        "Azure subscription ids (GUIDs) that galleries and backups may be shared with; empty means not checked.",
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a subscription id (GUID)"),
    allowedKeyIds: listKnob(
        "Key ids, ARNs or resource ids that are approved for encryption; empty allows any customer-managed key.",
        undefined, "a non-empty key identifier"),
    minRetentionDays: {
        description: "Shortest acceptable retention of backups and snapshots, in days.",
        schema: dayCountSchema(0, 7),
        defaultValue: 7,
        parse: dayCount(0),
    } as Knob<number>,
    maxRetentionDays: {
        description: "Longest acceptable retention of backups and snapshots, in days; unset means no upper bound.",
        schema: dayCountSchema(1),
        defaultValue: undefined,
        parse: dayCount(1),
    } as Knob<number | undefined>,
    defaultRetentionDays: {
        description: "Retention, in days, that remediation gives what has none: the `expires-on` tag or label (today + this), " +
            "AMI deprecation, AWS Backup `lifecycle.deleteAfter` and Google Cloud snapshot retention.",
        schema: dayCountSchema(1, 30),
        defaultValue: 30,
        parse: dayCount(1),
    } as Knob<number>,
    retentionTagKeys: listKnob(
        "Tag or label keys that give a standalone snapshot or image an expiry (`expires-on`: YYYY-MM-DD, `retention-days`: integer).",
        undefined, "a non-empty tag key", ["expires-on", "retention-days"]),
};

export type KnobName = keyof typeof knobs;
export type KnobValues = { [K in KnobName]: (typeof knobs)[K]["defaultValue"] };

export interface Exemption {
    resource: string;
    reason: string;
    expires?: string;
}

const isoDate = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

export const exemptionsSchema: PolicyConfigJSONSchema = {
    type: "array",
    description: "Resources this rule does not block: each needs a reason; an expired exemption stops applying.",
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1, description: "URN, resource name, or a glob (* and ?) over either" },
            reason: { type: "string", minLength: 1, description: "Why the exemption is acceptable (shown in reports)" },
            expires: { type: "string", pattern: isoDate.source, description: "Last day (UTC) the exemption applies, YYYY-MM-DD" },
        },
        required: ["resource", "reason"],
        additionalProperties: false,
    },
    default: [],
};

function parseExemptions(value: unknown, key: string): Exemption[] {
    if (!Array.isArray(value)) {
        fail(key, "must be a list of { resource, reason, expires } entries");
    }
    return value.map((entry, index) => {
        const at = `${key}[${index}]`;
        if (typeof entry !== "object" || entry === null || Array.isArray(entry)) {
            fail(at, "must be an object with resource, reason and optional expires");
        }
        const record = entry as Record<string, unknown>;
        for (const field of Object.keys(record)) {
            if (!["resource", "reason", "expires"].includes(field)) {
                fail(`${at}.${field}`, "is not a known exemption field (resource, reason, expires)");
            }
        }
        if (typeof record.resource !== "string" || record.resource.trim() === "") {
            fail(`${at}.resource`, "must name a URN, a resource name or a glob");
        }
        if (typeof record.reason !== "string" || record.reason.trim() === "") {
            fail(`${at}.reason`, "is required: say why this resource may break the rule");
        }
        if (record.expires !== undefined && (typeof record.expires !== "string" || !isValidDate(record.expires))) {
            fail(`${at}.expires`, "must be a date written YYYY-MM-DD");
        }
        return { resource: record.resource.trim(), reason: record.reason.trim(), expires: record.expires as string | undefined };
    });
}

export function isValidDate(text: string): boolean {
    if (!isoDate.test(text)) {
        return false;
    }
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

export interface RuleConfig<K extends KnobName> {
    knobs: Pick<KnobValues, K>;
    exemptions: Exemption[];
}

/** Knob defaults that replace the built-in ones (an embedding pack's choice; see rules.ts). */
export type KnobDefaults = Partial<KnobValues>;

/**
 * JSON schema of one rule's config, as the Pulumi CLI validates it before Configure. Every object
 * inside is closed (`additionalProperties: false`) and every day count bounded. The top level
 * cannot be closed: the policy SDK sends only `properties` and `required` (protoutil.js), and the
 * engine (pkg/resource/analyzer/config.go convertSchema, v3.277.0) rebuilds the schema from those
 * two plus its own `enforcementLevel`. A misspelt knob therefore reaches the pack, which refuses it
 * in Configure (core/configure-hook.ts), so the engine stops before the program runs.
 */
export function configSchemaFor(knobNames: readonly KnobName[], defaults: KnobDefaults = {}) {
    const properties: Record<string, PolicyConfigJSONSchema> = {};
    for (const name of knobNames) {
        properties[name] = { ...knobs[name].schema, description: knobs[name].description };
        if (defaults[name] !== undefined) properties[name].default = defaults[name];
    }
    properties.exemptions = exemptionsSchema;
    return { properties };
}

/**
 * Validates and completes one rule's config. Unknown keys and wrong types throw a ConfigError that
 * names the key; omitted knobs take their defaults.
 */
export function parseRuleConfig<K extends KnobName>(
    ruleId: string, knobNames: readonly K[], raw: Record<string, unknown>, defaults: KnobDefaults = {},
): RuleConfig<K> {
    const values: Partial<KnobValues> = {};
    let exemptions: Exemption[] = [];
    for (const key of Object.keys(raw)) {
        const value = raw[key];
        if (key === "exemptions") {
            exemptions = parseExemptions(value, `${ruleId}.exemptions`);
        } else if ((knobNames as readonly string[]).includes(key)) {
            const knob = knobs[key as K] as Knob<unknown>;
            (values as Record<string, unknown>)[key] = knob.parse(value, `${ruleId}.${key}`);
        } else {
            const known = [...knobNames, "exemptions"].join(", ");
            throw new ConfigError(`"${ruleId}.${key}" is not a setting of this rule (known: ${known})`);
        }
    }
    for (const name of knobNames) {
        if (!(name in values)) {
            (values as Record<string, unknown>)[name] = name in defaults ? defaults[name] : knobs[name].defaultValue;
        }
    }
    const bounds = values as Partial<KnobValues>;
    if (bounds.maxRetentionDays !== undefined && bounds.minRetentionDays !== undefined
        && bounds.maxRetentionDays < bounds.minRetentionDays) {
        throw new ConfigError(`"${ruleId}.maxRetentionDays" must not be below minRetentionDays`);
    }
    return { knobs: values as Pick<KnobValues, K>, exemptions };
}
