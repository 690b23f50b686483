// Loading a program's TypeScript the way `pulumi preview` does (ts-node, transpile only): a
// CommonJS require hook for `.ts`, and for ES module programs Node's module hooks (esm-hooks.ts).
// Inline source maps make stack traces, and so the source positions @pulumi/pulumi records for
// each resource, point at the TypeScript lines.
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { CliError } from "../errors";

export interface TypeScriptApi {
    transpileModule(input: string, options: { fileName: string; compilerOptions: Record<string, unknown> }): { outputText: string };
    ModuleKind: Record<string, unknown>;
    ScriptTarget: Record<string, unknown>;
}

/** The program's own TypeScript if it has one, else the one installed with snapshot-guard. */
export function typeScriptPath(programDir: string): string {
    for (const [id, paths] of [["typescript", [programDir]], ["typescript-5", undefined], ["typescript", undefined]] as const) {
        try {
            return require.resolve(id, paths ? { paths: [...paths] } : undefined);
        } catch {
            // try the next one
        }
    }
    throw new CliError("scan: recording a TypeScript program needs the typescript package (install it in the program, or install snapshot-guard's dev dependencies with `npm ci`)");
}

export function transpile(ts: TypeScriptApi, source: string, fileName: string, esm: boolean): string {
    return ts.transpileModule(source, {
        fileName,
        compilerOptions: {
            module: esm ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
            target: ts.ScriptTarget.ES2022,
            esModuleInterop: true, experimentalDecorators: true, inlineSourceMap: true,
        },
    }).outputText;
}

/** Compiles `.ts` (and `.cts`) files loaded with require. */
export function installRequireHook(typescript: string): void {
    const extensions = require.extensions as NodeJS.RequireExtensions;
    const ts = require(typescript) as TypeScriptApi;
    const compile = (module: NodeModule, filename: string) => {
        const output = transpile(ts, fs.readFileSync(filename, "utf8"), filename, false);
        (module as unknown as { _compile(code: string, file: string): void })._compile(output, filename);
    };
    extensions[".ts"] ??= compile;
    extensions[".cts"] ??= compile;
}

/** Registers the ES module hooks: `.ts` files compile, `./x.js` imports find `./x.ts`. */
export function registerModuleHooks(typescript: string): void {
    const { register } = require("module") as { register?: (specifier: string, parentURL: string, options?: { data?: unknown }) => void };
    if (!register) throw new CliError(`scan: ES module programs need Node.js 20.6 or later (this is ${process.version})`);
    register(pathToFileURL(path.join(__dirname, "esm-hooks.js")).href, pathToFileURL(__filename).href, { data: { typescript } });
}
