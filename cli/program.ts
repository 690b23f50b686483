// `scan <program-dir>`: reads the project as `pulumi preview` would (entry point, stack config),
// then records the program in a child process (program/child.ts) bounded by a timeout. Every way
// the program can end (done, failed, exited early, hung, left promises unsettled) gives either the
// recorded resources or a one-line CliError.
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./errors";
import { progress, progressDone } from "./output";
import type { ScanInput } from "./resources";
import type { ChildMessage } from "./program/child";
import { missingConfig, readProjectFile, readStackConfig, resolveEntryPoint } from "./program/project";
import type { RecordRequest } from "./program/recorder";
import { typeScriptPath } from "./program/typescript";

export interface ProgramOptions {
    /** `--config KEY=VALUE` entries. */
    config: readonly string[];
    stack: string;
    /** True when the stack was named on the command line (its config file must exist). */
    stackNamed: boolean;
    timeoutSeconds: number;
}

export const DEFAULT_STACK = "dev";
export const DEFAULT_TIMEOUT_SECONDS = 300;

/** The repository the program lives in (nearest `.git`), else the current directory: where CI annotates. */
export function sourceRootFor(programDir: string): string {
    for (let current = programDir; ; current = path.dirname(current)) {
        if (fs.existsSync(path.join(current, ".git"))) return current;
        if (path.dirname(current) === current) return process.cwd();
    }
}

export async function recordProgram(dir: string, options: ProgramOptions): Promise<ScanInput> {
    const programDir = path.resolve(dir);
    const project = readProjectFile(programDir);
    if (project.runtime && project.runtime !== "nodejs") {
        throw new CliError(`scan: ${dir} is a ${project.runtime} program; only TypeScript/JavaScript (nodejs) programs can be recorded`);
    }
    const entry = resolveEntryPoint(programDir, project);
    const config = readStackConfig(programDir, project, options.stack, options.stackNamed, options.config);
    try {
        require.resolve("@pulumi/pulumi", { paths: [programDir] });
    } catch {
        throw new CliError(`scan: @pulumi/pulumi is not installed for the program in ${dir} (run npm install there)`);
    }
    const request: RecordRequest = {
        programDir, displayDir: dir, project: project.name, stack: options.stack, entry, config,
        typescript: typeScriptPath(programDir), sourceRoot: sourceRootFor(programDir),
    };
    const outcome = await runChild(request, options.timeoutSeconds);
    switch (outcome.kind) {
        case "result":
            return outcome.input as ScanInput;
        case "failed":
            if (outcome.reason === "missing-config") throw missingConfig(outcome.message, project.name, options.stack);
            if (outcome.reason !== "error") throw new CliError(`scan: the program in ${dir} ${outcome.message}`);
            throw new CliError(`scan: the program in ${dir} failed: ${outcome.message}${/^Cannot find (module|package) /.test(outcome.message) ? ` (install the program's dependencies: npm install in ${dir})` : ""}`);
    }
}

type Outcome = Exclude<ChildMessage, { kind: "progress" }>;

function runChild(request: RecordRequest, timeoutSeconds: number): Promise<Outcome> {
    const label = `recording ${request.displayDir}`;
    progress(`${label}…`);
    const child = spawn(process.execPath, ["--enable-source-maps", path.join(__dirname, "program", "child.js"), JSON.stringify(request)], {
        cwd: request.programDir, stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    // The program's own output must not mix with results on stdout, nor glue onto a progress line.
    const forward = (chunk: Buffer) => {
        progressDone();
        process.stderr.write(chunk);
    };
    child.stdout!.on("data", forward);
    child.stderr!.on("data", forward);
    return new Promise((resolve, reject) => {
        let outcome: Outcome | undefined;
        let buffered = "";
        const channel = child.stdio[3] as NodeJS.ReadableStream;
        channel.setEncoding("utf8");
        channel.on("data", (text: string) => {
            buffered += text;
            for (let newline = buffered.indexOf("\n"); newline >= 0; newline = buffered.indexOf("\n")) {
                const message = JSON.parse(buffered.slice(0, newline)) as ChildMessage;
                buffered = buffered.slice(newline + 1);
                if (message.kind === "progress") progress(`${label}: ${message.resources} resources…`);
                else outcome ??= message;
            }
        });
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            settle(new CliError(`scan: the program in ${request.displayDir} did not finish within ${timeoutSeconds} s (a timer or open connection may keep it running; raise --timeout if it is just slow)`));
        }, timeoutSeconds * 1000);
        let done = false;
        const settle = (result: Outcome | Error) => {
            if (done) return;
            done = true;
            clearTimeout(timer);
            progressDone();
            if (result instanceof Error) reject(result);
            else resolve(result);
        };
        child.on("error", (error) => settle(new CliError(`scan: cannot start the recorder: ${error.message}`)));
        // "close" comes after every stream has ended, so the last message has been read.
        child.on("close", (code, signal) => {
            settle(outcome ?? new CliError(`scan: recording the program in ${request.displayDir} ended without a result (${signal ? `signal ${signal}` : `exit code ${code}`})`));
        });
    });
}
