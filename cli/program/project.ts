// What a Pulumi TypeScript/JavaScript project directory says about how to run it: Pulumi.yaml,
// the entry point the Node.js language host would pick, and the stack's configuration.
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { isRecord, UNKNOWN_SENTINEL } from "../../core/wire";
import { CliError } from "../errors";

export interface ProjectFile {
    name: string;
    main?: string;
    runtime?: string;
    /** Project-level config (`config:` in Pulumi.yaml): key → declaration or plain value. */
    config?: Record<string, unknown>;
}

function readYaml(file: string, what: string): unknown {
    try {
        return yaml.load(fs.readFileSync(file, "utf8"), { filename: file });
    } catch (error) {
        const reason = error instanceof yaml.YAMLException ? `${error.reason} (line ${error.mark.line + 1})` : (error as Error).message;
        throw new CliError(`scan: ${file} is not valid YAML: ${reason}${what}`);
    }
}

/**
 * Pulumi.yaml, read with a YAML parser as strictly as the Pulumi CLI reads it: a file the CLI
 * rejects (e.g. an unquoted `: ` inside a value) is rejected here too, naming file and line.
 */
export function readProjectFile(dir: string): ProjectFile {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((name) => path.join(dir, name)).find((candidate) => fs.existsSync(candidate));
    if (!file) throw new CliError(`scan: ${dir} is not a Pulumi project (no Pulumi.yaml)`);
    const document = readYaml(file, "");
    if (!isRecord(document)) throw new CliError(`scan: ${file} is not a Pulumi project file (expected a mapping with name and runtime)`);
    const { name, main, runtime, config } = document;
    if (typeof name !== "string" || name.trim() === "") throw new CliError(`scan: ${file} has no project name`);
    const runtimeName = typeof runtime === "string" ? runtime : isRecord(runtime) && typeof runtime.name === "string" ? runtime.name : undefined;
    if (runtimeName === undefined) throw new CliError(`scan: ${file} has no runtime (e.g. \`runtime: nodejs\`)`);
    if (main !== undefined && typeof main !== "string") throw new CliError(`scan: ${file} has a main that is not a path`);
    if (config !== undefined && config !== null && !isRecord(config)) throw new CliError(`scan: ${file} has a config that is not a mapping`);
    return { name, main, runtime: runtimeName, ...(isRecord(config) ? { config } : {}) };
}

export interface EntryPoint {
    /** The file the language host loads first. */
    file: string;
    /** `"type": "module"` in the program's package.json: loaded with import(), not require(). */
    esm: boolean;
}

function nearestPackageRoot(dir: string): string | undefined {
    for (let current = dir; ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, "package.json"))) return current;
        if (path.dirname(current) === current) return undefined;
    }
}

function readPackageJson(root: string | undefined): Record<string, unknown> {
    if (!root) return {};
    try {
        const data: unknown = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
        return isRecord(data) ? data : {};
    } catch {
        return {}; // as the language host: best effort
    }
}

function isFile(candidate: string): boolean {
    return fs.existsSync(candidate) && fs.statSync(candidate).isFile();
}

/** The entry in package.json `exports` or `main`, as the language host reads it. */
function packageEntry(pkg: Record<string, unknown>): string | undefined {
    const { exports, main } = pkg;
    if (typeof exports === "string") return exports;
    if (isRecord(exports)) {
        const dot = exports["."];
        if (typeof dot === "string") return dot;
        if (isRecord(dot)) {
            const entry = dot.default ?? dot.require ?? dot.import;
            return typeof entry === "string" ? entry : undefined;
        }
        return undefined;
    }
    return typeof main === "string" ? main : undefined;
}

/** CommonJS `require(dir)`: the directory's own package.json main, else index with a known extension. */
function requireTarget(target: string): string | undefined {
    if (isFile(target)) return target;
    for (const extension of [".js", ".ts", ".cjs", ".cts"]) {
        if (isFile(`${target}${extension}`)) return `${target}${extension}`;
    }
    if (!fs.existsSync(target) || !fs.statSync(target).isDirectory()) return undefined;
    const main = readPackageJson(fs.existsSync(path.join(target, "package.json")) ? target : undefined).main;
    if (typeof main === "string") {
        const viaMain = requireTarget(path.resolve(target, main));
        if (viaMain) return viaMain;
    }
    return ["index.js", "index.ts"].map((name) => path.join(target, name)).find(isFile);
}

/**
 * The entry point `pulumi preview` would run (the Node.js language host's rules): Pulumi.yaml
 * `main` (a file or a directory), else package.json `exports` or `main`, else the project
 * directory; a directory resolves as `require` does, or for ES modules to index.js, index.mjs,
 * index.ts or index.mts.
 */
