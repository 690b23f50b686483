// Records the resources of a Pulumi TypeScript/JavaScript program without the Pulumi CLI: the
// program runs (in a child process of the CLI, see child.ts) under @pulumi/pulumi's mocks in
// preview mode, and every resource registration is captured as the engine would see it (type,
// name, URN, inputs in wire encoding with unknowns and secrets, dependencies, parent, provider,
// protect, source position). Outputs of resources are unknown unless they are inputs, and data
// sources return values that are unknown until deploy (unknown-value.ts). Provider-side defaults
// are not applied, so rules see only what the program itself sets.
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";
import { isRecord, UNKNOWN_SENTINEL } from "../../core/wire";
import { nameOfUrn, typeOfUrn } from "../results";
import type { ScanInput, ScanResource } from "../resources";
import type { EntryPoint, StackConfig } from "./project";
import { installRequireHook, registerModuleHooks } from "./typescript";
import { answerInvokesWithUnknowns, derivesFromUnknown, unknownValue } from "./unknown-value";

export interface RecordRequest {
    programDir: string;
    /** As the user wrote it, for messages. */
    displayDir: string;
    project: string;
    stack: string;
    entry: EntryPoint;
    config: StackConfig;
    typescript: string;
    /** Directory that locations and the artifact are relative to. */
    sourceRoot: string;
}

/** The engine's name for a default provider: `default_7_48_0` (providers.ProviderRequest.DefaultName). */
export function defaultProviderName(version: string, pluginDownloadUrl = ""): string {
    let name = "default";
    const semver = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version);
    if (semver) {
        const [, major, minor, patch, pre, build] = semver;
        name += `_${major}_${minor}_${patch}`;
        for (const part of [...(pre?.split(".") ?? []), ...(build?.split(".") ?? [])]) name += `_${part}`;
    }
    if (pluginDownloadUrl) name += `_${pluginDownloadUrl.replace(/[^A-Za-z0-9_.]/g, "_")}`;
    return name;
}

interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { forEach(fn: (value: { getUrnsList(): string[] }, key: string) => void): void };
    getProvider(): string;
    getVersion(): string;
    getPlugindownloadurl(): string;
    getProtect?(): boolean;
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/** A string built from an unknown value is itself unknown; anything else is kept as sent. */
function unknownWhereDerived(value: unknown): unknown {
    if (typeof value === "string") return derivesFromUnknown(value) ? UNKNOWN_SENTINEL : value;
    if (Array.isArray(value)) return value.map(unknownWhereDerived);
    if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, unknownWhereDerived(inner)]));
    return value;
}

/** A resource name built from an unknown value, readable in results. */
function readableName(name: string): string {
    return name.split(UNKNOWN_SENTINEL).join("(unknown)");
}

