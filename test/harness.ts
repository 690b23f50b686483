// Rule-table harness. Props go through the same deserialisation and unknown-checking proxy the
// policy runtime uses, so a rule that reads an unknown value in a test fails the way it would in
// `pulumi preview`.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { toPolicy } from "../core/adapter";
import { isStackRule, type Rule } from "../core/rule";
import { stackReadsProperties, visibleToStackRules } from "../core/stack-scope";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
// Internal to @pulumi/policy (typed as `export {}`), but exactly what the analyzer server calls.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deserializeProperties } = require("@pulumi/policy/deserialize") as {
    deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown>;
};
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { unknownCheckingProxy } = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T extends object>(props: T): T;
};

export { secret, UNKNOWN_SENTINEL as UNKNOWN } from "../core/wire";
import { secret as secretOf, UNKNOWN_SENTINEL as UNKNOWN_VALUE } from "../core/wire";

/** The repository (pack) directory; tests run compiled from .test-build/, so walk up to find it. */
export const repoRoot = ((): string => {
    for (let dir = __dirname; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "PulumiPolicy.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no PulumiPolicy.yaml above ${__dirname}`);
    }
})();

/** Where this test build's copy of the sources lives (the rules it imports are loaded from here). */
export const compiledRoot = path.resolve(__dirname, "..");

export const FIXED_NOW = new Date("2026-06-15T12:00:00Z");

export interface Outcome {
    violations: string[];
    notApplicable?: string;
}

class NotApplicableSignal extends Error {
    constructor(readonly reason: string | undefined) {
        super(reason);
    }
}

export interface ResourceCall {
    type: string;
    props: Record<string, unknown>;
    config?: Record<string, unknown>;
    name?: string;
    urn?: string;
}

export function urnFor(type: string, name: string): string {
    return `urn:pulumi:dev::demo::${type}::${name}`;
}

/** Runs one resource through a rule exactly as the analyzer server would. */
export function evaluate(rule: Rule, call: ResourceCall, now: Date = FIXED_NOW): Outcome {
    const policy = toPolicy(rule, { now: () => now }) as ResourceValidationPolicy;
    return evaluatePolicy(policy, call);
}

/**
 * The arguments the analyzer server builds for one resource: props decoded from a protobuf Struct
 * (with secret proxies for Remediate) behind the SDK's unknown-checking proxy.
 */
function resourceArgs(call: ResourceCall, proxySecrets: boolean): ResourceValidationArgs {
    const name = call.name ?? "subject";
    return {
        type: call.type,
        props: unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(call.props), proxySecrets)),
        urn: call.urn ?? urnFor(call.type, name),
        name,
        opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
        stackTags: new Map<string, string>(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => ({ ...(call.config ?? {}) }),
        notApplicable: (reason?: string): never => {
            throw new NotApplicableSignal(reason);
        },
    } as unknown as ResourceValidationArgs;
}

export function evaluatePolicy(policy: ResourceValidationPolicy, call: ResourceCall): Outcome {
    const args = resourceArgs(call, false);
    const violations: string[] = [];
    const validate = policy.validateResource;
    if (typeof validate !== "function") {
        throw new Error(`${policy.name} has no single validateResource function`);
    }
    try {
        validate(args, (message: string) => violations.push(message));
    } catch (error) {
        if (error instanceof NotApplicableSignal) {
            return { violations, notApplicable: error.reason };
        }
        throw error;
    }
    return { violations };
}

export type Expectation = "pass" | "fail" | "defer" | "exempt";

export interface Row {
    /** The situation, e.g. "encryption omitted", "key unknown during preview". */
    name: string;
    props: Record<string, unknown>;
    expect: Expectation;
    /** For "fail": the property paths the violations must name, in order; for "defer": paths the reason names. */
    paths?: string[];
    /** Extra checks on the violation messages. */
    message?: RegExp;
    config?: Record<string, unknown>;
    resourceName?: string;
}

/** What the rule tables covered, read by the meta tests. */
export const coverage = new Map<string, Map<string, Row[]>>();

function record(rule: Rule, type: string, rows: Row[]) {
    const byType = coverage.get(rule.id) ?? new Map<string, Row[]>();
    byType.set(type, [...(byType.get(type) ?? []), ...rows]);
    coverage.set(rule.id, byType);
}