export function resolveEntryPoint(projectDir: string, project: ProjectFile): EntryPoint {
    const explicit = project.main !== undefined && project.main !== "." && project.main !== "./";
    let program = path.resolve(projectDir, project.main ?? ".");
    if (!fs.existsSync(program)) throw new CliError(`scan: the main of ${path.join(projectDir, "Pulumi.yaml")} (${project.main}) does not exist`);
    const packageRoot = nearestPackageRoot(fs.statSync(program).isDirectory() ? program : path.dirname(program));
    const pkg = readPackageJson(packageRoot);
    const fromPackage = packageEntry(pkg);
    if (!explicit && packageRoot && fromPackage !== undefined && fs.existsSync(path.join(packageRoot, fromPackage))) {
        program = path.join(packageRoot, fromPackage);
    }
    const esm = pkg.type === "module";
    const file = esm
        ? (fs.statSync(program).isDirectory()
            ? ["index.js", "index.mjs", "index.ts", "index.mts"].map((name) => path.join(program, name)).find(isFile)
            : program)
        : requireTarget(program);
    if (!file) throw new CliError(`scan: no entry point in ${program} (expected index.ts or index.js, or a main in Pulumi.yaml or package.json)`);
    return { file, esm: esm || /\.m[jt]s$/.test(file) };
}

export interface StackConfig {
    /** Config as the Pulumi CLI hands it to a program: full keys (`project:key`), string values. */
    values: Record<string, string>;
    /** Keys whose values are secret (`secure:` in the stack file, or declared secret). */
    secretKeys: string[];
}

function fullKey(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

interface Decoded {
    value: unknown;
    secret: boolean;
}

/** A stack-file value: `secure:` values (anywhere inside) become unknown secrets, never decrypted. */
function decodeStackValue(value: unknown): Decoded {
    if (isRecord(value) && Object.keys(value).length === 1 && typeof value.secure === "string") {
        return { value: UNKNOWN_SENTINEL, secret: true };
    }
    if (Array.isArray(value)) {
        const items = value.map(decodeStackValue);
        return { value: items.map((item) => item.value), secret: items.some((item) => item.secret) };
    }
    if (isRecord(value)) {
        const entries = Object.entries(value).map(([key, inner]) => [key, decodeStackValue(inner)] as const);
        return { value: Object.fromEntries(entries.map(([key, inner]) => [key, inner.value])), secret: entries.some(([, inner]) => inner.secret) };
    }
    return { value, secret: false };
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** `key=value` → `project:key` (or `ns:key` as given). */
export function parseConfigOverrides(entries: readonly string[], project: string): Record<string, string> {
    const config: Record<string, string> = {};
    for (const entry of entries) {
        const equals = entry.indexOf("=");
        if (equals <= 0) throw new CliError(`scan: --config takes KEY=VALUE, not "${entry}"`);
        config[fullKey(entry.slice(0, equals), project)] = entry.slice(equals + 1);
    }
    return config;
}

/** The stacks that have a config file next to Pulumi.yaml. */
function stacksWithConfig(projectDir: string): string[] {
    return fs.readdirSync(projectDir).map((name) => /^Pulumi\.(.+)\.ya?ml$/.exec(name)?.[1]).filter((name): name is string => name !== undefined);
}

/**
 * Config for a recorded program, lowest precedence first: Pulumi.yaml `config:` defaults, then
 * `Pulumi.<stack>.yaml`, then `--config`. A stack named on the command line must have its file;
 * the default stack may have none.
 */
export function readStackConfig(projectDir: string, project: ProjectFile, stack: string, stackNamed: boolean, overrides: readonly string[]): StackConfig {
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    for (const [key, declaration] of Object.entries(project.config ?? {})) {
        const full = fullKey(key, project.name);
        if (isRecord(declaration)) {
            const given = declaration.value ?? declaration.default;
            if (given !== undefined && given !== null) values[full] = asConfigString(given);
            if (declaration.secret === true) secretKeys.add(full);
        } else if (declaration !== undefined && declaration !== null) {
            values[full] = asConfigString(declaration);
        }
    }
    const stackFile = [`Pulumi.${stack}.yaml`, `Pulumi.${stack}.yml`].map((name) => path.join(projectDir, name)).find((file) => fs.existsSync(file));
    if (stackFile) {
        const document = readYaml(stackFile, "");
        const config = isRecord(document) ? document.config : undefined;
        if (config !== undefined && config !== null && !isRecord(config)) throw new CliError(`scan: ${stackFile} has a config that is not a mapping`);
        for (const [key, value] of Object.entries(isRecord(config) ? config : {})) {
            const full = fullKey(key, project.name);
            const decoded = decodeStackValue(value);
            values[full] = asConfigString(decoded.value);
            if (decoded.secret) secretKeys.add(full);
        }
    } else if (stackNamed) {
        const known = stacksWithConfig(projectDir);
        throw new CliError(`scan: no Pulumi.${stack}.yaml in ${projectDir}${known.length > 0 ? ` (stack config files: ${known.join(", ")})` : ""}`);
    }
    Object.assign(values, parseConfigOverrides(overrides, project.name));
    // As `pulumi preview`: a declared key without a default must have a value before the program runs.
    for (const [key, declaration] of Object.entries(project.config ?? {})) {
        const full = fullKey(key, project.name);
        if (isRecord(declaration) && !(full in values)) throw missingConfig(full, project.name, stack);
    }
    return { values, secretKeys: [...secretKeys] };
}

/** A required config value the scan was not given: where to give it. */
export function missingConfig(key: string, project: string, stack: string): CliError {
    const short = key.startsWith(`${project}:`) ? key.slice(project.length + 1) : key;
    return new CliError(`scan: the program needs config value ${key}: pass --config ${short}=VALUE or set it in Pulumi.${stack}.yaml`);
}
