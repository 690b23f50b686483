// A protocol-faithful client for a policy pack's Analyzer gRPC server, shared by `snapshot-guard
// scan` and the protocol tests. It starts the compiled pack exactly as the Pulumi CLI does
// (`node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack <engine-address> <pack>` in the
// pack directory), reads the port from the first stdout line and speaks the Analyzer service with
// the stubs @pulumi/pulumi ships. Values cross the wire as plain JS in the engine's encoding:
// unknowns are the UNKNOWN sentinel string and secrets the `secret(value)` envelope.
//
// Nothing here writes to stdout: the CLI's machine-readable output goes there.

import { spawn, type ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
// Types only: the runtime modules are resolved next to @pulumi/pulumi's own stubs (see loadProto)
// so that message classes, credentials and Metadata come from the copies the stubs check against.
import type * as grpcTypes from "@grpc/grpc-js";
import type * as analyzerGrpcTypes from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerPbTypes from "@pulumi/pulumi/proto/analyzer_pb";
import type * as pluginPbTypes from "@pulumi/pulumi/proto/plugin_pb";
import type * as emptyPbTypes from "google-protobuf/google/protobuf/empty_pb";
import type * as structPbTypes from "google-protobuf/google/protobuf/struct_pb";

import { secret, UNKNOWN_SENTINEL } from "../core/wire";

export { secret };
/** How the engine sends a value it cannot know during preview. */
export const UNKNOWN = UNKNOWN_SENTINEL;

/** Same limit the policy SDK's server uses (400 MB); gRPC's 4 MB default is too small for big stacks. */
const MAX_MESSAGE_BYTES = 400 * 1024 * 1024;

export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";
export type Severity = "low" | "medium" | "high" | "critical";
export type PolicyType = "resource" | "stack" | "unknown";

const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export interface PolicyConfigSchema {
    properties: Record<string, unknown>;
    required: string[];
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    /** The policy's default level (the pack's level when the policy sets none). */
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    policyType: PolicyType;
    remediationSteps: string;
    url: string;
    tags: string[];
    framework?: { name: string; version: string; reference: string; specification: string };
    configSchema?: PolicyConfigSchema;
}

export interface ReconciledPolicyConfig {
    enforcementLevel: EnforcementLevel;
    properties: Record<string, unknown>;
}

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    supportsConfig: boolean;
    description: string;
    readme: string;
    provider: string;
    tags: string[];
    repository: string;
    policies: PolicyInfo[];
    /** Config the pack passed to `new PolicyPack(name, args, initialConfig)`. */
    initialConfig: Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>;
}

/** `--policy-pack-config` file format: a level, or an object with an optional level and properties. */
export type PolicyPackConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface ConfigureResult {
    /** What was sent in Configure, per policy. */
    config: Record<string, ReconciledPolicyConfig>;
    /** Config keys that name no policy of the pack (the Pulumi CLI ignores them silently). */
    ignored: string[];
}

export interface ProviderResource {
    type: string;
    name: string;
    urn: string;
    properties?: Record<string, unknown>;
}

export interface AnalyzeResourceInput {
    type: string;
    name: string;
    urn: string;
    /** Inputs in the engine's encoding (UNKNOWN sentinel, `secret(...)` envelopes). */
    properties?: Record<string, unknown>;
    provider?: ProviderResource;
    /** Sent as AnalyzerResourceOptions.parent; the policy SDK exposes it as `args.opts.parent`. */
    parent?: string;
    protect?: boolean;
}

export interface StackResourceInput extends AnalyzeResourceInput {
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    severity?: Severity;
    /** Set when the policy reported against a specific resource (stack policies do). */
    urn?: string;
}

export interface NotApplicable {
    policyName: string;
    reason: string;
}

export interface AnalyzeResult {
    diagnostics: Diagnostic[];
    notApplicable: NotApplicable[];
}

export interface Remediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    properties?: Record<string, unknown>;
    diagnostic?: string;
}

export interface RemediateResult {
    remediations: Remediation[];
    notApplicable: NotApplicable[];
}

export interface StackConfiguration {
    stack?: string;
    project?: string;
    organization?: string;
    dryRun?: boolean;
    tags?: Record<string, string>;
    config?: Record<string, string>;
    configSecretKeys?: string[];
}

