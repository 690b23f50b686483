// The analyzer client's failure modes: every start-up problem is a one-line error that says what
// went wrong, and no pack process is ever left running.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";
import { AnalyzerClient, reconcilePolicyConfig, type PolicyInfo } from "../../cli/analyzer-client";

const packDir = repoRoot;

/** Pids of processes whose command line mentions `text` (Linux /proc; empty elsewhere). */
function processesMentioning(text: string): number[] {
    if (!fs.existsSync("/proc/self/cmdline")) return [];
    const pids: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^[0-9]+$/.test(entry)) continue;
        try {
            const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8");
            if (cmdline.includes(text)) pids.push(Number(entry));
        } catch {
            // gone meanwhile
        }
    }
    return pids;
}

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof Error, `rejected with a non-Error: ${String(error)}`);
        return error;
    }
    assert.fail("expected a rejection");
}

function assertOneLine(error: Error) {
    assert.ok(!error.message.includes("\n"), `not one line: ${JSON.stringify(error.message)}`);
}

describe("protocol: analyzer client failure modes", function () {
    this.timeout(30_000);
    let root: string;

    /** A fake pack whose entry point is `source`, using the repository's node_modules. */
    function fakePack(name: string, source: string): string {
        const dir = path.join(root, name);
        fs.mkdirSync(dir);
        fs.symlinkSync(path.join(packDir, "node_modules"), path.join(dir, "node_modules"), "dir");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name, version: "0.0.1", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), source);
        return dir;
    }

    before(() => {
        root = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-client-"));
    });

    after(() => {
        for (const pid of processesMentioning(root)) {
            try {
                process.kill(pid, "SIGKILL");
            } catch {
                // already gone
            }
        }
        fs.rmSync(root, { recursive: true, force: true });
    });

    it("refuses a directory that is not a pack", async () => {
        const error = await rejection(AnalyzerClient.start({ packDir: root }));
        assert.match(error.message, /not a policy pack directory/);
        assertOneLine(error);
    });

    it("asks for npm install when the pack has no node_modules", async () => {
        const dir = path.join(root, "no-modules");
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", version: "0.0.1" }));
        const error = await rejection(AnalyzerClient.start({ packDir: dir }));
        assert.match(error.message, /run `npm install`/);
    });

    it("reports a pack that crashes while loading, with its stderr", async () => {
        const dir = fakePack("crashes", "throw new Error('boom while loading');\n");
        const error = await rejection(AnalyzerClient.start({ packDir: dir }));
        assert.match(error.message, /exited \(code \d+\) before it reported its port/);
        assert.match(error.message, /boom while loading/);
        assertOneLine(error);
        assert.deepStrictEqual(processesMentioning(dir), []);
    });

    it("reports a pack that prints to stdout before its port, and stops it", async () => {
        const dir = fakePack("chatty", "console.log('hello from the pack');\nsetInterval(() => {}, 1000);\n");
        const error = await rejection(AnalyzerClient.start({ packDir: dir }));
        assert.match(error.message, /printed "hello from the pack" on stdout before its port/);
        assertOneLine(error);
        assert.deepStrictEqual(processesMentioning(dir), []);
    });

    it("times out on a pack that never reports a port, and stops it", async () => {
        const dir = fakePack("silent", "console.error('still loading');\nsetInterval(() => {}, 1000);\n");
        const started = Date.now();
        // Long enough for a loaded machine to load the pack and print to stderr before the timeout.
        const error = await rejection(AnalyzerClient.start({ packDir: dir, startTimeoutMs: 6000 }));
        assert.ok(Date.now() - started < 20_000, "the timeout was not honoured");
        assert.match(error.message, /did not report its port within 6000 ms/);
        assert.match(error.message, /still loading/);
        assertOneLine(error);
        assert.deepStrictEqual(processesMentioning(dir), []);
    });

    describe("with the real pack", () => {
        it("accepts any engine address: run-policy-pack drops it and the SDK never dials it", async () => {
            const client = await AnalyzerClient.start({ packDir, engineAddress: "127.0.0.1:1" });
            try {
                assert.strictEqual((await client.getAnalyzerInfo()).name, "snapshot-guard");
                assert.match((await client.getPluginInfo()).version, /^[0-9]+\.[0-9]+/);
            } finally {
                await client.close();
            }
        });

        it("close() stops the pack, is idempotent, and later calls fail clearly", async () => {
            const client = await AnalyzerClient.start({ packDir });
            const pid = client.pid;
            assert.ok(pid && isAlive(pid));
            await client.close();
            await client.close();
            assert.ok(!isAlive(pid), "the pack is still running after close()");
            const error = await rejection(client.getAnalyzerInfo());
            assert.match(error.message, /closed/);
        });

        it("a pack that dies mid-session gives a one-line error, not a hang", async () => {
            const client = await AnalyzerClient.start({ packDir, callTimeoutMs: 10_000 });
            try {
                process.kill(client.pid!, "SIGKILL");
                while (isAlive(client.pid!)) await new Promise((resolve) => setTimeout(resolve, 20));
                const error = await rejection(client.analyze({ type: "aws:ebs/volume:Volume", name: "v", urn: "urn:pulumi:dev::demo::aws:ebs/volume:Volume::v", properties: {} }));
                assert.match(error.message, /^analyze failed \(/);
                assertOneLine(error);
            } finally {
                await client.close();
            }
        });

        it("carries a large request (well over gRPC's 4 MB default)", async () => {
            const client = await AnalyzerClient.start({ packDir });
            try {
                await client.configure({});
                const big = "x".repeat(6 * 1024 * 1024);
                const result = await client.analyze({
                    type: "aws:ebs/volume:Volume", name: "big", urn: "urn:pulumi:dev::demo::aws:ebs/volume:Volume::big",
                    properties: { encrypted: true, tags: { blob: big } },
                });
                assert.deepStrictEqual(result.diagnostics.filter((diagnostic) => diagnostic.policyName === "aws-volumes-encrypted"), []);
            } finally {
                await client.close();
            }
        });
    });

    describe("config reconciliation (pure)", () => {
        const policies: PolicyInfo[] = [
            {
                name: "p1", displayName: "", description: "", enforcementLevel: "mandatory", policyType: "resource",
                remediationSteps: "", url: "", tags: [],
                configSchema: { properties: { exemptions: { type: "array", default: [] }, minRetentionDays: { type: "integer", default: 7 }, max: { type: "integer" } }, required: [] },
            },
            { name: "p2", displayName: "", description: "", enforcementLevel: "advisory", policyType: "stack", remediationSteps: "", url: "", tags: [] },
        ];

        it("starts from defaults, applies all, then per-policy levels and properties", () => {
            const { config, ignored } = reconcilePolicyConfig(policies, {
                all: "advisory",
                p1: { minRetentionDays: 14, max: 30 },
                p2: "disabled",
                typo: "mandatory",
            });
            assert.deepStrictEqual(config, {
                p1: { enforcementLevel: "advisory", properties: { exemptions: [], minRetentionDays: 14, max: 30 } },
                p2: { enforcementLevel: "disabled", properties: {} },
            });
            assert.deepStrictEqual(ignored, ["typo"]);
        });

        it("applies the pack's initial config before the given config", () => {
            const { config } = reconcilePolicyConfig(policies, { p1: { max: 1 } }, { p1: { enforcementLevel: "advisory", properties: { max: 9, minRetentionDays: 3 } } });
            assert.deepStrictEqual(config.p1, { enforcementLevel: "advisory", properties: { exemptions: [], minRetentionDays: 3, max: 1 } });
        });

        it("rejects unknown levels and malformed entries", () => {
            assert.throws(() => reconcilePolicyConfig(policies, { p1: "blocking" as never }), /invalid enforcement level "blocking" for "p1"/);
            assert.throws(() => reconcilePolicyConfig(policies, { p1: { enforcementLevel: "x" as never } }), /invalid enforcement level/);
            assert.throws(() => reconcilePolicyConfig(policies, { p1: 3 as never }), /must be an enforcement level or an object/);
        });
    });
});
