// Text of an input file (stack export, event log): UTF-8 with or without a byte-order mark.
// Other encodings are refused by name, so "not JSON" never hides a Windows redirection.
import * as fs from "fs";
import { CliError } from "./errors";

/** `expected` completes "expected …" in the error, e.g. "the output of `pulumi stack export`". */
export function decodeInputText(bytes: Buffer, source: string, expected: string): string {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.toString("utf8", 3);
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "little-endian"
        : bytes[0] === 0xfe && bytes[1] === 0xff ? "big-endian"
            : bytes.length >= 2 && bytes[1] === 0 && bytes[0] !== 0 ? "little-endian, no byte-order mark"
                : bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0 ? "big-endian, no byte-order mark" : undefined;
    if (utf16 !== undefined) {
        throw new CliError(`${source} is UTF-16 text (${utf16}), as Windows PowerShell 5 \`>\` writes; ` +
            `expected ${expected} as UTF-8 (e.g. \`| Out-File -Encoding utf8\`)`);
    }
    if (bytes.includes(0)) throw new CliError(`${source} is not UTF-8 text (it holds NUL bytes); expected ${expected}`);
    return bytes.toString("utf8");
}

/**
 * All of stdin, read as a stream: a synchronous read of a pipe whose writer is still starting
 * (`pulumi stack export | snapshot-guard scan -`) can fail with EAGAIN.
 */
export async function readStdin(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    try {
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    } catch (error) {
        throw new CliError(`cannot read stdin: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return Buffer.concat(chunks);
}

/** The file or directory a command was given, or a one-line error naming it. */
export function statInput(target: string, command: string): fs.Stats {
    try {
        return fs.statSync(target);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(code === "ENOENT" ? `${command}: ${target} does not exist` : `${command}: cannot read ${target}: ${code}`);
    }
}
