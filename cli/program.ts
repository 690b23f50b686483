// Records the resources of a Pulumi TypeScript program without the Pulumi CLI: the program runs in
// this process under @pulumi/pulumi's mocks in preview mode, and every resource registration is
// captured as the engine would see it (type, name, URN, inputs in wire encoding with unknowns and
// secrets, dependencies, parent, provider, protect). Outputs of resources are unknown unless they
// are inputs, as in a real preview. Provider-side defaults are not applied and invokes (data
// sources) return nothing, so rules see only what the program itself sets.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { isRecord } from "../core/wire";
import { CliError } from "./errors";
import { progress } from "./output";
import { typeOfUrn, nameOfUrn } from "./results";
import type { ScanInput, ScanResource } from "./resources";

const STACK = "dev";

export interface ProjectFile {
    name: string;
    main?: string;
    runtime?: string;
}

/**
 * Pulumi.yaml, read with a YAML parser as strictly as the Pulumi CLI reads it: a file the CLI
 * rejects (e.g. an unquoted `: ` inside a value) is rejected here too, naming file and line.
 */
export function readProjectFile(dir: string): ProjectFile {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) throw new CliError(`scan: ${dir} is not a Pulumi project (no Pulumi.yaml)`);
    let document: unknown;
    try {
        document = yaml.load(fs.readFileSync(file, "utf8"), { filename: file });
    } catch (error) {
        const reason = error instanceof yaml.YAMLException ? `${error.reason} (line ${error.mark.line + 1})` : (error as Error).message;
        throw new CliError(`scan: ${file} is not valid YAML: ${reason}`);
    }
    if (!isRecord(document)) throw new CliError(`scan: ${file} is not a Pulumi project file (expected a mapping with name and runtime)`);
    const { name, main, runtime } = document;
    if (typeof name !== "string" || name.trim() === "") throw new CliError(`scan: ${file} has no project name`);
    const runtimeName = typeof runtime === "string" ? runtime : isRecord(runtime) && typeof runtime.name === "string" ? runtime.name : undefined;
    if (runtimeName === undefined) throw new CliError(`scan: ${file} has no runtime (e.g. \`runtime: nodejs\`)`);
    if (main !== undefined && typeof main !== "string") throw new CliError(`scan: ${file} has a main that is not a path`);
    return { name, main, runtime: runtimeName };
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

interface TypeScriptApi {
    transpileModule(input: string, options: { fileName: string; compilerOptions: Record<string, unknown> }): { outputText: string };
    ModuleKind: { CommonJS: unknown };
    ScriptTarget: { ES2020: unknown };
}

function loadTypeScript(): TypeScriptApi {
    for (const id of ["typescript-5", "typescript"]) {
        try {
            return require(id);
        } catch {
            // try the next name
        }
    }
    throw new CliError("scan: recording a TypeScript program needs the typescript package (install the dev dependencies with `npm ci`)");
}

function installTypeScriptHook(): () => void {
    const extensions = require.extensions as NodeJS.RequireExtensions;
    if (extensions[".ts"]) return () => undefined; // ts-node or similar is already there
    const ts = loadTypeScript();
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const output = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true,
                experimentalDecorators: true, sourceMap: false, inlineSourceMap: false,
            },
        }).outputText;
        (module as unknown as { _compile(code: string, file: string): void })._compile(output, filename);
    };
    return () => {
        delete extensions[".ts"];
    };
}

/** `key=value` → `project:key` (or `ns:key` as given) for PULUMI config. */
export function parseStackConfig(entries: readonly string[], project: string): Record<string, string> {
    const config: Record<string, string> = {};
    for (const entry of entries) {
        const equals = entry.indexOf("=");
        if (equals <= 0) throw new CliError(`scan: --config takes KEY=VALUE, not "${entry}"`);
        const key = entry.slice(0, equals);
        config[key.includes(":") ? key : `${project}:${key}`] = entry.slice(equals + 1);
    }
    return config;
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
}