export interface AnalyzerStartOptions {
    /** Directory of the compiled pack (PulumiPolicy.yaml, package.json, node_modules). */
    packDir: string;
    /**
     * First argument of run-policy-pack. The runner drops it before loading the pack and the
     * policy SDK never dials it, so any value works; the Pulumi CLI passes its engine's address.
     */
    engineAddress?: string;
    /** Milliseconds to wait for the port line. Default 30 s. */
    startTimeoutMs?: number;
    /** Deadline for each RPC. Default 120 s. */
    callTimeoutMs?: number;
    /** Node executable. Default: the one running this process. */
    nodePath?: string;
    /** Extra environment for the pack process. */
    env?: NodeJS.ProcessEnv;
}

// ------------------------------------------------------------------------------------------------
// Stubs, loaded lazily so commands that never scan do not pay for them.

interface Proto {
    grpc: typeof grpcTypes;
    analyzerGrpc: typeof analyzerGrpcTypes;
    analyzerPb: typeof analyzerPbTypes;
    pluginPb: typeof pluginPbTypes;
    emptyPb: typeof emptyPbTypes;
    structPb: typeof structPbTypes;
}

let proto: Proto | undefined;

function loadProto(): Proto {
    if (!proto) {
        const stubsDir = path.dirname(require.resolve("@pulumi/pulumi/proto/analyzer_grpc_pb"));
        const near = (id: string) => require(require.resolve(id, { paths: [stubsDir] }));
        proto = {
            grpc: near("@grpc/grpc-js"),
            analyzerGrpc: near("./analyzer_grpc_pb"),
            analyzerPb: near("./analyzer_pb"),
            pluginPb: near("./plugin_pb"),
            emptyPb: near("google-protobuf/google/protobuf/empty_pb"),
            structPb: near("google-protobuf/google/protobuf/struct_pb"),
        };
    }
    return proto;
}

// ------------------------------------------------------------------------------------------------
// Children are killed when this process exits, whatever happens to the client objects.

const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;

function track(child: ChildProcess) {
    liveChildren.add(child);
    child.once("exit", () => liveChildren.delete(child));
    if (!exitHookInstalled) {
        exitHookInstalled = true;
        process.once("exit", () => {
            for (const running of liveChildren) {
                try {
                    running.kill("SIGKILL");
                } catch {
                    // already gone
                }
            }
        });
    }
}

function isRunning(child: ChildProcess): boolean {
    return child.exitCode === null && child.signalCode === null;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
    if (!isRunning(child)) return Promise.resolve(true);
    return new Promise((resolve) => {
        const timer = setTimeout(() => {
            child.removeListener("exit", onExit);
            resolve(false);
        }, ms);
        const onExit = () => {
            clearTimeout(timer);
            resolve(true);
        };
        child.once("exit", onExit);
    });
}

async function stopChild(child: ChildProcess): Promise<void> {
    if (!isRunning(child)) return;
    child.kill("SIGTERM");
    if (await waitForExit(child, 3000)) return;
    child.kill("SIGKILL");
    await waitForExit(child, 3000);
}

/** Keeps the end of a stream for error messages. */
class Tail {
    private text = "";
    constructor(private readonly limit = 8192) {}
    push(chunk: string) {
        this.text = (this.text + chunk).slice(-this.limit);
    }
    /** The last lines on one line, for an error message. */
    oneLine(maxChars = 1200): string {
        const lines = this.text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").split(/\r?\n/)
            .map((line) => line.trim())
            .filter((line) => line !== "" && !/^at\s/.test(line)); // stack frames are noise here
        const joined = lines.join(" | ");
        return joined.length > maxChars ? "…" + joined.slice(-maxChars) : joined;
    }
}

function oneLine(text: string, maxChars = 300): string {
    const flat = text.replace(/\s+/g, " ").trim();
    return flat.length > maxChars ? flat.slice(0, maxChars) + "…" : flat;
}

// ------------------------------------------------------------------------------------------------
// Plain JS <-> protobuf.

/** Struct.fromJavaScript rejects undefined; drop it the way JSON would. */
function toStructValue(value: unknown): unknown {
    if (value === undefined) return undefined;
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toStructValue(item)));
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (item !== undefined) out[key] = toStructValue(item);
    }
    return out;
}

function toStruct(value: Record<string, unknown> | undefined): structPbTypes.Struct {
    const { structPb } = loadProto();
    return structPb.Struct.fromJavaScript((toStructValue(value ?? {}) ?? {}) as Record<string, structPbTypes.JavaScriptValue>);
}

