// The process a program is recorded in (started by cli/program.ts). A program may exit, hang,
// leave promises unsettled or throw from a timer; isolating it lets the CLI always end with a
// result or a one-line reason. Messages go to the parent as JSON lines on file descriptor 3,
// written synchronously so none is lost when the process ends; the program's own output goes to
// stdout and stderr, which the parent forwards to its stderr.
import * as fs from "fs";
import * as path from "path";
import { recordProgram, type RecordRequest } from "./recorder";

export type ChildMessage =
    | { kind: "progress"; resources: number }
    | { kind: "result"; input: unknown }
    | { kind: "failed"; reason: "error" | "exit" | "unsettled" | "missing-config"; message: string };

const CHANNEL = 3;

function send(message: ChildMessage): void {
    const line = Buffer.from(`${JSON.stringify(message)}\n`);
    for (let offset = 0; offset < line.length;) {
        try {
            offset += fs.writeSync(CHANNEL, line, offset);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        }
    }
}

const realExit = process.exit.bind(process);
let settled = false;

function finish(message: ChildMessage): never {
    settled = true;
    send(message);
    // @pulumi/pulumi's exit hook would report "promises still active" for a program that is done.
    process.removeAllListeners("exit");
    return realExit(0);
}

function firstLine(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.split(/\r?\n/).find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

function fail(error: unknown): never {
    const message = firstLine(error);
    const missing = /^Missing required configuration variable '([^']+)'/.exec(message);
    return finish(missing ? { kind: "failed", reason: "missing-config", message: missing[1] } : { kind: "failed", reason: "error", message });
}

function leakedPromiseCount(programDir: string): number | undefined {
    try {
        const debuggable = require(path.join(path.dirname(require.resolve("@pulumi/pulumi", { paths: [programDir] })), "runtime", "debuggable"));
        const [leaks] = debuggable.leakedPromises() as [Set<unknown>, string];
        return leaks.size;
    } catch {
        return undefined;
    }
}

function main(): void {
    const request = JSON.parse(process.argv[2]) as RecordRequest;
    process.exit = ((code?: number | string | null) => {
        if (settled) return realExit(Number(code ?? 0));
        return finish({ kind: "failed", reason: "exit", message: `called process.exit(${code ?? ""}) before it finished` });
    }) as typeof process.exit;
    process.on("uncaughtException", fail);
    process.on("unhandledRejection", fail);
    // Nothing left to run, yet the program has not finished: it waits on a promise that never settles.
    process.on("beforeExit", () => {
        if (settled) return;
        const count = leakedPromiseCount(request.programDir);
        const pending = count ? ` (${count} Pulumi operation${count === 1 ? "" : "s"} still pending, e.g. a resource input that never resolves)` : "";
        finish({ kind: "failed", reason: "unsettled", message: `did not finish: it waits on a promise that never settles${pending}` });
    });
    let last = 0;
    recordProgram(request, {
        onProgress: (resources) => {
            const now = Date.now();
            if (now - last < 200) return;
            last = now;
            send({ kind: "progress", resources });
        },
    }).then((input) => finish({ kind: "result", input }), fail);
}

main();
