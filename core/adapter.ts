// The one adapter from rules to @pulumi/policy policies. It owns config parsing and defaults,
// exemptions, unknown values, crash safety and message format, so rules stay pure data + checks.

import type {
    Policy, PolicyComplianceFramework, PolicyResource, ReportViolation, ResourceValidationArgs,
    ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy,
} from "@pulumi/policy";
import { ConfigError, configSchemaFor, parseRuleConfig, type KnobDefaults, type KnobName, type RuleConfig } from "./config";
import { findExemption } from "./exemptions";
import {
    crashMessage, deferredReason, exemptedReason, expiredNote, fixCrashMessage, formatViolation, invalidConfigMessage,
} from "./messages";
import {
    isStackRule, type Check, type Finding, type Fix, type ResourceRule, type Rule, type StackRule, type Violation,
} from "./rule";
import { isUnknownValueError, normaliseTypeToken } from "./values";

export interface AdapterOptions {
    /** Clock for exemption expiry; tests pin it. */
    now?: () => Date;
    /** Knob defaults in place of the built-in ones (config still overrides them). */
    knobDefaults?: KnobDefaults;
}

export function toPolicies(rules: readonly Rule[], options: AdapterOptions = {}): Array<ResourceValidationPolicy | StackValidationPolicy> {
    return rules.map((rule) => toPolicy(rule, options));
}

export function toPolicy(rule: Rule, options: AdapterOptions = {}): ResourceValidationPolicy | StackValidationPolicy {
    return isStackRule(rule) ? toStackPolicy(rule, options) : toResourcePolicy(rule, options);
}

function metadata(rule: Rule, options: AdapterOptions): Policy {
    const framework = frameworkOf(rule);
    return {
        name: rule.id,
        description: rule.title,
        displayName: rule.title,
        enforcementLevel: rule.defaultLevel,
        severity: rule.severity,
        remediationSteps: rule.remediation,
        url: rule.docsUrl,
        tags: [rule.cloud, rule.category],
        configSchema: configSchemaFor(rule.config, options.knobDefaults),
        ...(framework ? { framework } : {}),
    };
}

// Controls keyed like "cis-aws-5.0" name a compliance framework the SDK can carry.
function frameworkOf(rule: Rule): PolicyComplianceFramework | undefined {
    for (const [key, ids] of Object.entries(rule.controls ?? {})) {
        const match = /^(cis-[a-z]+)-([0-9.]+)$/.exec(key);
        if (match && ids.length > 0) {
            return { name: match[1], version: match[2], reference: ids.join(", "), specification: "" };
        }
    }
    return undefined;
}

/** Parses a rule's config once per distinct raw config. */
function configReader<K extends KnobName>(rule: Rule, defaults: KnobDefaults = {}) {
    let lastKey: string | undefined;
    let lastResult: RuleConfig<K> | ConfigError | undefined;
    return (raw: Record<string, unknown>): RuleConfig<K> | ConfigError => {
        const key = JSON.stringify(raw);
        if (key !== lastKey) {
            try {
                lastResult = parseRuleConfig(rule.id, rule.config as readonly K[], raw, defaults);
            } catch (error) {
                if (!(error instanceof ConfigError)) throw error;
                lastResult = error;
            }
            lastKey = key;
        }
        return lastResult as RuleConfig<K> | ConfigError;
    };
}

/** Runs a check; an unknown read becomes a deferral, any other throw a fail-closed violation. */
function runSafely(ruleId: string, run: () => Finding[]): Finding[] {
    try {
        return run();
    } catch (error) {
        if (isUnknownValueError(error)) {
            const props = (error as { props?: unknown[] }).props ?? [];
            return [{ kind: "deferred", path: props.map(String).join(".") }];
        }
        return [{ kind: "violation", path: "(rule)", problem: crashMessage(ruleId, error), fix: "" }];
    }
}

function messageOf(finding: Violation): string {
    return finding.path === "(rule)" ? finding.problem : formatViolation(finding);
}