export function assertOutcome(outcome: Outcome, row: Row) {
    const shown = JSON.stringify(outcome);
    switch (row.expect) {
        case "pass":
            assert.deepStrictEqual(outcome, { violations: [] }, `expected a pass, got ${shown}`);
            break;
        case "defer":
            assert.strictEqual(outcome.violations.length, 0, `expected no violation, got ${shown}`);
            assert.match(outcome.notApplicable ?? "", /unknown during preview/, `expected a deferral, got ${shown}`);
            for (const path of row.paths ?? []) {
                assert.ok(outcome.notApplicable!.includes(path), `the deferral should name ${path}: ${shown}`);
            }
            break;
        case "exempt":
            assert.strictEqual(outcome.violations.length, 0, `expected no violation, got ${shown}`);
            assert.match(outcome.notApplicable ?? "", /^exempted by policy config/, `expected an exemption, got ${shown}`);
            break;
        case "fail": {
            assert.ok(outcome.violations.length > 0, `expected a violation, got ${shown}`);
            assert.strictEqual(outcome.notApplicable, undefined);
            if (row.paths) {
                const found = outcome.violations.map((message) => / at ([^;\s]+);/.exec(message)?.[1]);
                assert.deepStrictEqual(found, row.paths, `violation paths differ: ${shown}`);
            }
            break;
        }
    }
    if (row.message) {
        const text = [...outcome.violations, outcome.notApplicable ?? ""].join("\n");
        assert.match(text, row.message);
    }
}

/** One table of situations for one resource type of a rule. */
export function describeRule(rule: Rule, type: string, rows: Row[]) {
    record(rule, type, rows);
    describe(`${rule.id} on ${type}`, () => {
        for (const row of rows) {
            it(row.name, () => {
                const outcome = evaluate(rule, { type, props: row.props, config: row.config, name: row.resourceName });
                assertOutcome(outcome, row);
            });
        }
    });
}

export type { StackValidationPolicy };

// ---- Stack rules ---------------------------------------------------------------------------

/** One resource of a small test stack; references name other resources of the same stack. */
export interface StackFixture {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Names of resources this one depends on. */
    dependencies?: string[];
    /** Top-level property → names of the resources its value was computed from. */
    propertyDependencies?: Record<string, string[]>;
    /** Name of the provider resource (a `pulumi:providers:*` entry in the same stack, or any name). */
    provider?: string;
    /** The provider's properties (its config; the engine sends nested values JSON-encoded). */
    providerProps?: Record<string, unknown>;
}

export interface StackOutcome {
    reported: Array<{ message: string; urn?: string }>;
    notApplicable?: string;
}

/**
 * `evaluateStack`, checked against the stack the pack's AnalyzeStack decoding hands the rule: only
 * resources of the types it declares (`stackTypes`, `alsoReads`) and those they name, the latter
 * without properties. A rule that reads an undeclared type would judge differently there.
 */
export function evaluateStackAsShipped(rule: Rule, fixtures: readonly StackFixture[], config: Record<string, unknown> = {}, now: Date = FIXED_NOW): StackOutcome {
    const outcome = evaluateStack(rule, fixtures, config, now);
    if (!isStackRule(rule)) return outcome;
    const reads = stackReadsProperties([rule]);
    const visible = visibleToStackRules(fixtures, (fixture) => ({
        type: fixture.type, urn: fixture.name, dependencies: fixture.dependencies ?? [], propertyDependencies: Object.values(fixture.propertyDependencies ?? {}),
    }), reads);
    const kept = new Set(visible.map((fixture) => fixture.name));
    const trimmed = visible.map((fixture) => ({
        ...fixture,
        ...(reads(fixture.type) ? {} : { props: {} }),
        // The SDK drops links to resources it was not sent.
        dependencies: fixture.dependencies?.filter((name) => kept.has(name)),
        propertyDependencies: fixture.propertyDependencies && Object.fromEntries(
            Object.entries(fixture.propertyDependencies).map(([key, names]) => [key, names.filter((name) => kept.has(name))])),
    }));
    const unread = [...new Set(fixtures.filter((fixture) => !reads(fixture.type)).map((fixture) => fixture.type))];
    assert.deepStrictEqual(evaluateStack(rule, trimmed, config, now), outcome,
        `${rule.id} judges differently on the resources of the types it declares (stackTypes, alsoReads) and those they name, without the properties of the rest (${unread.join(", ")}): declare the types it reads`);
    return outcome;
}