/** `file:///…/index.ts` (CommonJS frames) or an ES module frame's URL, as an absolute path. */
function sourceFile(uri: string): string | undefined {
    try {
        const file = uri.startsWith("file:") ? fileURLToPath(uri) : uri;
        // An ES module frame is already a URL, which the SDK turns into a URL once more.
        const nested = file.indexOf(`${path.sep}file:`);
        return nested >= 0 ? fileURLToPath(file.slice(nested + 1).replace(/^file:\/*/, "file:///")) : file;
    } catch {
        return undefined;
    }
}

export interface Recorder {
    onProgress(resources: number): void;
}

/** Runs the program and resolves with what it registered; rejects with the program's error. */
export async function recordProgram(request: RecordRequest, recorder: Recorder): Promise<ScanInput> {
    const { programDir, project, stack, entry } = request;
    const pulumiPath = require.resolve("@pulumi/pulumi", { paths: [programDir] });
    const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
    const pulumiDir = path.dirname(pulumiPath);
    const settings = require(path.join(pulumiDir, "runtime", "settings"));
    const stackModule = require(path.join(pulumiDir, "runtime", "stack"));
    // Provider SDKs call `pulumi.runtime.invoke…`; depending on how the SDK was compiled that object
    // holds copies of runtime/invoke's functions or reads them through, so both are answered.
    const knownOutput = (value: unknown) => {
        // The Output class's constructor is internal (resources, value, isKnown, isSecret, allResources).
        const OutputClass = pulumi.Output as unknown as new (...args: unknown[]) => unknown;
        const held = new OutputClass(new Set(), Promise.resolve(value), Promise.resolve(true), Promise.resolve(false), Promise.resolve(new Set()));
        return pulumi.Output.isInstance(held) ? held : pulumi.output(unknownValue());
    };
    for (const invokeModule of [require(path.join(pulumiDir, "runtime", "invoke")), pulumi.runtime]) {
        answerInvokesWithUnknowns(invokeModule, knownOutput);
    }
    // The SDK reads a resource's source position from `new Error().stack`, whose frames for ES
    // module top-level code have no function name and no parentheses; accept those too.
    const resourceClass = pulumi.Resource as unknown as { framePositionRegExp?: RegExp };
    if (resourceClass.framePositionRegExp instanceof RegExp) {
        resourceClass.framePositionRegExp = /^\s*at (?:.* \()?(?<file>.*?):(?<line>[0-9]+):(?<column>[0-9]+)\)?$/;
    }

    const recorded: ScanResource[] = [];
    await pulumi.runtime.setMocks({
        newResource: (args) => ({ id: undefined as unknown as string, state: args.inputs }),
        call: () => ({}),
    }, project, stack, true);
    pulumi.runtime.setAllConfig(request.config.values, request.config.secretKeys);
    const monitor = settings.getMonitor();
    const register = monitor.registerResource.bind(monitor);
    // The mock monitor forms URNs its own way (the root stack's type prefixes its children, only the
    // parent's last type segment is kept); the engine leaves the root stack out and keeps the whole
    // chain. Record the engine's URN and map the mock's references onto it at the end.
    const engineUrns = new Map<string, string>();
    // The engine gives every custom resource without a provider option the default provider of its
    // package at the version its SDK asked for, registered just before the first resource that
    // needs it, with the package's stack config (`aws:region`) and the version as inputs.
    const defaultProviders = new Set<string>();
    const defaultProvider = (req: RegisterRequest): string => {
        const pkg = req.getType().split(":")[0];
        const urn = `urn:pulumi:${stack}::${project}::pulumi:providers:${pkg}::${defaultProviderName(req.getVersion(), req.getPlugindownloadurl())}`;
        if (!defaultProviders.has(urn)) {
            defaultProviders.add(urn);
            const inputs: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(request.config.values)) {
                if (key.startsWith(`${pkg}:`)) inputs[key.slice(pkg.length + 1)] = value;
            }
            if (req.getVersion()) inputs.version = req.getVersion();
            recorded.push({
                urn, type: `pulumi:providers:${pkg}`, name: nameOfUrn(urn), custom: true, inputs, outputs: inputs,
                dependencies: [], propertyDependencies: {},
            });
        }
        return urn;
    };
    monitor.registerResource = (req: RegisterRequest, callback: unknown) => {
        const mockUrn: string = monitor.newUrn(req.getParent(), req.getType(), req.getName());
        const parentUrn = req.getParent() ? engineUrns.get(req.getParent()) ?? req.getParent() : "";
        const parentType = parentUrn ? parentUrn.split("::")[2] ?? "" : "";
        const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${req.getType()}` : req.getType();
        const name = readableName(req.getName());
        const urn = `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
        engineUrns.set(mockUrn, urn);
        const inputs = unknownWhereDerived(req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((value, key) => {
            propertyDependencies[key] = value.getUrnsList();
        });
        const providerRef = req.getProvider();
        const providerUrn = providerRef ? providerRef.slice(0, providerRef.lastIndexOf("::"))
            : req.getCustom() && !req.getType().startsWith("pulumi:") ? defaultProvider(req) : "";
        const position = req.getSourceposition?.();
        const file = position ? sourceFile(position.getUri()) : undefined;
        recorded.push({
            urn, type: req.getType(), name, custom: req.getCustom(), inputs, outputs: inputs,
            ...(parentUrn ? { parent: parentUrn } : {}),
            ...(providerUrn ? { provider: { urn: providerUrn, type: typeOfUrn(providerUrn), name: nameOfUrn(providerUrn), properties: {} } } : {}),
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            ...(req.getProtect?.() ? { protect: true } : {}),
            ...(file && position && position.getLine() > 0 ? { source: { file, line: position.getLine(), ...(position.getColumn() > 0 ? { column: position.getColumn() } : {}) } } : {}),
        });
        recorder.onProgress(recorded.length);
        return register(req, callback);
    };

    process.chdir(programDir);
    if (entry.esm) registerModuleHooks(request.typescript);
    else installRequireHook(request.typescript);
    await stackModule.runInPulumiStack(async () => {
        const exported = entry.esm ? defaultOrNamed(await importModule(pathToFileURL(entry.file).href)) : require(entry.file);
        return typeof exported === "function" ? await exported() : exported;
    });
    await settings.waitForRPCs();

    const toEngine = (urn: string) => engineUrns.get(urn) ?? urn;
    for (const resource of recorded) {
        resource.dependencies = resource.dependencies.map(toEngine);
        for (const key of Object.keys(resource.propertyDependencies)) {
            resource.propertyDependencies[key] = resource.propertyDependencies[key].map(toEngine);
        }
        if (resource.provider) {
            const urn = toEngine(resource.provider.urn);
            const provider = recorded.find((candidate) => candidate.urn === urn);
            resource.provider = { urn, type: typeOfUrn(urn), name: nameOfUrn(urn), properties: provider?.inputs ?? {} };
        }
    }
    return {
        source: request.displayDir,
        artifact: path.relative(request.sourceRoot, entry.file).split(path.sep).join("/"),
        sourceRoot: request.sourceRoot,
        stack,
        project,
        dryRun: true,
        resources: recorded,
    };
}

// A real dynamic import: compiled to CommonJS, `import()` would become `require()`.
const importModule = new Function("url", "return import(url)") as (url: string) => Promise<Record<string, unknown>>;

/** As the language host: a default export, or the named exports (not both). */
function defaultOrNamed(namespace: Record<string, unknown>): unknown {
    if (Object.getOwnPropertyDescriptor(namespace, "default") === undefined) return namespace;
    if (Object.keys(namespace).length !== 1) throw new Error("expected entrypoint module to have either a default export or named exports but not both");
    return namespace.default;
}
