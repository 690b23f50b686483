// The end-to-end toolchain: a Pulumi CLI built from the Go module proxy at a pinned version (or the
// user's own, PULUMI_E2E_CLI), the minimal Node.js language host next to it, and fake provider
// plugins for the packages a program uses. Built CLIs are cached outside the repository, keyed by
// version, so only the first run pays for the Go build.
//
//   node .test-build/test/e2e/toolchain.js [VERSION…]   builds (or finds) the CLIs and prints their paths
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The newest Pulumi CLI the module proxy serves, and one about a year older, for the compatibility matrix. */
export const CLI_VERSIONS = { newest: "v3.277.0", yearOlder: "v3.229.0" } as const;

const PKG_MODULE = "github.com/pulumi/pulumi/pkg/v3";
const SDK_MODULE = "github.com/pulumi/pulumi/sdk/v3";

export function cacheRoot(): string {
    return process.env.SNAPSHOT_GUARD_E2E_CACHE
        ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "snapshot-guard-e2e");
}

function compiledSibling(name: string): string {
    return path.join(__dirname, `${name}.js`);
}

/** The go.mod of a wrapper module that builds `pulumi` at `version`, with pkg's module replaces. */
function wrapperGoMod(version: string, workDir: string): string {
    const download = JSON.parse(execFileSync("go", ["mod", "download", "-json", `${PKG_MODULE}@${version}`],
        { cwd: workDir, encoding: "utf8", env: { ...process.env, GOFLAGS: "" } }));
    const pkgGoMod = fs.readFileSync(download.GoMod, "utf8");
    const goVersion = /^go\s+(\S+)/m.exec(pkgGoMod)?.[1] ?? "1.23";
    // Replaces that point at a module version still matter outside Pulumi's repository (e.g. the
    // clipboard fork); those that point at a local directory (../sdk) are the repository layout.
    const replaces = [...pkgGoMod.matchAll(/^replace\s+(\S+)\s+=>\s+(\S+)\s+(v\S+)\s*$/gm)]
        .map(([, from, to, toVersion]) => `replace ${from} => ${to} ${toVersion}`);
    return [
        "module snapshotguard.test/pulumi-cli",
        "",
        `go ${goVersion}`,
        "",
        `require (\n\t${PKG_MODULE} ${version}\n\t${SDK_MODULE} ${version}\n)`,
        "",
        ...replaces,
        "",
    ].join("\n");
}

function requireGo(): void {
    const probe = spawnSync("go", ["version"], { encoding: "utf8" });
    if (probe.status !== 0) {
        throw new Error("building the Pulumi CLI needs Go (the version the pinned pulumi/pkg/v3 go.mod asks for) on PATH; "
            + "or set PULUMI_E2E_CLI=/path/to/pulumi to use an installed CLI");
    }
}

/** The path of a Pulumi CLI at `version`, built into the cache on first use. */
export function pulumiCli(version: string = CLI_VERSIONS.newest): string {
    const dir = path.join(cacheRoot(), `pulumi-${version}`);
    const binary = path.join(dir, "pulumi");
    if (!fs.existsSync(binary)) {
        requireGo();
        const moduleDir = path.join(dir, "wrapper");
        fs.mkdirSync(moduleDir, { recursive: true });
        fs.writeFileSync(path.join(moduleDir, "go.mod"), wrapperGoMod(version, moduleDir));
        const started = Date.now();
        process.stderr.write(`toolchain: building the Pulumi CLI ${version} from the Go module proxy (first run only; minutes)…\n`);
        const partial = `${binary}.partial`;
        const build = spawnSync("go", [
            "build", "-ldflags", `-s -w -X ${SDK_MODULE}/go/common/version.Version=${version}`,
            "-o", partial, `${PKG_MODULE}/cmd/pulumi`,
        ], { cwd: moduleDir, stdio: ["ignore", process.stderr, process.stderr], env: { ...process.env, GOFLAGS: "-mod=mod" } });
        if (build.status !== 0) throw new Error(`toolchain: go build of the Pulumi CLI ${version} failed (exit ${build.status})`);
        fs.renameSync(partial, binary);
        process.stderr.write(`toolchain: built ${binary} in ${Math.round((Date.now() - started) / 1000)} s\n`);
    }
    installLanguageHost(dir);
    return binary;
}

