// Microsoft's SARIF multitool (dev dependency @microsoft/sarif-multitool: a self-contained .NET
// binary per platform) validates SARIF logs with its SARIF rules and GitHub's ingestion rules, and
// ships the SARIF 2.1.0 JSON schema it validates against.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface MultitoolProblem {
    /** Index of the log in the list given to multitoolProblems. */
    log: number;
    ruleId: string;
    level: string;
    message: string;
}

/** The multitool binary of this platform, or undefined when the optional platform package is missing. */
export function multitoolPath(): string | undefined {
    try {
        // eslint-disable-next-line @typescript-eslint/no-var-requires
        const binary = require("@microsoft/sarif-multitool") as string;
        return fs.existsSync(binary) ? binary : undefined;
    } catch {
        return undefined;
    }
}

/** The SARIF 2.1.0 JSON schema the multitool package ships. */
export function sarifSchemaPath(multitool: string): string {
    return path.join(path.dirname(multitool), "sarif-2.1.0.json");
}

/** `validate --rule-kind Gh;Sarif` over the logs: every problem the multitool reports, by log. */
export function multitoolProblems(multitool: string, logs: readonly unknown[]): MultitoolProblem[] {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-sarif-"));
    try {
        const files = logs.map((log, index) => {
            const file = path.join(dir, `log-${index}.sarif`);
            fs.writeFileSync(file, JSON.stringify(log, null, 2));
            return file;
        });
        const output = path.join(dir, "validation.sarif");
        const run = spawnSync(multitool, ["validate", "--rule-kind", "Gh;Sarif", "--output", output, ...files], { encoding: "utf8", timeout: 120_000 });
        if (run.status !== 0 || !fs.existsSync(output)) {
            throw new Error(`the SARIF multitool failed (${run.error?.message ?? `exit ${run.status}`}): ${run.stdout}${run.stderr}`);
        }
        const validation = JSON.parse(fs.readFileSync(output, "utf8"));
        const validationRun = validation.runs[0];
        if (validationRun.invocations?.[0]?.executionSuccessful !== true) throw new Error(`the SARIF multitool did not complete: ${run.stdout}`);
        const rules = validationRun.tool?.driver?.rules ?? [];
        return (validationRun.results ?? []).map((result: any) => ({
            log: files.findIndex((file) => result.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.endsWith(`/${path.basename(file)}`)),
            ruleId: result.ruleId,
            // a result without a level has its rule's default level (SARIF 3.27.10)
            level: result.level ?? rules[result.ruleIndex]?.defaultConfiguration?.level ?? "warning",
            message: result.message?.text ?? `${result.message?.id}: ${(result.message?.arguments ?? []).join(", ")}`,
        }));
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
