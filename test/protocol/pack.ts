// Starts the compiled pack the way the Pulumi CLI does, for the protocol specs' before() hooks.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { AnalyzerClient } from "../../cli/analyzer-client";
import { repoRoot } from "../harness";

export async function startCompiledPack(): Promise<AnalyzerClient> {
    assert.ok(fs.existsSync(path.join(repoRoot, "bin", "index.js")), "bin/index.js is missing: run `npm run build` first");
    return AnalyzerClient.start({ packDir: repoRoot, startTimeoutMs: 45_000 });
}
