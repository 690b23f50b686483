// Runs Pulumi programs under the real Pulumi CLI for the end-to-end suite: each program is copied
// into a fresh workspace (so `stack init` writes nothing into the repository), its stack lives in a
// file backend, providers are the fake ones, and policy events are read from the engine's own logs.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";
import { providerPackages, toolchain, type Toolchain, type ToolchainOptions } from "./toolchain";

export const STACK = "dev";

export interface PulumiRun {
    status: number | null;
    stdout: string;
    stderr: string;
}

/** One policy result as the engine reported it. */
export interface EngineFinding {
    rule: string;
    urn: string;
    level: string;
}

export interface Workspace {
    dir: string;
    toolchain: Toolchain;
    pulumi(args: readonly string[], env?: NodeJS.ProcessEnv): PulumiRun;
    /** `pulumi preview` with the pack; the engine's event log is returned with the run. */
    preview(options?: PolicyOptions): PulumiRun & { events: EngineEvent[] };
    /** `pulumi up --yes` with the pack. */
    up(options?: PolicyOptions & { skipPreview?: boolean }): PulumiRun & { events: EngineEvent[] };
    /** The stack's resources from `pulumi stack export`. */
    resources(): { urn: string; type: string; inputs?: Record<string, unknown> }[];
}

export interface PolicyOptions {
    pack?: string;
    config?: string;
}

export type EngineEvent = Record<string, unknown>;

/** The program directories under examples/ (those with a Pulumi.yaml). */
export function examplePrograms(): string[] {
    const dir = path.join(repoRoot, "examples");
    return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, "Pulumi.yaml"))).sort()
        .map((name) => path.join(dir, name));
}

/** The engine events of an NDJSON stream; a pretty-printed document (`pulumi up --json`) is passed over. */
export function parseEvents(text: string): EngineEvent[] {
    return text.split("\n").filter((line) => line.startsWith("{\"")).map((line) => JSON.parse(line) as EngineEvent);
}

export function readEvents(file: string): EngineEvent[] {
    return fs.existsSync(file) ? parseEvents(fs.readFileSync(file, "utf8")) : [];
}

/** The findings of `snapshot-guard scan|report --format json` output, in the engine's terms. */
export function cliFindings(json: string): EngineFinding[] {
    return (JSON.parse(json).findings as { policy: string; urn: string; level: string }[])
        .map((finding) => ({ rule: finding.policy, urn: finding.urn, level: finding.level }));
}

export function policyFindings(events: readonly EngineEvent[]): EngineFinding[] {
    return events.flatMap((event) => {
        const policy = event.policyEvent as { policyName: string; resourceUrn?: string; enforcementLevel: string } | undefined;
        return policy ? [{ rule: policy.policyName, urn: policy.resourceUrn ?? "", level: policy.enforcementLevel }] : [];
    });
}

/** A sorted list of `rule level urn` lines: compares as a multiset. */
export function multiset(findings: readonly EngineFinding[]): string[] {
    return findings.map((finding) => `${finding.rule} ${finding.level} ${finding.urn}`).sort();
}

/**
 * A copy of `programDir` with a stack `dev` in a fresh file backend (or in `options.tools`'s, shared
 * by several programs). `node_modules` links to the program's own dependencies, so the program runs
 * with the SDKs it was written against.
 */
export function workspace(programDir: string, options: ToolchainOptions & { tools?: Toolchain } = {}): Workspace {
    const tools = options.tools ?? toolchain(providerPackages(programDir), options);
    const dir = path.join(tools.home, path.basename(programDir));
    fs.mkdirSync(dir);
    for (const entry of fs.readdirSync(programDir)) {
        if (entry === "node_modules" || /^Pulumi\..+\.ya?ml$/.test(entry) && entry !== "Pulumi.yaml") continue;
        fs.cpSync(path.join(programDir, entry), path.join(dir, entry), { recursive: true });
    }
    const modules = [programDir, path.dirname(programDir), repoRoot].map((candidate) => path.join(candidate, "node_modules"))
        .find((candidate) => fs.existsSync(candidate));
    if (modules) fs.symlinkSync(modules, path.join(dir, "node_modules"), "dir");

    const pulumi = (args: readonly string[], env: NodeJS.ProcessEnv = {}): PulumiRun => {
        const result = spawnSync(tools.pulumi, [...args, "--non-interactive"], {
            cwd: dir, env: { ...tools.env, ...env }, encoding: "utf8", timeout: 300_000, maxBuffer: 64 * 1024 * 1024,
        });
        return { status: result.status, stdout: result.stdout ?? "", stderr: `${result.stderr ?? ""}${result.error ? `\n${result.error.message}` : ""}` };
    };
    const policyArgs = (options: PolicyOptions = {}) => [
        "--policy-pack", options.pack ?? repoRoot,
        ...(options.config ? ["--policy-pack-config", options.config] : []),
    ];
    let logs = 0;
    const withEventLog = (args: string[]) => {
        const log = path.join(tools.home, `events-${++logs}.ndjson`);
        const run = pulumi([...args, "--event-log", log], { PULUMI_DEBUG_COMMANDS: "true" });
        return { ...run, events: readEvents(log) };
    };
    const init = pulumi(["stack", "init", STACK]);
    if (init.status !== 0) throw new Error(`pulumi stack init failed in ${dir}: ${init.stderr || init.stdout}`);
    return {
        dir,
        toolchain: tools,
        pulumi,
        preview: (options) => withEventLog(["preview", ...policyArgs(options)]),
        up: (options) => withEventLog(["up", "--yes", ...(options?.skipPreview ? ["--skip-preview"] : []), ...policyArgs(options)]),
        resources: () => {
            const exported = pulumi(["stack", "export"]);
            if (exported.status !== 0) throw new Error(`pulumi stack export failed: ${exported.stderr}`);
            return (JSON.parse(exported.stdout).deployment?.resources ?? []) as { urn: string; type: string; inputs?: Record<string, unknown> }[];
        },
    };
}