function toResourcePolicy(rule: ResourceRule<any>, options: AdapterOptions): ResourceValidationPolicy {
    const checks = new Map<string, Check<any>>();
    const fixes = new Map<string, Fix<any>>();
    for (const target of rule.targets) {
        checks.set(target.type, target.check);
        if (target.fix) fixes.set(target.type, target.fix);
    }
    const applicability = "resource type not checked by this rule";
    const readConfig = configReader(rule, options.knobDefaults);
    const now = options.now ?? (() => new Date());
    // Most resources are of types a rule does not check. The SDK's notApplicable builds a new Error
    // (with a stack trace) each time, which was most of the pack's analysis time; the first one is
    // kept and thrown again, since the SDK only reads its reason.
    let untargeted: { error: unknown } | undefined;

    return {
        ...metadata(rule, options),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            const check = checks.get(normaliseTypeToken(args.type));
            if (!check) {
                if (untargeted === undefined) {
                    try {
                        args.notApplicable(applicability);
                    } catch (error) {
                        untargeted = { error };
                    }
                }
                if (untargeted !== undefined) throw untargeted.error;
                return;
            }
            const evaluation = evaluate(args, check!);
            if (evaluation instanceof ConfigError) {
                reportViolation(invalidConfigMessage(evaluation));
                return;
            }
            const { config, ctx, findings } = evaluation;
            const violations = findings.filter((finding): finding is Violation => finding.kind === "violation");
            if (violations.length === 0) {
                const deferrals = findings.filter((finding) => finding.kind === "deferred");
                if (deferrals.length > 0) {
                    args.notApplicable(deferredReason(deferrals.map((finding) => finding.path)));
                }
                return;
            }
            const exemption = findExemption(config.exemptions, args.urn, args.name, ctx.now);
            if (exemption.state === "active") {
                args.notApplicable(exemptedReason(exemption.exemption));
            }
            const suffix = exemption.state === "expired" ? expiredNote(exemption.exemption) : "";
            for (const finding of violations) {
                reportViolation(messageOf(finding) + suffix);
            }
        },
        ...(fixes.size > 0 ? { remediateResource: (args: ResourceValidationArgs) => remediate(args) } : {}),
    };

    /** Config, context and findings of one check: shared by validation and remediation. */
    function evaluate(args: ResourceValidationArgs, check: Check<any>) {
        const config = readConfig(args.getConfig<Record<string, unknown>>());
        if (config instanceof ConfigError) {
            return config;
        }
        const ctx = { config: config.knobs, type: args.type, name: args.name, urn: args.urn, now: now() };
        return { config, ctx, findings: runSafely(rule.id, () => check(args.props, ctx)) };
    }

    /**
     * The SDK calls this only at the `remediate` level (server.js makeRemediateRpcFun). A fix runs
     * only when the check reports a violation that no exemption covers and the config is valid; a
     * fix that throws changes nothing and says so (never with values) instead of failing the RPC.
     */
    function remediate(args: ResourceValidationArgs): Record<string, unknown> | undefined {
        const type = normaliseTypeToken(args.type);
        const fix = fixes.get(type);
        if (!fix) {
            return undefined;
        }
        const evaluation = evaluate(args, checks.get(type)!);
        if (evaluation instanceof ConfigError) {
            return undefined;
        }
        const { config, ctx, findings } = evaluation;
        if (!findings.some((finding) => finding.kind === "violation" && finding.path !== "(rule)")) {
            return undefined;
        }
        if (findExemption(config.exemptions, args.urn, args.name, ctx.now).state === "active") {
            return undefined;
        }
        let fixed: Record<string, unknown> | undefined;
        let failure: unknown;
        try {
            fixed = fix(args.props, ctx);
        } catch (error) {
            if (isUnknownValueError(error)) {
                return undefined; // the fix would need a value only known at deploy: leave it to the check
            }
            failure = error;
        }
        if (failure !== undefined) {
            args.notApplicable(fixCrashMessage(rule.id, failure));
        }
        return fixed;
    }
}

function nameFromUrn(urn: string): string {
    const separator = urn.lastIndexOf("::");
    return separator >= 0 ? urn.slice(separator + 2) : urn;
}

function toStackPolicy(rule: StackRule<any>, options: AdapterOptions): StackValidationPolicy {
    const readConfig = configReader(rule, options.knobDefaults);
    const now = options.now ?? (() => new Date());

    return {
        ...metadata(rule, options),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = readConfig(args.getConfig<Record<string, unknown>>());
            if (config instanceof ConfigError) {
                reportViolation(invalidConfigMessage(config));
                return;
            }
            const resources = args.resources as readonly PolicyResource[];
            const at = now();
            const findings = runSafely(rule.id, () => rule.checkStack(resources, { config: config.knobs, now: at }));
            let reported = 0;
            const deferredPaths: string[] = [];
            const exemptedReasons: string[] = [];
            for (const finding of findings) {
                if (finding.kind === "deferred") {
                    deferredPaths.push(finding.urn ? `${nameFromUrn(finding.urn)}.${finding.path}` : finding.path);
                    continue;
                }
                const urn = finding.urn;
                const exemption = urn
                    ? findExemption(config.exemptions, urn, nameFromUrn(urn), at)
                    : { state: "none" as const };
                if (exemption.state === "active") {
                    exemptedReasons.push(`${nameFromUrn(urn!)}: ${exemptedReason(exemption.exemption)}`);
                    continue;
                }
                const suffix = exemption.state === "expired" ? expiredNote(exemption.exemption) : "";
                reportViolation(messageOf(finding) + suffix, urn);
                reported++;
            }
            if (reported === 0 && (exemptedReasons.length > 0 || deferredPaths.length > 0)) {
                const reasons = [...exemptedReasons];
                if (deferredPaths.length > 0) reasons.push(deferredReason(deferredPaths));
                args.notApplicable(reasons.join("; "));
            }
        },
    };
}