function fromStruct(struct: structPbTypes.Struct | undefined): Record<string, unknown> {
    return struct ? (struct.toJavaScript() as Record<string, unknown>) : {};
}

function levelFromProto(level: number): EnforcementLevel {
    const { EnforcementLevel } = loadProto().analyzerPb;
    switch (level) {
        case EnforcementLevel.ADVISORY: return "advisory";
        case EnforcementLevel.MANDATORY: return "mandatory";
        case EnforcementLevel.REMEDIATE: return "remediate";
        case EnforcementLevel.DISABLED: return "disabled";
        default: throw new Error(`the policy pack sent an unknown enforcement level ${level}`);
    }
}

function levelToProto(level: EnforcementLevel): analyzerPbTypes.EnforcementLevel {
    const { EnforcementLevel } = loadProto().analyzerPb;
    switch (level) {
        case "advisory": return EnforcementLevel.ADVISORY;
        case "mandatory": return EnforcementLevel.MANDATORY;
        case "remediate": return EnforcementLevel.REMEDIATE;
        case "disabled": return EnforcementLevel.DISABLED;
    }
}

function severityFromProto(severity: number): Severity | undefined {
    const { PolicySeverity } = loadProto().analyzerPb;
    switch (severity) {
        case PolicySeverity.POLICY_SEVERITY_LOW: return "low";
        case PolicySeverity.POLICY_SEVERITY_MEDIUM: return "medium";
        case PolicySeverity.POLICY_SEVERITY_HIGH: return "high";
        case PolicySeverity.POLICY_SEVERITY_CRITICAL: return "critical";
        default: return undefined;
    }
}

function policyTypeFromProto(type: number): PolicyType {
    const { PolicyType } = loadProto().analyzerPb;
    switch (type) {
        case PolicyType.POLICY_TYPE_RESOURCE: return "resource";
        case PolicyType.POLICY_TYPE_STACK: return "stack";
        default: return "unknown";
    }
}

function isLevel(value: unknown): value is EnforcementLevel {
    return typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value);
}

function checkLevel(value: unknown, where: string): EnforcementLevel {
    if (!isLevel(value)) {
        throw new Error(`invalid enforcement level ${JSON.stringify(value)} for ${where} in the policy pack config (use ${ENFORCEMENT_LEVELS.join(", ")})`);
    }
    return value;
}

/**
 * Reconciles a `--policy-pack-config` object with the pack's metadata the way the Pulumi CLI does
 * (ReconcilePolicyPackConfig): every policy starts from its default level and the `default` of
 * each config schema property; the pack's initial config is applied, then the given config
 * (`all` sets every policy's level, then per-policy levels and properties overlay). Unlike the
 * CLI, the result is not validated against the JSON schema here: the pack validates its own config.
 */
export function reconcilePolicyConfig(
    policies: readonly PolicyInfo[],
    config: PolicyPackConfig = {},
    initialConfig: AnalyzerInfo["initialConfig"] = {},
): ConfigureResult {
    const result: Record<string, ReconciledPolicyConfig> = {};
    for (const policy of policies) {
        const properties: Record<string, unknown> = {};
        for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
            if (schema && typeof schema === "object" && "default" in schema) {
                properties[key] = structuredClone((schema as { default: unknown }).default);
            }
        }
        result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties };
    }

    const ignored: string[] = [];
    const apply = (entries: Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>, collect: boolean) => {
        const all = entries.all;
        if (all?.enforcementLevel) {
            for (const name of Object.keys(result)) result[name].enforcementLevel = all.enforcementLevel;
        }
        for (const [name, given] of Object.entries(entries)) {
            const target = result[name];
            if (!target) {
                if (collect && name !== "all") ignored.push(name);
                continue;
            }
            if (given.enforcementLevel) target.enforcementLevel = given.enforcementLevel;
            Object.assign(target.properties, given.properties ?? {});
        }
    };

    apply(initialConfig, false);
    const normalised: Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }> = {};
    for (const [name, value] of Object.entries(config)) {
        if (typeof value === "string") {
            normalised[name] = { enforcementLevel: checkLevel(value, `"${name}"`) };
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value;
            normalised[name] = {
                enforcementLevel: enforcementLevel === undefined ? undefined : checkLevel(enforcementLevel, `"${name}"`),
                properties,
            };
        } else {
            throw new Error(`policy pack config for "${name}" must be an enforcement level or an object`);
        }
    }
    apply(normalised, true);
    return { config: result, ignored };
}

