// Runs the compiled CLI the way a user does: `node bin/cli/main.js …`.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { commands } from "../../cli/main";
import { repoRoot } from "../harness";

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
    /** The arguments the CLI ran with. */
    args?: readonly string[];
}

export const cliPath = path.join(repoRoot, "bin", "cli", "main.js");
export const fixtures = path.join(repoRoot, "test", "cli", "fixtures");

export function cli(args: readonly string[], options: { input?: string | Buffer; cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliRun {
    const result = spawnSync(process.execPath, [cliPath, ...args], {
        cwd: options.cwd ?? repoRoot, input: options.input, encoding: "utf8", timeout: 120_000,
        env: { ...process.env, NO_COLOR: "1", ...(options.env ?? {}) },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, args };
}

/**
 * The prefix of every stderr line: `snapshot-guard <command>: ` for a known command, else
 * `snapshot-guard: ` (README, Command line).
 */
export function stderrPrefix(args: readonly string[] | undefined): RegExp {
    if (args === undefined) return new RegExp(`^snapshot-guard( (${Object.keys(commands).join("|")}))?: `);
    const command = args[0] !== undefined && Object.prototype.hasOwnProperty.call(commands, args[0]) ? ` ${args[0]}` : "";
    return new RegExp(`^snapshot-guard${command}: `);
}

/** A one-line error with the command's prefix, no stack trace, naming `pattern`. */
export function assertOneLineError(run: CliRun, pattern: RegExp): void {
    const lines = run.stderr.trim().split("\n");
    if (lines.length !== 1 || !pattern.test(lines[0]) || /\n\s+at\s/.test(run.stderr) || !stderrPrefix(run.args).test(lines[0])) {
        throw new Error(`expected one error line starting ${stderrPrefix(run.args)} and matching ${pattern}, got stderr:\n${run.stderr}`);
    }
    if (run.stdout !== "") throw new Error(`expected nothing on stdout, got:\n${run.stdout}`);
}

export function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-cli-"));
}
