// `--all-stacks`: every stack of the backend the installed Pulumi CLI is logged in to (Pulumi Cloud,
// a self-hosted service or a file/object-store backend alike): `pulumi stack ls --all --json`, then
// `pulumi stack export --stack NAME` as each stack's turn comes. Secrets stay encrypted: the export
// is never asked to show them.
import { execFile } from "child_process";
import { isRecord } from "../../core/wire";
import { CliError, oneLineError } from "../errors";
import { decodeInputText } from "../input-text";
import { readStackExport } from "../stack-export";
import type { StackSource } from "./sources";

const LIST_TIMEOUT_MS = 5 * 60 * 1000;
const EXPORT_TIMEOUT_MS = 10 * 60 * 1000;
/** Node's largest string is about 512 MiB; an export larger than that cannot be parsed anyway. */
const MAX_OUTPUT_BYTES = 512 * 1024 * 1024;

interface Run {
    status: number;
    stdout: Buffer;
    stderr: string;
}

function runPulumi(pulumi: string, args: readonly string[], timeout: number): Promise<Run> {
    return new Promise((resolve, reject) => {
        execFile(pulumi, [...args, "--non-interactive"], { encoding: "buffer", timeout, maxBuffer: MAX_OUTPUT_BYTES, windowsHide: true },
            (error, stdout, stderr) => {
                const code = (error as NodeJS.ErrnoException | null)?.code;
                if (code === "ENOENT") {
                    reject(new CliError(`assess: --all-stacks runs the Pulumi CLI, but \`${pulumi}\` was not found on PATH`));
                } else if (error && (error as { killed?: boolean }).killed) {
                    reject(new CliError(`\`pulumi ${args.join(" ")}\` did not finish within ${Math.round(timeout / 60000)} minutes`));
                } else if (code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
                    reject(new CliError(`\`pulumi ${args.join(" ")}\` wrote more than ${MAX_OUTPUT_BYTES / 1024 ** 2} MiB`));
                } else {
                    resolve({ status: typeof code === "number" ? code : error ? 1 : 0, stdout, stderr: stderr.toString("utf8") });
                }
            });
    });
}

/** The line of Pulumi's stderr that says what went wrong (its `error:` line, else the last line). */
export function pulumiError(stderr: string): string {
    const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const line = lines.find((candidate) => /^error:/i.test(candidate)) ?? lines[lines.length - 1] ?? "no message";
    const text = oneLineError(line.replace(/^error:\s*/i, ""));
    return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** Stack names (as `pulumi stack ls` prints them, e.g. `acme/shop/prod`) from its --json output. */
export function stackNames(json: string): string[] {
    let parsed: unknown;
    try {
        parsed = JSON.parse(json);
    } catch {
        throw new CliError("assess: `pulumi stack ls --all --json` did not print JSON");
    }
    if (!Array.isArray(parsed) || !parsed.every((entry) => isRecord(entry) && typeof entry.name === "string" && entry.name !== "")) {
        throw new CliError("assess: `pulumi stack ls --all --json` did not print a list of stacks with names");
    }
    return (parsed as Array<{ name: string }>).map((entry) => entry.name);
}

export async function pulumiStackSources(pulumi = "pulumi"): Promise<StackSource[]> {
    const listed = await runPulumi(pulumi, ["stack", "ls", "--all", "--json"], LIST_TIMEOUT_MS);
    if (listed.status !== 0) throw new CliError(`assess: \`pulumi stack ls --all\` failed: ${pulumiError(listed.stderr)}`);
    const names = stackNames(listed.stdout.toString("utf8"));
    if (names.length === 0) throw new CliError("assess: `pulumi stack ls --all` lists no stacks (is the Pulumi CLI logged in to the right backend?)");
    return names.map((name) => {
        const label = `pulumi stack export --stack ${name}`;
        return {
            label,
            fallbackName: name.split("/").slice(-2).join("/"),
            load: async () => {
                const exported = await runPulumi(pulumi, ["stack", "export", "--stack", name], EXPORT_TIMEOUT_MS);
                if (exported.status !== 0) throw new CliError(`\`${label}\` failed: ${pulumiError(exported.stderr)}`);
                return readStackExport(decodeInputText(exported.stdout, label, "the output of `pulumi stack export`"), label);
            },
        };
    });
}