/** Runs a whole stack through a stack rule exactly as the analyzer server's AnalyzeStack would. */
export function evaluateStack(rule: Rule, fixtures: readonly StackFixture[], config: Record<string, unknown> = {}, now: Date = FIXED_NOW): StackOutcome {
    const policy = toPolicy(rule, { now: () => now }) as StackValidationPolicy;
    const byName = new Map<string, Record<string, unknown>>();
    const resources = fixtures.map((fixture) => {
        const resource: Record<string, unknown> = {
            type: fixture.type,
            name: fixture.name,
            urn: urnFor(fixture.type, fixture.name),
            props: unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(fixture.props), false)),
            opts: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
            dependencies: [],
            propertyDependencies: {},
            isType: () => false,
            asType: () => undefined,
        };
        if (fixture.provider) {
            const type = fixture.provider.startsWith("pulumi:providers:") ? fixture.provider.split("::")[0] : `pulumi:providers:${fixture.type.split(":")[0]}`;
            const name = fixture.provider.includes("::") ? fixture.provider.split("::")[1] : fixture.provider;
            const props = unknownCheckingProxy(deserializeProperties(Struct.fromJavaScript(fixture.providerProps ?? {}), false));
            resource.provider = { type, name, urn: urnFor(type, name), props };
        }
        byName.set(fixture.name, resource);
        return resource;
    });
    const find = (name: string) => {
        const found = byName.get(name);
        if (!found) throw new Error(`stack fixture refers to unknown resource ${name}`);
        return found;
    };
    fixtures.forEach((fixture, index) => {
        resources[index].dependencies = (fixture.dependencies ?? []).map(find);
        resources[index].propertyDependencies = Object.fromEntries(
            Object.entries(fixture.propertyDependencies ?? {}).map(([key, names]) => [key, names.map(find)]));
    });
    const reported: StackOutcome["reported"] = [];
    let notApplicable: string | undefined;
    const args = {
        resources,
        getConfig: () => ({ ...config }),
        stackTags: new Map<string, string>(),
        notApplicable: (reason?: string): never => {
            throw new NotApplicableSignal(reason);
        },
    } as unknown as StackValidationArgs;
    try {
        policy.validateStack(args, (message: string, urn?: string) => reported.push({ message, urn }));
    } catch (error) {
        if (!(error instanceof NotApplicableSignal)) throw error;
        notApplicable = error.reason;
    }
    return notApplicable === undefined ? { reported } : { reported, notApplicable };
}

export type StackExpectation = "report" | "pass" | "defer" | "exempt";

export interface StackRow {
    /** The situation, e.g. "snapshot of an unencrypted volume", "volume id unknown during preview". */
    name: string;
    resources: StackFixture[];
    expect: StackExpectation;
    /** For "report": the names of exactly the resources reported (each once per finding, in order). */
    reported?: string[];
    /**
     * For "report": the property paths the findings name, in order ("" for a finding about
     * something the stack lacks, which names no property); for "defer": paths the reason names.
     */
    paths?: string[];
    message?: RegExp;
    config?: Record<string, unknown>;
}

/** What the stack-rule tables covered, read by the meta tests. */
export const stackCoverage = new Map<string, StackRow[]>();

export function assertStackOutcome(outcome: StackOutcome, row: StackRow, fixtures: readonly StackFixture[]) {
    const shown = JSON.stringify(outcome);
    const urnOf = (name: string) => {
        const fixture = fixtures.find((candidate) => candidate.name === name);
        assert.ok(fixture, `row names unknown resource ${name}`);
        return urnFor(fixture.type, name);
    };
    switch (row.expect) {
        case "pass":
            assert.deepStrictEqual(outcome, { reported: [] }, `expected a pass, got ${shown}`);
            break;
        case "defer":
            assert.strictEqual(outcome.reported.length, 0, `expected no violation, got ${shown}`);
            assert.match(outcome.notApplicable ?? "", /unknown during preview/, `expected a deferral, got ${shown}`);
            for (const path of row.paths ?? []) {
                assert.ok(outcome.notApplicable!.includes(path), `the deferral should name ${path}: ${shown}`);
            }
            break;
        case "exempt":
            assert.strictEqual(outcome.reported.length, 0, `expected no violation, got ${shown}`);
            assert.match(outcome.notApplicable ?? "", /exempted by policy config/, `expected an exemption, got ${shown}`);
            break;
        case "report": {
            assert.ok(outcome.reported.length > 0, `expected a violation, got ${shown}`);
            if (row.reported) {
                assert.deepStrictEqual(outcome.reported.map((entry) => entry.urn), row.reported.map(urnOf), `reported URNs differ: ${shown}`);
            }
            if (row.paths) {
                const found = outcome.reported.map((entry) => / at ([^;\s]+);/.exec(entry.message)?.[1] ?? "");
                assert.deepStrictEqual(found, row.paths, `violation paths differ: ${shown}`);
            }
            break;
        }
    }
    if (row.message) {
        const text = [...outcome.reported.map((entry) => entry.message), outcome.notApplicable ?? ""].join("\n");
        assert.match(text, row.message);
    }
}

