// Node.js module customization hooks for recording an ES module program written in TypeScript
// (registered by typescript.ts; they run on Node's loader thread). As TypeScript's NodeNext
// resolution: an import of `./x.js` loads `./x.ts` when only that exists (likewise .mjs → .mts).
import * as fs from "fs";
import { fileURLToPath } from "url";
import { transpile, type TypeScriptApi } from "./typescript";

let ts: TypeScriptApi | undefined;

export function initialize(data: { typescript: string }): void {
    ts = require(data.typescript) as TypeScriptApi;
}

interface Resolved { url: string; format?: string | null; shortCircuit?: boolean }
interface Loaded { format: string; source?: string | Buffer | null; shortCircuit?: boolean }

const typeScriptTwin: Record<string, string> = { ".js": ".ts", ".mjs": ".mts", ".cjs": ".cts" };

export async function resolve(specifier: string, context: { parentURL?: string }, next: (specifier: string, context: unknown) => Promise<Resolved>): Promise<Resolved> {
    try {
        return await next(specifier, context);
    } catch (error) {
        const extension = /\.[cm]?js$/.exec(specifier)?.[0];
        if (!extension || !(specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("file:"))) throw error;
        const twin = specifier.slice(0, -extension.length) + typeScriptTwin[extension];
        const url = new URL(twin, context.parentURL);
        if (url.protocol !== "file:" || !fs.existsSync(fileURLToPath(url))) throw error;
        return next(twin, context);
    }
}

export async function load(url: string, context: { format?: string | null }, next: (url: string, context: unknown) => Promise<Loaded>): Promise<Loaded> {
    if (!ts || !url.startsWith("file:") || !/\.[cm]?ts$/.test(url)) return next(url, context);
    const file = fileURLToPath(url);
    // A .ts file in a "type": "module" package (or .mts) is an ES module; .cts is CommonJS and
    // goes through require, whose hook compiles it.
    if (url.endsWith(".cts")) return next(url, { ...context, format: "commonjs" });
    return { format: "module", source: transpile(ts, fs.readFileSync(file, "utf8"), file, true), shortCircuit: true };
}
