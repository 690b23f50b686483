// Where results go: stdout (nothing else is written there) or the --output file.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "./errors";

/** Writes a result, whole or in pieces (see renderChunks), to stdout or the --output file. */
export function writeResult(text: string | Iterable<string>, output: string | undefined): void {
    if (output === undefined || output === "-") {
        if (typeof text === "string") process.stdout.write(text);
        else for (const chunk of batched(text)) process.stdout.write(chunk);
        return;
    }
    try {
        const dir = path.dirname(path.resolve(output));
        if (!fs.existsSync(dir)) throw new Error(`directory ${dir} does not exist`);
        if (typeof text === "string") {
            fs.writeFileSync(output, text);
        } else {
            const fd = fs.openSync(output, "w");
            try {
                for (const chunk of batched(text)) fs.writeSync(fd, chunk);
            } finally {
                fs.closeSync(fd);
            }
        }
    } catch (error) {
        throw new CliError(`cannot write --output ${output}: ${(error as NodeJS.ErrnoException).code === undefined ? (error as Error).message : (error as NodeJS.ErrnoException).code}`);
    }
}

/** Joins small pieces into writes of about 1 MB. */
function* batched(chunks: Iterable<string>): Generator<string> {
    let pending: string[] = [];
    let size = 0;
    for (const chunk of chunks) {
        pending.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) {
            yield pending.join("");
            pending = [];
            size = 0;
        }
    }
    if (pending.length > 0) yield pending.join("");
}

/** Fails before any work when --output cannot be written. */
export function checkOutput(output: string | undefined): void {
    if (output === undefined || output === "-") return;
    const dir = path.dirname(path.resolve(output));
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
        throw new CliError(`cannot write --output ${output}: directory ${dir} does not exist`);
    }
}

// Every line for people on stderr starts `snapshot-guard <command>: ` (`snapshot-guard: ` before a
// command is known); notices and warnings then say so. README, Command line, documents the shape.
let command: string | undefined;

/** Names the running command for the prefix (main.ts sets it once it knows the command). */
export function setCommand(name: string | undefined): void {
    command = name;
}

export function stderrPrefix(): string {
    return command === undefined ? "snapshot-guard: " : `snapshot-guard ${command}: `;
}

/** A one-line status for people (stderr, always), e.g. what was written. */
export function status(text: string): void {
    process.stderr.write(`${stderrPrefix()}${text}\n`);
}

/** A one-line notice for people (stderr, always): the result is still produced. */
export function notice(text: string): void {
    status(`notice: ${text}`);
}

/** A one-line warning: something in the input was skipped; the result is produced from the rest. */
export function warning(text: string): void {
    status(`warning: ${text}`);
}

/** Progress for people watching: stderr, and only when stderr is a terminal. */
export function progress(text: string): void {
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${text}`);
}

export function progressDone(): void {
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
}

export function useColour(output: string | undefined): boolean {
    return (output === undefined || output === "-") && Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
}
