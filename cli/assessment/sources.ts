// The stacks an assessment reads: export files, directories of them and stdin. Each is read only
// when its turn comes, so a large estate is never in memory at once; a missing path is bad input
// (exit 2) before anything is scanned, an unreadable export is that stack's error.
import * as fs from "fs";
import * as path from "path";
import { CliError } from "../errors";
import { decodeInputText, readStdin, statInput } from "../input-text";
import type { ScanInput } from "../resources";
import { readStackExport } from "../stack-export";

export interface StackSource {
    /** What is read, for progress lines and the report: a file, "stdin", or the Pulumi command. */
    label: string;
    /** The stack's name when its export has no resource URN to take `<project>/<stack>` from. */
    fallbackName: string;
    load(): Promise<ScanInput>;
}

const EXPORT = "the output of `pulumi stack export`";

function fileSource(file: string): StackSource {
    const label = path.relative(process.cwd(), file).split(path.sep).join("/") || file;
    return {
        label,
        fallbackName: path.basename(file, ".json"),
        load: async () => {
            let bytes: Buffer;
            try {
                bytes = await fs.promises.readFile(file);
            } catch (error) {
                throw new CliError(`cannot read ${label}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
            }
            return readStackExport(decodeInputText(bytes, label, EXPORT), label);
        },
    };
}

function stdinSource(): StackSource {
    return {
        label: "stdin",
        fallbackName: "stdin",
        load: async () => readStackExport(decodeInputText(await readStdin(), "stdin", EXPORT), "stdin"),
    };
}

/** Inputs in the order given; a directory contributes its `*.json` files (not recursing), by name. */
export function exportSources(targets: readonly string[]): StackSource[] {
    const sources: StackSource[] = [];
    const seen = new Set<string>();
    const addFile = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        sources.push(fileSource(file));
    };
    for (const target of targets) {
        if (target === "-") {
            if (seen.has("-")) throw new CliError("assess: - (stdin) given more than once");
            seen.add("-");
            sources.push(stdinSource());
            continue;
        }
        const stat = statInput(target, "assess");
        if (!stat.isDirectory()) {
            addFile(path.resolve(target));
            continue;
        }
        const inside = fs.readdirSync(target).filter((name) => name.endsWith(".json")).sort()
            .map((name) => path.resolve(target, name)).filter((file) => fs.statSync(file).isFile());
        if (inside.length === 0) throw new CliError(`assess: ${target} holds no .json files (expected \`pulumi stack export\` files)`);
        inside.forEach(addFile);
    }
    return sources;
}
