// Runs the pack over resources through the Analyzer protocol, as the engine does: Configure,
// ConfigureStack, then per resource Remediate (remediated inputs replace the originals) and
// Analyze, then AnalyzeStack over every resource. Produces the CLI's result model.
import * as fs from "fs";
import * as path from "path";
import { formerIds } from "../core/former-ids";
import { isStackRule, ruleTypes, type Rule } from "../core/rule";
import { stackReadsProperties } from "../core/stack-scope";
import { normaliseTypeToken } from "../core/values";
import { allRules } from "../policies";
import { AnalyzerClient, StackRequest, type AnalyzeResult, type Diagnostic, type PolicyInfo, type PolicyPackConfig } from "./analyzer-client";
import { CliError } from "./errors";
import { progress, progressDone } from "./output";
import { isStackResource, policyRef, splitMessage, withoutDescription, type Check, type PolicyRef, type ResultFinding, type Results } from "./results";
import type { ScanInput, ScanResource } from "./resources";

/** The repository root, which is the compiled pack's directory (bin/cli/scanner.js → ../..). */
export const packDir = path.resolve(__dirname, "..", "..");

const NOT_THIS_TYPE = "resource type not checked by this rule";
const CONCURRENCY = 8;

async function pool<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
    const results: R[] = new Array(items.length);
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    });
    await Promise.all(workers);
    return results;
}

function toFinding(diagnostic: Diagnostic, resource: { urn: string; type: string; name: string } | undefined): ResultFinding {
    const level = diagnostic.enforcementLevel === "disabled" ? "advisory" : diagnostic.enforcementLevel;
    return {
        policy: diagnostic.policyName,
        pack: diagnostic.policyPackName,
        ...(diagnostic.policyPackVersion ? { packVersion: diagnostic.policyPackVersion } : {}),
        level,
        ...(diagnostic.severity ? { severity: diagnostic.severity } : {}),
        urn: resource?.urn ?? "",
        type: resource?.type ?? "",
        name: resource?.name ?? "",
        message: withoutDescription(diagnostic.message, diagnostic.description),
        ...splitMessage(withoutDescription(diagnostic.message, diagnostic.description)),
    };
}

/** Scans `input` through the pack. The scan consumes it: each resource's property bags are dropped once sent. */
export async function scan(input: ScanInput, config: PolicyPackConfig): Promise<Results> {
    const pack = await startPack(config);
    try {
        return await scanWithPack(pack, input);
    } finally {
        progressDone();
        await closePack(pack);
    }
}

/** A started and configured pack process: it scans any number of inputs (`assess` scans many stacks with one). */
export interface Pack {
    client: AnalyzerClient;
    /** The pack's name, version and policies (former rule ids left out). */
    info: { name: string; version: string; policies: PolicyInfo[] };
    /** Enforcement level of each policy after Configure. */
    levels: Record<string, string>;
}

export async function startPack(config: PolicyPackConfig): Promise<Pack> {
    if (!fs.existsSync(path.join(packDir, "bin", "index.js"))) {
        throw new CliError(`the compiled pack is missing (${path.join(packDir, "bin", "index.js")}); run \`npm run build\``);
    }
    progress(`starting the policy pack…`);
    const client = await AnalyzerClient.start({ packDir });
    try {
        const analyzerInfo = await client.getAnalyzerInfo();
        // The pack declares former rule ids only to receive config written for them (core/former-ids.ts).
        const former = new Set(formerIds(allRules).map((entry) => entry.formerId));
        const info = { ...analyzerInfo, policies: analyzerInfo.policies.filter((policy) => !former.has(policy.name)) };
        let levels: Record<string, string>;
        try {
            const configured = await client.configure(config);
            levels = Object.fromEntries(Object.entries(configured.config).map(([name, entry]) => [name, entry.enforcementLevel]));
        } catch (error) {
            throw new CliError(`invalid policy pack config: ${(error as Error).message}`);
        }
        return { client, info, levels };
    } catch (error) {
        progressDone();
        await client.close();
        throw error;
    }
}

/** Our rules behind policy names; undefined when one is not ours (another pack's policy: no shortcut applies). */
function ourRules(policyNames: readonly string[]): Rule[] | undefined {
    const rules: Rule[] = [];
    for (const name of policyNames) {
        const rule = allRules.find((candidate) => candidate.id === name);
        if (!rule) return undefined;
        rules.push(rule);
    }
    return rules;
}