// ------------------------------------------------------------------------------------------------

function runPolicyPackPath(packDir: string): string {
    return path.join(packDir, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack");
}

interface Started {
    child: ChildProcess;
    port: number;
    stderr: Tail;
}

function launch(options: AnalyzerStartOptions): Promise<Started> {
    const packDir = path.resolve(options.packDir);
    const runner = runPolicyPackPath(packDir);
    if (!fs.existsSync(path.join(packDir, "package.json"))) {
        return Promise.reject(new Error(`${packDir} is not a policy pack directory (no package.json)`));
    }
    if (!fs.existsSync(runner)) {
        return Promise.reject(new Error(`${runner} not found; run \`npm install\` in ${packDir}`));
    }
    const env: NodeJS.ProcessEnv = { ...process.env, ...(options.env ?? {}) };
    // A program's engine/monitor addresses inherited from a surrounding `pulumi up` must not leak in.
    delete env.PULUMI_NODEJS_ENGINE;
    delete env.PULUMI_NODEJS_MONITOR;

    const child = spawn(options.nodePath ?? process.execPath,
        [runner, options.engineAddress ?? "127.0.0.1:1", packDir],
        { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    track(child);

    const stderr = new Tail();
    child.stderr!.setEncoding("utf8");
    child.stderr!.on("data", (chunk: string) => stderr.push(chunk));
    const stdoutAfterPort = new Tail(2048);

    return new Promise<Started>((resolve, reject) => {
        let stdout = "";
        let settled = false;
        const timeoutMs = options.startTimeoutMs ?? 30_000;

        const fail = (message: string) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            const detail = stderr.oneLine();
            void stopChild(child).finally(() => {
                reject(new Error(detail ? `${message}; stderr: ${detail}` : message));
            });
        };
        const timer = setTimeout(() => {
            fail(`policy pack in ${packDir} did not report its port within ${timeoutMs} ms`);
        }, timeoutMs);

        child.on("error", (error) => fail(`could not start the policy pack in ${packDir}: ${error.message}`));
        // "close" comes after stdout and stderr have drained, so the message shows why it exited.
        child.once("close", (code, signal) => {
            fail(`policy pack in ${packDir} exited (${signal ?? `code ${code}`}) before it reported its port`);
        });
        child.stdout!.setEncoding("utf8");
        child.stdout!.on("data", (chunk: string) => {
            if (settled) {
                stdoutAfterPort.push(chunk); // keep draining so the child never blocks on a full pipe
                return;
            }
            stdout += chunk;
            const newline = stdout.indexOf("\n");
            if (newline < 0) {
                if (stdout.length > 4096) fail(`policy pack in ${packDir} printed to stdout instead of its port: "${oneLine(stdout, 200)}"`);
                return;
            }
            const line = stdout.slice(0, newline).trim();
            if (!/^[0-9]{1,5}$/.test(line) || Number(line) < 1 || Number(line) > 65535) {
                fail(`policy pack in ${packDir} printed "${oneLine(line, 200)}" on stdout before its port; a pack must not print to stdout while it loads`);
                return;
            }
            settled = true;
            clearTimeout(timer);
            resolve({ child, port: Number(line), stderr });
        });
    });
}

type Callback<Res> = (error: grpcTypes.ServiceError | null, response: Res) => void;

export class AnalyzerClient {
    private closed = false;
    private closing: Promise<void> | undefined;
    private info: AnalyzerInfo | undefined;

    private constructor(
        private readonly rpc: analyzerGrpcTypes.AnalyzerClient,
        private readonly child: ChildProcess,
        private readonly stderrTail: Tail,
        readonly port: number,
        private readonly callTimeoutMs: number,
    ) {}

    /** Starts the pack and connects to it. On failure nothing is left running. */
    static async start(options: AnalyzerStartOptions): Promise<AnalyzerClient> {
        const { grpc, analyzerGrpc } = loadProto();
        const started = await launch(options);
        try {
            const rpc = new analyzerGrpc.AnalyzerClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure(), {
                "grpc.max_receive_message_length": MAX_MESSAGE_BYTES,
                "grpc.max_send_message_length": MAX_MESSAGE_BYTES,
            });
            return new AnalyzerClient(rpc, started.child, started.stderr, started.port, options.callTimeoutMs ?? 120_000);
        } catch (error) {
            await stopChild(started.child);
            throw new Error(`could not connect to the policy pack on port ${started.port}: ${(error as Error).message}`);
        }
    }

    /** Process id of the pack, for diagnostics. */
    get pid(): number | undefined {
        return this.child.pid;
    }

    /** The end of what the pack wrote to stderr, on one line. */
    stderr(): string {
        return this.stderrTail.oneLine();
    }

    private call<Req, Res>(method: string, request: Req): Promise<Res> {
        if (this.closed) {
            return Promise.reject(new Error(`${method}: the analyzer client is closed`));
        }
        const { grpc } = loadProto();
        return new Promise<Res>((resolve, reject) => {
            const fn = (this.rpc as unknown as Record<string, Function>)[method];
            const callback: Callback<Res> = (error, response) => {
                if (error) reject(this.rpcError(method, error));
                else resolve(response);
            };
            fn.call(this.rpc, request, new grpc.Metadata(), { deadline: Date.now() + this.callTimeoutMs }, callback);
        });
    }

    private rpcError(method: string, error: grpcTypes.ServiceError): Error {
        const { grpc } = loadProto();
        // The SDK puts the stack trace into the details; keep the message lines only.
        const details = (error.details || error.message || "")
            .split(/\r?\n/).filter((line) => !/^\s+at\s/.test(line)).join(" ");
        const code = grpc.status[error.code] ?? String(error.code);
        let message = `${method} failed (${code}): ${oneLine(details, 600)}`;
        if (!isRunning(this.child)) {
            const detail = this.stderrTail.oneLine(600);
            message += `; the policy pack exited (${this.child.signalCode ?? `code ${this.child.exitCode}`})${detail ? `, stderr: ${detail}` : ""}`;
        }
        return new Error(message);
    }

    async getPluginInfo(): Promise<{ version: string }> {
        const { emptyPb } = loadProto();
        const response = await this.call<emptyPbTypes.Empty, pluginPbTypes.PluginInfo>("getPluginInfo", new emptyPb.Empty());
        return { version: response.getVersion() };
    }

    async getAnalyzerInfo(): Promise<AnalyzerInfo> {
        const { emptyPb } = loadProto();
        const response = await this.call<emptyPbTypes.Empty, analyzerPbTypes.AnalyzerInfo>("getAnalyzerInfo", new emptyPb.Empty());
        const initialConfig: AnalyzerInfo["initialConfig"] = {};
        response.getInitialconfigMap().forEach((value, key) => {
            initialConfig[key] = {
                enforcementLevel: levelFromProto(value.getEnforcementlevel()),
                ...(value.hasProperties() ? { properties: fromStruct(value.getProperties()) } : {}),
            };
        });
        const info: AnalyzerInfo = {
            name: response.getName(),
            displayName: response.getDisplayname(),
            version: response.getVersion(),
            supportsConfig: response.getSupportsconfig(),
            description: response.getDescription(),
            readme: response.getReadme(),
            provider: response.getProvider(),
            tags: response.getTagsList(),
            repository: response.getRepository(),
            policies: response.getPoliciesList().map((policy) => {
                const schema = policy.getConfigschema();
                const framework = policy.getFramework();
                const severity = severityFromProto(policy.getSeverity());
                return {
                    name: policy.getName(),
                    displayName: policy.getDisplayname(),
                    description: policy.getDescription(),
                    enforcementLevel: levelFromProto(policy.getEnforcementlevel()),
                    ...(severity ? { severity } : {}),
                    policyType: policyTypeFromProto(policy.getPolicyType()),
                    remediationSteps: policy.getRemediationSteps(),
                    url: policy.getUrl(),
                    tags: policy.getTagsList(),
                    ...(framework ? {
                        framework: {
                            name: framework.getName(), version: framework.getVersion(),
                            reference: framework.getReference(), specification: framework.getSpecification(),
                        },
                    } : {}),
                    ...(schema ? {
                        configSchema: { properties: fromStruct(schema.getProperties()), required: schema.getRequiredList() },
                    } : {}),
                };
            }),
            initialConfig,
        };
        this.info = info;
        return info;
    }

    /**
     * Sends Configure with `config` reconciled against the pack's metadata as the Pulumi CLI does
     * (see reconcilePolicyConfig). Calls GetAnalyzerInfo first if it has not been called.
     */
    async configure(config: PolicyPackConfig = {}): Promise<ConfigureResult> {
        const info = this.info ?? await this.getAnalyzerInfo();
        const reconciled = reconcilePolicyConfig(info.policies, config, info.initialConfig);
        const { analyzerPb } = loadProto();
        const request = new analyzerPb.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [name, value] of Object.entries(reconciled.config)) {
            const policyConfig = new analyzerPb.PolicyConfig();
            policyConfig.setEnforcementlevel(levelToProto(value.enforcementLevel));
            // Always set: the SDK's Configure handler calls getProperties().toJavaScript().
            policyConfig.setProperties(toStruct(value.properties));
            map.set(name, policyConfig);
        }
        await this.call("configure", request);
        return reconciled;
    }

    /** Sends ConfigureStack (the policy SDK keeps only the tags, as `args.stackTags`). */
    async configureStack(stack: StackConfiguration): Promise<void> {
        const { analyzerPb } = loadProto();
        const request = new analyzerPb.AnalyzerStackConfigureRequest();
        request.setStack(stack.stack ?? "");
        request.setProject(stack.project ?? "");
        request.setOrganization(stack.organization ?? "");
        request.setDryRun(stack.dryRun ?? false);
        request.setConfigSecretKeysList(stack.configSecretKeys ?? []);
        for (const [key, value] of Object.entries(stack.tags ?? {})) request.getTagsMap().set(key, value);
        for (const [key, value] of Object.entries(stack.config ?? {})) request.getConfigMap().set(key, value);
        await this.call("configureStack", request);
    }

    private analyzeRequest(resource: AnalyzeResourceInput): analyzerPbTypes.AnalyzeRequest {
        const { analyzerPb } = loadProto();
        return describeResource(new analyzerPb.AnalyzeRequest(), resource);
    }

    /** Analyze: one resource's inputs, as during preview or before an update. */
    async analyze(resource: AnalyzeResourceInput): Promise<AnalyzeResult> {
        const response = await this.call<analyzerPbTypes.AnalyzeRequest, analyzerPbTypes.AnalyzeResponse>(
            "analyze", this.analyzeRequest(resource));
        return analyzeResult(response);
    }

    /** AnalyzeStack: every resource's outputs, as after a preview or update. */
    async analyzeStack(resources: readonly StackResourceInput[] | StackRequest): Promise<AnalyzeResult> {
        let stack = resources;
        if (!(stack instanceof StackRequest)) {
            stack = new StackRequest();
            for (const resource of resources as readonly StackResourceInput[]) stack.add(resource);
        }
        const { analyzerPb } = loadProto();
        const request = new analyzerPb.AnalyzeStackRequest();
        // The resources are already encoded; the request is their concatenation.
        const encoded = stack.encode();
        request.serializeBinary = () => encoded;
        const response = await this.call<analyzerPbTypes.AnalyzeStackRequest, analyzerPbTypes.AnalyzeResponse>(
            "analyzeStack", request);
        return analyzeResult(response);
    }

    /** Remediate: runs policies whose level is `remediate` on one resource's inputs. */
    async remediate(resource: AnalyzeResourceInput): Promise<RemediateResult> {
        const response = await this.call<analyzerPbTypes.AnalyzeRequest, analyzerPbTypes.RemediateResponse>(
            "remediate", this.analyzeRequest(resource));
        return {
            remediations: response.getRemediationsList().map((remediation) => ({
                policyName: remediation.getPolicyname(),
                policyPackName: remediation.getPolicypackname(),
                policyPackVersion: remediation.getPolicypackversion(),
                description: remediation.getDescription(),
                ...(remediation.hasProperties() ? { properties: fromStruct(remediation.getProperties()) } : {}),
                ...(remediation.getDiagnostic() ? { diagnostic: remediation.getDiagnostic() } : {}),
            })),
            notApplicable: notApplicableList(response.getNotApplicableList()),
        };
    }

    /** Closes the channel and stops the pack. Safe to call more than once. */
    close(): Promise<void> {
        if (!this.closing) {
            this.closed = true;
            try {
                this.rpc.close();
            } catch {
                // the channel is unusable anyway
            }
            this.closing = stopChild(this.child);
        }
        return this.closing;
    }
}