/** One table of small stacks for a stack rule. */
export function describeStackRule(rule: Rule, rows: StackRow[]) {
    stackCoverage.set(rule.id, [...(stackCoverage.get(rule.id) ?? []), ...rows]);
    describe(`${rule.id} on stacks`, () => {
        for (const row of rows) {
            it(row.name, () => {
                assertStackOutcome(evaluateStackAsShipped(rule, row.resources, row.config), row, row.resources);
            });
        }
    });
}

// ---- Remediation ----------------------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { serializeProperties } = require("@pulumi/policy/deserialize") as {
    serializeProperties(props: unknown): Promise<Record<string, unknown>>;
};

export interface RemediationOutcome {
    /** The corrected props in the engine's encoding (what the Remediate RPC returns), or undefined. */
    properties?: Record<string, unknown>;
    notApplicable?: string;
}

/**
 * Runs one resource through a rule's remediateResource exactly as the analyzer server's Remediate
 * does: props decoded with secret proxies behind the unknown-checking proxy, the result serialised
 * by the SDK (secrets back into envelopes, unknown sentinels as they are).
 */
export async function remediate(rule: Rule, call: ResourceCall, now: Date = FIXED_NOW): Promise<RemediationOutcome> {
    const policy = toPolicy(rule, { now: () => now }) as ResourceValidationPolicy;
    if (typeof policy.remediateResource !== "function") {
        return {};
    }
    const args = resourceArgs(call, true);
    try {
        const result = await Promise.resolve(policy.remediateResource(args));
        return result ? { properties: await serializeProperties(result) } : {};
    } catch (error) {
        if (error instanceof NotApplicableSignal) {
            return { notApplicable: error.reason };
        }
        throw error;
    }
}

/** Values every fix row carries in properties no fix owns; they must come back exactly as sent. */
export const FOREIGN = {
    sgSecretInput: secretOf("not-for-fixes"),
    sgUnknownInput: UNKNOWN_VALUE,
    sgNested: { secret: secretOf("nested"), unknown: UNKNOWN_VALUE, list: [UNKNOWN_VALUE, secretOf("x")] },
};

export interface FixRow {
    /** The situation, e.g. "export open to any network". */
    name: string;
    props: Record<string, unknown>;
    /**
     * "fixed": the fix returns `fixed` and the rule then passes; "partial": the fix returns `fixed`
     * but the rule still reports (nothing safe makes it compliant); "unchanged": no remediation.
     */
    expect: "fixed" | "partial" | "unchanged";
    /** The complete corrected props (engine encoding); FOREIGN is added to both sides. */
    fixed?: Record<string, unknown>;
    config?: Record<string, unknown>;
    resourceName?: string;
}

/** What the fix tables covered, read by the meta tests. */
export const fixCoverage = new Map<string, Map<string, FixRow[]>>();

/**
 * One table of remediation situations for one resource type of a rule. Each row also checks that
 * a second fix is a no-op, that the rule passes (or for "partial" still reports) on the fixed
 * props, and that secrets and unknowns in properties the fix does not own come back untouched.
 */
export function describeFix(rule: Rule, type: string, rows: FixRow[]) {
    const byType = fixCoverage.get(rule.id) ?? new Map<string, FixRow[]>();
    byType.set(type, [...(byType.get(type) ?? []), ...rows]);
    fixCoverage.set(rule.id, byType);
    describe(`${rule.id} remediates ${type}`, () => {
        for (const row of rows) {
            it(row.name, async () => {
                const call = { type, props: { ...row.props, ...FOREIGN }, config: row.config, name: row.resourceName };
                const outcome = await remediate(rule, call);
                if (row.expect === "unchanged") {
                    assert.deepStrictEqual(outcome, {}, `expected no remediation, got ${JSON.stringify(outcome)}`);
                    return;
                }
                assert.ok(row.fixed, "fixed and partial rows need `fixed`");
                assert.deepStrictEqual(outcome, { properties: { ...row.fixed, ...FOREIGN } });
                const again = await remediate(rule, { ...call, props: outcome.properties! });
                assert.deepStrictEqual(again, {}, `a second fix must change nothing, got ${JSON.stringify(again)}`);
                const verdict = evaluate(rule, { ...call, props: outcome.properties! });
                if (row.expect === "fixed") {
                    // Passes; an unknown the fix left alone may still defer the verdict to deploy.
                    assert.strictEqual(verdict.violations.length, 0, `the rule must pass after the fix: ${JSON.stringify(verdict)}`);
                    assert.match(verdict.notApplicable ?? "unknown during preview", /unknown during preview/, JSON.stringify(verdict));
                } else {
                    assert.ok(verdict.violations.length > 0, `the rule must still report: ${JSON.stringify(verdict)}`);
                }
            });
        }
    });
}