/** Whether any of the named policies targets a resource type (every type when one is not ours). */
function targetedTypes(policyNames: readonly string[]): (type: string) => boolean {
    const rules = ourRules(policyNames);
    if (!rules || rules.some(isStackRule)) return () => true;
    const types = new Set(rules.flatMap((rule) => ruleTypes(rule).map(normaliseTypeToken)));
    return (type) => types.has(normaliseTypeToken(type));
}

/** Whether any of the named stack policies reads the properties of a type (every type when one is not ours). */
function stackReadTypes(policyNames: readonly string[]): (type: string) => boolean {
    const rules = ourRules(policyNames);
    return rules ? stackReadsProperties(rules) : () => true;
}

export async function closePack(pack: Pack): Promise<void> {
    await pack.client.close();
}

/** Scans one input with a started pack: ConfigureStack, Remediate and Analyze per resource, AnalyzeStack. The scan consumes the input: each resource's property bags are dropped once sent. */
export async function scanWithPack(pack: Pack, input: ScanInput): Promise<Results> {
    const { client, info, levels } = pack;
    const started = new Date();
    await client.configureStack({ stack: input.stack, project: input.project, dryRun: input.dryRun });

    const findings: ResultFinding[] = [];
    const checks: Check[] = [];
    const enabled = info.policies.filter((policy) => levels[policy.name] !== "disabled");
    const resourcePolicies = enabled.filter((policy) => policy.policyType !== "stack");
    const stackPolicies = enabled.filter((policy) => policy.policyType === "stack");
    // The engine sends every resource to Remediate and Analyze; a scan skips the calls whose answer
    // is known: Remediate runs only policies at the remediate level, and a resource of a type no
    // enabled resource policy targets gets only "not applicable" from each (never a check or finding).
    const remediating = resourcePolicies.some((policy) => levels[policy.name] === "remediate");
    const analyzed = targetedTypes(resourcePolicies.map((policy) => policy.name));
    // Stack policies get every resource, but only the properties of the types they read.
    const stackReads = stackReadTypes(stackPolicies.map((policy) => policy.name));
    // Bags no call will send are dropped before the first call, not when the resource's turn comes.
    for (const resource of input.resources) {
        const readByStack = stackReads(resource.type);
        if (!analyzed(resource.type) && !(input.dryRun && readByStack)) resource.inputs = {};
        if (input.dryRun || !readByStack) resource.outputs = {};
    }
    // The stack's resources go to AnalyzeStack encoded as each is done, in input order; their
    // property bags are released then (a scan consumes its input), so a large stack is not held twice.
    const stackRequest = new StackRequest();
    const addToStack = (resource: ScanResource, index: number, inputs: Record<string, unknown>) => {
        stackRequest.set(index, {
            type: resource.type, name: resource.name, urn: resource.urn,
            // Preview has no outputs; the engine hands stack policies the (remediated) inputs then.
            properties: !stackReads(resource.type) ? {} : input.dryRun ? inputs : resource.outputs,
            ...(resource.provider ? { provider: resource.provider } : {}),
            ...(resource.parent ? { parent: resource.parent } : {}),
            dependencies: resource.dependencies,
            propertyDependencies: resource.propertyDependencies,
        });
        resource.inputs = resource.outputs = {};
    };
    let done = 0;
    // Each result is boiled down to its findings and checks as it arrives: a response carries a
    // not-applicable entry per policy, and keeping 100,000 of them was most of the CLI's memory.
    const perResource = await pool(input.resources, CONCURRENCY, async (resource, index) => {
        const request = {
            type: resource.type, name: resource.name, urn: resource.urn, properties: resource.inputs,
            ...(resource.provider ? { provider: resource.provider } : {}),
            ...(resource.parent ? { parent: resource.parent } : {}),
            ...(resource.protect ? { protect: true } : {}),
        };
        const found: ResultFinding[] = [];
        if (!analyzed(resource.type)) {
            addToStack(resource, index, request.properties);
            return { findings: found, checks: [] };
        }
        const remediated = remediating ? await client.remediate(request) : { remediations: [] };
        for (const remediation of remediated.remediations) {
            if (remediation.properties) request.properties = remediation.properties;
            found.push({
                policy: remediation.policyName, pack: remediation.policyPackName, level: "remediate",
                urn: resource.urn, type: resource.type, name: resource.name,
                message: remediation.diagnostic || `remediated by ${remediation.policyName}: ${remediation.description}`,
            });
        }
        const result = await client.analyze(request);
        done++;
        if (done % 50 === 0) progress(`analyzed ${done} of ${input.resources.length} resources…`);
        found.push(...result.diagnostics.map((diagnostic) => toFinding(diagnostic, resource)));
        const resourceChecks: Check[] = [];
        addChecks(resourceChecks, resource, resourcePolicies, result, info.name);
        addToStack(resource, index, request.properties);
        return { findings: found, checks: resourceChecks };
    });
    for (const entry of perResource) {
        findings.push(...entry.findings);
        checks.push(...entry.checks);
    }

    progress(`analyzing the stack…`);
    const stackResult = await client.analyzeStack(stackRequest);
    const byUrn = new Map(input.resources.map((resource) => [resource.urn, resource]));
    for (const diagnostic of stackResult.diagnostics) {
        const resource = diagnostic.urn ? byUrn.get(diagnostic.urn) : undefined;
        findings.push(toFinding(diagnostic, resource ?? (diagnostic.urn ? { urn: diagnostic.urn, type: "", name: diagnostic.urn } : undefined)));
    }
    for (const policy of stackPolicies) {
        const failed = stackResult.diagnostics.some((diagnostic) => diagnostic.policyName === policy.name);
        if (failed) {
            for (const diagnostic of stackResult.diagnostics.filter((entry) => entry.policyName === policy.name)) {
                const resource = diagnostic.urn ? byUrn.get(diagnostic.urn) : undefined;
                checks.push({ urn: diagnostic.urn ?? "", type: resource?.type ?? "", name: resource?.name ?? "", policy: policy.name, pack: info.name, outcome: "failed" });
            }
        } else {
            const reason = stackResult.notApplicable.find((entry) => entry.policyName === policy.name)?.reason;
            checks.push({ urn: "", type: "", name: "stack", policy: policy.name, pack: info.name, outcome: reason ? "skipped" : "passed", ...(reason ? { reason } : {}) });
        }
    }
    progressDone();
    return {
        source: input.source,
        ...(input.artifact ? { artifact: input.artifact } : {}),
        ...(input.sourceRoot ? { sourceRoot: input.sourceRoot } : {}),
        tool: { name: info.name, version: info.version },
        policies: info.policies.map((policy) => ({ ...policyRef(policy.name, info.name, info.version), level: levels[policy.name] as PolicyRef["level"] })),
        findings: locate(dedupe(findings), byUrn, input.sourceRoot),
        checks: checks.filter((check) => check.pack === info.name),
        // As `pulumi preview` counts them: the stack's root resource is not one.
        resources: input.resources.map((resource) => resource.urn).filter((urn) => !isStackResource(urn)),
        ...(input.project ? { project: input.project } : {}),
        ...(input.stack ? { stack: input.stack } : {}),
        startedAt: started.toISOString(),
        durationSeconds: (Date.now() - started.getTime()) / 1000,
    };
}