export async function recordProgram(dir: string, configEntries: readonly string[]): Promise<ScanInput> {
    const programDir = path.resolve(dir);
    const project = readProjectFile(programDir);
    if (project.runtime && project.runtime !== "nodejs") {
        throw new CliError(`scan: ${dir} is a ${project.runtime} program; only TypeScript/JavaScript (nodejs) programs can be recorded`);
    }
    const mainDir = path.resolve(programDir, project.main ?? ".");
    const entry = [mainDir, path.join(mainDir, "index.ts"), path.join(mainDir, "index.js")]
        .find((candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile());
    if (!entry) throw new CliError(`scan: ${dir} has no index.ts or index.js`);
    const stackConfig = parseStackConfig(configEntries, project.name);

    let pulumiPath: string;
    try {
        pulumiPath = require.resolve("@pulumi/pulumi", { paths: [programDir] });
    } catch {
        throw new CliError(`scan: @pulumi/pulumi is not installed for the program in ${dir} (run npm install there)`);
    }
    const pulumi = require(pulumiPath) as typeof import("@pulumi/pulumi");
    const pulumiDir = path.dirname(pulumiPath);
    const settings = require(path.join(pulumiDir, "runtime", "settings"));
    const stackModule = require(path.join(pulumiDir, "runtime", "stack"));

    const recorded: ScanResource[] = [];
    await pulumi.runtime.setMocks({
        newResource: (args) => ({ id: undefined as unknown as string, state: args.inputs }),
        call: () => ({}),
    }, project.name, STACK, true);
    pulumi.runtime.setAllConfig(stackConfig, []);
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
        const urn = `urn:pulumi:${STACK}::${project.name}::pulumi:providers:${pkg}::${defaultProviderName(req.getVersion(), req.getPlugindownloadurl())}`;
        if (!defaultProviders.has(urn)) {
            defaultProviders.add(urn);
            const inputs: Record<string, unknown> = {};
            for (const [key, value] of Object.entries(stackConfig)) {
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
        const urn = `urn:pulumi:${STACK}::${project.name}::${qualified}::${req.getName()}`;
        engineUrns.set(mockUrn, urn);
        const inputs = req.getObject()?.toJavaScript() ?? {};
        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((value, key) => {
            propertyDependencies[key] = value.getUrnsList();
        });
        const providerRef = req.getProvider();
        const providerUrn = providerRef ? providerRef.slice(0, providerRef.lastIndexOf("::"))
            : req.getCustom() && !req.getType().startsWith("pulumi:") ? defaultProvider(req) : "";
        recorded.push({
            urn, type: req.getType(), name: req.getName(), custom: req.getCustom(), inputs, outputs: inputs,
            ...(parentUrn ? { parent: parentUrn } : {}),
            ...(providerUrn ? { provider: { urn: providerUrn, type: typeOfUrn(providerUrn), name: nameOfUrn(providerUrn), properties: {} } } : {}),
            dependencies: req.getDependenciesList(),
            propertyDependencies,
            ...(req.getProtect?.() ? { protect: true } : {}),
        });
        if (process.stderr.isTTY) progress(`recording ${dir}: ${recorded.length} resources…`);
        return register(req, callback);
    };

    // The program's own console output must not mix with results on stdout.
    const stdoutWrite = process.stdout.write;
    process.stdout.write = process.stderr.write.bind(process.stderr) as typeof process.stdout.write;
    const uninstall = installTypeScriptHook();
    const cwd = process.cwd();
    let failure: unknown;
    const onRejection = (reason: unknown) => {
        failure ??= reason;
    };
    process.on("unhandledRejection", onRejection);
    try {
        process.chdir(programDir);
        await stackModule.runInPulumiStack(async () => {
            const exported = require(entry);
            const main = typeof exported === "function" ? exported : typeof exported?.default === "function" ? exported.default : undefined;
            return main ? await main() : exported;
        });
        await settings.waitForRPCs();
        await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
        failure ??= error;
    } finally {
        process.chdir(cwd);
        uninstall();
        process.stdout.write = stdoutWrite;
        process.removeListener("unhandledRejection", onRejection);
    }
    if (failure !== undefined) {
        const message = failure instanceof Error ? failure.message : String(failure);
        throw new CliError(`scan: the program in ${dir} failed: ${message.split(/\r?\n/)[0]}`);
    }
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
        source: dir,
        artifact: path.relative(process.cwd(), entry).split(path.sep).join("/"),
        stack: STACK,
        project: project.name,
        dryRun: true,
        resources: recorded,
    };
}
