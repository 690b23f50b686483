// Records the resources of a Pulumi TypeScript program (see recordProgram). Not yet implemented.
import { CliError } from "./errors";
import type { ScanInput } from "./resources";

export async function recordProgram(dir: string, _config: readonly string[]): Promise<ScanInput> {
    throw new CliError(`scan: ${dir} is a directory; scanning programs is not supported yet`);
}