function resourceOptions(resource: AnalyzeResourceInput): analyzerPbTypes.AnalyzerResourceOptions {
    const { analyzerPb } = loadProto();
    // Always set: without options the SDK throws "A more recent version of the Pulumi CLI is required".
    const options = new analyzerPb.AnalyzerResourceOptions();
    if (resource.protect) options.setProtect(true);
    if (resource.parent) options.setParent(resource.parent);
    return options;
}

function providerResource(provider: ProviderResource | undefined): analyzerPbTypes.AnalyzerProviderResource | undefined {
    if (!provider) return undefined;
    const { analyzerPb } = loadProto();
    const message = new analyzerPb.AnalyzerProviderResource();
    message.setType(provider.type);
    message.setName(provider.name);
    message.setUrn(provider.urn);
    message.setProperties(toStruct(provider.properties));
    return message;
}

/** What Analyze, Remediate and AnalyzeStack send of every resource: identity, properties, options, provider. */
function describeResource<M extends analyzerPbTypes.AnalyzeRequest | analyzerPbTypes.AnalyzerResource>(message: M, resource: AnalyzeResourceInput): M {
    message.setType(resource.type);
    message.setName(resource.name);
    message.setUrn(resource.urn);
    message.setProperties(toStruct(resource.properties));
    message.setOptions(resourceOptions(resource));
    const provider = providerResource(resource.provider);
    if (provider) message.setProvider(provider);
    return message;
}