/** Findings on resources of a recorded program point at the line that declares the resource. */
function locate(findings: ResultFinding[], byUrn: ReadonlyMap<string, ScanResource>, sourceRoot: string | undefined): ResultFinding[] {
    if (!sourceRoot) return findings;
    return findings.map((finding) => {
        const source = byUrn.get(finding.urn)?.source;
        if (!source) return finding;
        const file = path.relative(sourceRoot, source.file).split(path.sep).join("/");
        return { ...finding, location: { file, line: source.line, ...(source.column ? { column: source.column } : {}) } };
    });
}

function dedupe(findings: ResultFinding[]): ResultFinding[] {
    const seen = new Set<string>();
    return findings.filter((finding) => {
        const key = `${finding.urn}\u0000${finding.pack}\u0000${finding.policy}\u0000${finding.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

function addChecks(checks: Check[], resource: ScanResource, policies: readonly PolicyInfo[], result: AnalyzeResult, pack: string): void {
    // Every response names each policy once; indexed, not searched per policy (59 × 59 per resource).
    const failedPolicies = new Set(result.diagnostics.map((diagnostic) => diagnostic.policyName));
    const reasons = new Map<string, string>();
    for (const entry of result.notApplicable) if (!reasons.has(entry.policyName)) reasons.set(entry.policyName, entry.reason);
    for (const policy of policies) {
        const failed = failedPolicies.has(policy.name);
        const reason = reasons.get(policy.name);
        if (!failed && reason === NOT_THIS_TYPE) continue;
        checks.push({
            urn: resource.urn, type: resource.type, name: resource.name, policy: policy.name, pack,
            outcome: failed ? "failed" : reason ? "skipped" : "passed", ...(reason && !failed ? { reason } : {}),
        });
    }
}
