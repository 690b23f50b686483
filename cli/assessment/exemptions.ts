// The exemptions of a policy config as the assessment reports them: days left until they expire,
// and which resources of the assessed stacks they name (resources of the rule's types whose URN or
// name the exemption's `resource` matches, as the pack matches them).
import { parseRuleConfig, type Exemption } from "../../core/config";
import { exemptionCovers, isExpired } from "../../core/exemptions";
import { ruleTypes, type Rule } from "../../core/rule";
import { normaliseTypeToken } from "../../core/values";
import { allRules } from "../../policies";
import type { PolicyPackConfig } from "../analyzer-client";
import type { ScanResource } from "../resources";
import type { ExemptionStatus } from "./model";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days from the UTC day of `now` to `expires` (YYYY-MM-DD): 0 on the last day, negative after it. */
export function daysLeft(expires: string, now: Date): number {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    return Math.round((Date.parse(`${expires}T00:00:00Z`) - today) / DAY_MS);
}

interface Tracked {
    rule: Rule;
    exemption: Exemption;
    types: ReadonlySet<string>;
    appliesTo: Array<{ stack: string; urn: string }>;
}

/** Collects, stack by stack, the resources each configured exemption names. */
export class ExemptionTracker {
    private readonly tracked: Tracked[] = [];

    /** `config` has been validated (readPolicyConfig) and is keyed by current rule ids. */
    constructor(config: PolicyPackConfig, private readonly now: Date) {
        for (const [id, entry] of Object.entries(config)) {
            const rule = allRules.find((candidate) => candidate.id === id);
            if (!rule || typeof entry !== "object" || entry === null) continue;
            const { enforcementLevel: _level, ...properties } = entry;
            const { exemptions } = parseRuleConfig(rule.id, rule.config, properties);
            const types = new Set(ruleTypes(rule));
            for (const exemption of exemptions) this.tracked.push({ rule, exemption, types, appliesTo: [] });
        }
    }

    observe(stack: string, resources: readonly ScanResource[]): void {
        if (this.tracked.length === 0) return;
        for (const resource of resources) {
            const type = normaliseTypeToken(resource.type);
            for (const entry of this.tracked) {
                if (entry.types.has(type) && exemptionCovers(entry.exemption.resource, resource.urn, resource.name)) {
                    entry.appliesTo.push({ stack, urn: resource.urn });
                }
            }
        }
    }

    /** Soonest expiry first; exemptions without an expiry last. */
    statuses(): ExemptionStatus[] {
        return this.tracked.map(({ rule, exemption, appliesTo }): ExemptionStatus => ({
            rule: rule.id, resource: exemption.resource, reason: exemption.reason,
            ...(exemption.expires ? { expires: exemption.expires, daysLeft: daysLeft(exemption.expires, this.now) } : {}),
            state: isExpired(exemption, this.now) ? "expired" : "active",
            appliesTo,
        })).sort((a, b) => (a.daysLeft ?? Infinity) - (b.daysLeft ?? Infinity)
            || a.rule.localeCompare(b.rule) || a.resource.localeCompare(b.resource));
    }
}
