// The CLI reads config written under a renamed rule's former id as config of the current id, with
// a one-line notice naming the new id.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const FORMER = "aws-backup-vault-locked";
const CURRENT = "aws-backup-recovery-points-protected";
const notice = (command: string) => new RegExp(`^snapshot-guard ${command}: notice: .*"${FORMER}" is a former id of "${CURRENT}"`, "m");

function configFile(config: unknown): string {
    const file = path.join(tempDir(), "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}

describe("cli: former rule ids", () => {
    it("config --level FORMER=… writes the current id, with a notice", () => {
        const run = cli(["config", "--level", `${FORMER}=mandatory`]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stderr, notice("config"));
        const config = JSON.parse(run.stdout);
        assert.strictEqual(config[CURRENT].enforcementLevel, "mandatory");
        assert.ok(!(FORMER in config));
    });

    it("scan applies config written under the former id to the current id", function () {
        this.timeout(120_000);
        const file = configFile({ [FORMER]: { enforcementLevel: "mandatory" } });
        const run = cli(["scan", path.join("examples", "aws-insecure"), "--policy-pack-config", file, "--format", "json"]);
        assert.strictEqual(run.status, 1, run.stderr);
        assert.match(run.stderr, notice("scan"));
        const findings = JSON.parse(run.stdout).findings as Array<{ policy: string; level: string }>;
        assert.deepStrictEqual([...new Set(findings.filter((finding) => finding.policy === CURRENT).map((finding) => finding.level))], ["mandatory"]);
        assert.ok(!findings.some((finding) => finding.policy === FORMER));
    });

    it("scan refuses a config that sets both the former and the current id", () => {
        const file = configFile({ [FORMER]: "mandatory", [CURRENT]: "advisory" });
        assertOneLineError(cli(["scan", path.join(fixtures, "stack-export.json"), "--policy-pack-config", file]), /configure the same rule/);
    });

    it("explain FORMER explains the current rule, with a notice", () => {
        const run = cli(["explain", FORMER]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stderr, notice("explain"));
        assert.match(run.stdout, new RegExp(`^${CURRENT}: `));
    });
});
