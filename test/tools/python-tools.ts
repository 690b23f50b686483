// The Python tools the format tests read our reports with (test/tools/requirements.txt), in a
// virtual environment cached outside the repository and keyed by the pinned requirements, so only
// the first run installs them. CI installs them before `npm test`; a test that needs them fails in
// CI when they are missing and is skipped, saying why, on a machine without them.
//
//   node .test-build/test/tools/python-tools.js   installs them (from PyPI) and prints the interpreter's path
import { spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";

const TOOLS_DIR = path.join(repoRoot, "test", "tools");
const REQUIREMENTS = path.join(TOOLS_DIR, "requirements.txt");
export const INSTALL_COMMAND = "node .test-build/test/tools/python-tools.js";

function cacheRoot(): string {
    return process.env.SNAPSHOT_GUARD_TOOLS_CACHE
        ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "snapshot-guard-tools");
}

function basePython(): string {
    return process.env.SNAPSHOT_GUARD_PYTHON ?? "python3";
}

/** The environment's directory: one per requirements file and base interpreter. */
function environmentDir(): string {
    const key = crypto.createHash("sha256").update(fs.readFileSync(REQUIREMENTS)).update(basePython()).digest("hex").slice(0, 12);
    return path.join(cacheRoot(), `python-${key}`);
}

function interpreter(dir: string): string {
    return process.platform === "win32" ? path.join(dir, "Scripts", "python.exe") : path.join(dir, "bin", "python");
}

/** The tools' interpreter, or undefined when they are not installed. */
export function toolsPython(): string | undefined {
    const python = interpreter(environmentDir());
    return fs.existsSync(python) ? python : undefined;
}

/** Installs the tools (a new environment, moved into place only when complete) and returns the interpreter. */
export function installTools(): string {
    const existing = toolsPython();
    if (existing) return existing;
    const dir = environmentDir();
    const staging = `${dir}.${process.pid}.tmp`;
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    fs.rmSync(staging, { recursive: true, force: true });
    const run = (command: string, args: string[]) => {
        const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
        if (result.status !== 0) {
            fs.rmSync(staging, { recursive: true, force: true });
            throw new Error(`${command} ${args.join(" ")} failed (${result.error?.message ?? `exit ${result.status}`})`);
        }
    };
    run(basePython(), ["-m", "venv", staging]);
    run(interpreter(staging), ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-input", "-r", REQUIREMENTS]);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
    return interpreter(dir);
}

/**
 * A check by an outside tool that the test cannot do without: fails under CI (`CI` set), where the
 * tool must be there, and elsewhere skips the test with the reason in its title.
 */
export function requireTool<T>(context: Mocha.Context, what: string, found: T | undefined, install: string): T {
    if (found !== undefined) return found;
    const reason = `${what} is not installed (${install})`;
    if (process.env.CI) throw new Error(`${reason}; CI must install it`);
    if (context.test) context.test.title += ` [skipped: ${reason}]`;
    return context.skip();
}

/** Runs one of the tool scripts in test/tools with the tools' interpreter; returns its stdout. */
export function runPythonTool(python: string, script: string, args: readonly string[] = [], input?: string): string {
    const result = spawnSync(python, [path.join(TOOLS_DIR, script), ...args], { input, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    if (result.status !== 0) throw new Error(`${script} failed (${result.error?.message ?? `exit ${result.status}`}): ${result.stderr}`);
    return result.stdout;
}

if (require.main === module) {
    try {
        process.stdout.write(`${installTools()}\n`);
    } catch (error) {
        process.stderr.write(`${(error as Error).message}\n`);
        process.exit(1);
    }
}