/**
 * An AnalyzeStack request built one resource at a time: each resource is encoded as it is added
 * (in protobuf a repeated field is the concatenation of its entries), so a stack of 100,000
 * resources never exists as protobuf objects all at once, and the caller may drop each resource's
 * properties as soon as it is added. `set` places an entry by index, for callers that encode out of order.
 */
export class StackRequest {
    private readonly entries: Uint8Array[] = [];

    add(resource: StackResourceInput): void {
        this.set(this.entries.length, resource);
    }

    set(index: number, resource: StackResourceInput): void {
        const { analyzerPb } = loadProto();
        const message = describeResource(new analyzerPb.AnalyzerResource(), resource);
        if (resource.parent) message.setParent(resource.parent);
        message.setDependenciesList(resource.dependencies ?? []);
        const dependencies = message.getPropertydependenciesMap();
        for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
            const value = new analyzerPb.AnalyzerPropertyDependencies();
            value.setUrnsList(urns);
            dependencies.set(key, value);
        }
        this.entries[index] = message.serializeBinary();
    }

    /** The request's bytes: field 1 (`resources`), length-delimited, once per entry in order. */
    encode(): Uint8Array {
        const parts: Uint8Array[] = [];
        let size = 0;
        for (const entry of this.entries) {
            if (entry === undefined) throw new Error("AnalyzeStack request has a gap");
            const header = [0x0a];
            for (let length = entry.length; ; length >>>= 7) {
                if (length < 0x80) {
                    header.push(length);
                    break;
                }
                header.push((length & 0x7f) | 0x80);
            }
            parts.push(Uint8Array.from(header), entry);
            size += header.length + entry.length;
        }
        return Buffer.concat(parts, size);
    }
}

function notApplicableList(list: analyzerPbTypes.PolicyNotApplicable[]): NotApplicable[] {
    return list.map((entry) => ({ policyName: entry.getPolicyName(), reason: entry.getReason() }));
}

function analyzeResult(response: analyzerPbTypes.AnalyzeResponse): AnalyzeResult {
    return {
        diagnostics: response.getDiagnosticsList().map((diagnostic) => {
            const severity = severityFromProto(diagnostic.getSeverity());
            return {
                policyName: diagnostic.getPolicyname(),
                policyPackName: diagnostic.getPolicypackname(),
                policyPackVersion: diagnostic.getPolicypackversion(),
                description: diagnostic.getDescription(),
                message: diagnostic.getMessage(),
                enforcementLevel: levelFromProto(diagnostic.getEnforcementlevel()),
                ...(severity ? { severity } : {}),
                ...(diagnostic.getUrn() ? { urn: diagnostic.getUrn() } : {}),
            };
        }),
        notApplicable: notApplicableList(response.getNotApplicableList()),
    };
}

/** Starts a pack and returns a connected client (see AnalyzerClient.start). */
export function startAnalyzer(options: AnalyzerStartOptions): Promise<AnalyzerClient> {
    return AnalyzerClient.start(options);
}
