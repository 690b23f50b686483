// Shared by the protocol specs: start the compiled pack the way the Pulumi CLI does, build resources
// in the shape the client sends, and read a rule's verdict out of an Analyze response.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { AnalyzerClient, type AnalyzeResult, type Diagnostic } from "../../cli/analyzer-client";
import { repoRoot, urnFor } from "../harness";

export async function startCompiledPack(): Promise<AnalyzerClient> {
    assert.ok(fs.existsSync(path.join(repoRoot, "bin", "index.js")), "bin/index.js is missing: run `npm run build` first");
    return AnalyzerClient.start({ packDir: repoRoot, startTimeoutMs: 45_000 });
}

export function resource(type: string, name: string, properties: Record<string, unknown>) {
    return { type, name, urn: urnFor(type, name), properties };
}

/** The diagnostics one rule reported. */
export function of(result: AnalyzeResult, policyName: string): Diagnostic[] {
    return result.diagnostics.filter((diagnostic) => diagnostic.policyName === policyName);
}

/** Why one rule said it did not apply, if it did. */
export function reasonOf(result: AnalyzeResult, policyName: string): string | undefined {
    return result.notApplicable.find((entry) => entry.policyName === policyName)?.reason;
}

/** A response as text for assertion messages. */
export function show(result: unknown): string {
    return JSON.stringify(result, null, 1);
}

/** Starts the compiled pack before a suite's tests (after GetAnalyzerInfo and `setup`) and closes it after. */
export function useCompiledPack(setup?: (client: AnalyzerClient) => Promise<unknown>): () => AnalyzerClient {
    let client: AnalyzerClient | undefined;
    before(async function () {
        this.timeout(60_000);
        client = await startCompiledPack();
        await client.getAnalyzerInfo();
        await setup?.(client);
    });
    after(async function () {
        this.timeout(15_000);
        await client?.close();
    });
    return () => {
        assert.ok(client, "the pack did not start");
        return client;
    };
}