/**
 * The CLI prefers the language host next to its own binary. The wrapper there is generic: it runs
 * the compiled host of whichever checkout set SNAPSHOT_GUARD_E2E_LANGUAGE_HOST.
 */
function installLanguageHost(dir: string): void {
    const wrapper = path.join(dir, "pulumi-language-nodejs");
    const script = "#!/bin/sh\nexec node \"${SNAPSHOT_GUARD_E2E_LANGUAGE_HOST:?set by the snapshot-guard e2e suite}\" \"$@\"\n";
    if (!fs.existsSync(wrapper) || fs.readFileSync(wrapper, "utf8") !== script) fs.writeFileSync(wrapper, script, { mode: 0o755 });
}

export interface ProviderPackage {
    /** Plugin name, e.g. `aws`, `azure-native`. */
    name: string;
    version: string;
}

/** The provider packages (name and version) of the @pulumi SDKs a program depends on. */
export function providerPackages(programDir: string): ProviderPackage[] {
    const manifest = JSON.parse(fs.readFileSync(path.join(programDir, "package.json"), "utf8"));
    const packages: ProviderPackage[] = [];
    for (const dependency of Object.keys(manifest.dependencies ?? {})) {
        if (!dependency.startsWith("@pulumi/") || dependency === "@pulumi/pulumi") continue;
        const sdk = JSON.parse(fs.readFileSync(require.resolve(`${dependency}/package.json`, { paths: [programDir] }), "utf8"));
        if (!sdk.pulumi?.resource) continue;
        packages.push({ name: sdk.pulumi.name ?? dependency.slice("@pulumi/".length), version: sdk.pulumi.version ?? sdk.version });
    }
    return packages;
}

/** A directory of `pulumi-resource-<name>` wrappers that start the fake provider at each version. */
export function fakeProviderDir(packages: readonly ProviderPackage[], into: string): string {
    fs.mkdirSync(into, { recursive: true });
    const fake = compiledSibling("fake-provider");
    for (const { name, version } of packages) {
        fs.writeFileSync(path.join(into, `pulumi-resource-${name}`),
            `#!/bin/sh\nexec node ${JSON.stringify(fake)} ${name} ${version} "$@"\n`, { mode: 0o755 });
    }
    return into;
}

export interface ToolchainOptions {
    /** A pinned CLI version to build (ignored when PULUMI_E2E_CLI is set). */
    cliVersion?: string;
    /** A directory whose `node` runs the language host, programs, packs and providers. */
    nodeBin?: string;
}

export interface Toolchain {
    pulumi: string;
    /** Environment for every `pulumi` command: offline, file backend, fake providers on PATH. */
    env: NodeJS.ProcessEnv;
    home: string;
}

/**
 * A fresh Pulumi home and file backend in a temporary directory, with fake providers for
 * `packages`. `PULUMI_E2E_CLI` overrides the built CLI.
 */
export function toolchain(packages: readonly ProviderPackage[], options: ToolchainOptions = {}): Toolchain {
    const pulumi = process.env.PULUMI_E2E_CLI || pulumiCli(options.cliVersion ?? CLI_VERSIONS.newest);
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-e2e-"));
    const plugins = fakeProviderDir(packages, path.join(home, "plugins"));
    fs.mkdirSync(path.join(home, "state"));
    return {
        pulumi,
        home,
        env: {
            ...process.env,
            PATH: [plugins, options.nodeBin, process.env.PATH].filter(Boolean).join(path.delimiter),
            PULUMI_HOME: path.join(home, "pulumi-home"),
            PULUMI_BACKEND_URL: `file://${path.join(home, "state")}`,
            PULUMI_CONFIG_PASSPHRASE: "snapshot-guard-e2e",
            PULUMI_SKIP_UPDATE_CHECK: "true",
            PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
            PULUMI_SKIP_CONFIRMATIONS: "true",
            PULUMI_NODEJS_TRANSPILE_ONLY: "true",
            SNAPSHOT_GUARD_E2E_LANGUAGE_HOST: compiledSibling("language-host"),
            NO_COLOR: "1",
        },
    };
}

if (require.main === module) {
    try {
        const versions = process.argv.slice(2);
        for (const version of versions.length ? versions : [CLI_VERSIONS.newest]) console.log(pulumiCli(version));
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exit(2);
    }
}
