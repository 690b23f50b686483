// `snapshot-guard baseline` on a recorded stack and on a program: existing mandatory findings are
// exempted by URN until the expiry, a new violating resource still blocks, and after the expiry
// the old findings block again with the expired-exemption note.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { checkExpiry, withExemptions } from "../../cli/commands/baseline";
import { CliError } from "../../cli/errors";
import { assertOneLineError, cli, fixtures, tempDir } from "./helpers";

const DAY_MS = 24 * 60 * 60 * 1000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
const EXPIRES = dateIn(90);
const REASON = "existing before snapshot-guard; fixed in OPS-7";
const stackExport = JSON.parse(fs.readFileSync(path.join(fixtures, "stack-export.json"), "utf8"));

interface Finding { policy: string; level: string; urn: string; name: string; message: string }

function scanJson(input: string, config: string): { status: number | null; findings: Finding[]; stderr: string; stdout: string } {
    const run = cli(["scan", input, "--policy-pack-config", config, "--format", "json"]);
    return { status: run.status, stderr: run.stderr, stdout: run.stdout, findings: run.stdout ? JSON.parse(run.stdout).findings : [] };
}

function mandatoryPairs(findings: readonly Finding[]): string[] {
    return [...new Set(findings.filter((finding) => finding.level === "mandatory").map((finding) => `${finding.policy} ${finding.urn}`))].sort();
}

describe("cli: baseline", function () {
    this.timeout(180_000);
    let dir: string;
    let stackFile: string;
    let baselineFile: string;
    let existing: Finding[];

    before(() => {
        dir = tempDir();
        stackFile = path.join(dir, "stack.json");
        fs.writeFileSync(stackFile, JSON.stringify(stackExport));
        fs.writeFileSync(path.join(dir, "given.json"), JSON.stringify({ "aws-images-not-public": { trustedAccountIds: ["111122223333"] }, "aws-db-backups-retained": "advisory" }));
        const scanned = scanJson(stackFile, path.join(dir, "given.json"));
        assert.strictEqual(scanned.status, 1, "the recorded stack has mandatory findings to baseline");
        existing = scanned.findings;
        baselineFile = path.join(dir, "baseline.json");
        const run = cli(["baseline", stackFile, "--reason", REASON, "--expires", EXPIRES, "--policy-pack-config", path.join(dir, "given.json"), "--output", baselineFile]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.strictEqual(run.stdout, "");
        assert.match(run.stderr, /baseline: \d+ existing mandatory findings? across \d+ rules?; \d+ exemptions? added, expiring /);
    });

    it("writes one exemption per existing mandatory finding, by exact URN and rule, merged into the given config", () => {
        const config = JSON.parse(fs.readFileSync(baselineFile, "utf8"));
        assert.deepStrictEqual(config["aws-images-not-public"].trustedAccountIds, ["111122223333"]);
        assert.strictEqual(config["aws-db-backups-retained"], "advisory", "a rule made advisory gets no exemptions");
        const exempted = Object.entries(config).flatMap(([policy, entry]) =>
            ((entry as { exemptions?: Array<{ resource: string; reason: string; expires: string }> }).exemptions ?? []).map((exemption) => {
                assert.deepStrictEqual([exemption.reason, exemption.expires], [REASON, EXPIRES]);
                assert.ok(exemption.resource.startsWith("urn:pulumi:") && !/[*?]/.test(exemption.resource), `not an exact URN: ${exemption.resource}`);
                return `${policy} ${exemption.resource}`;
            }));
        assert.deepStrictEqual(exempted.sort(), mandatoryPairs(existing));
    });

    it("lets the existing resources pass and shows them as exempted", () => {
        const json = scanJson(stackFile, baselineFile);
        assert.strictEqual(json.status, 0, json.stderr);
        assert.deepStrictEqual(mandatoryPairs(json.findings), []);
        const text = cli(["scan", stackFile, "--policy-pack-config", baselineFile]);
        assert.match(text.stdout, /\n\d+ findings? exempted by policy config/);
    });

    it("changes nothing when run again on the same stack", () => {
        const again = path.join(dir, "again.json");
        const run = cli(["baseline", stackFile, "--reason", REASON, "--expires", EXPIRES, "--policy-pack-config", baselineFile, "--output", again]);
        assert.strictEqual(run.status, 0, run.stderr);
        assert.match(run.stderr, /0 exemptions added/);
        assert.strictEqual(fs.readFileSync(again, "utf8"), fs.readFileSync(baselineFile, "utf8"));
    });

    it("still blocks a new unencrypted volume, and only that", () => {
        const grown = structuredClone(stackExport);
        grown.deployment.resources.push({
            urn: "urn:pulumi:prod::shop::aws:ebs/volume:Volume::new-data", custom: true, id: "vol-0bbbbbbbbbbbbbbbb",
            type: "aws:ebs/volume:Volume", inputs: { availabilityZone: "eu-west-1a", size: 10 }, outputs: { availabilityZone: "eu-west-1a", size: 10, encrypted: false },
            provider: "urn:pulumi:prod::shop::pulumi:providers:aws::default_7_0_0::11111111-2222-3333-4444-555555555555",
        });
        const grownFile = path.join(dir, "grown.json");
        fs.writeFileSync(grownFile, JSON.stringify(grown));
        const json = scanJson(grownFile, baselineFile);
        assert.strictEqual(json.status, 1, json.stderr);
        const blocking = mandatoryPairs(json.findings);
        assert.ok(blocking.length > 0);
        assert.deepStrictEqual(blocking.filter((pair) => !pair.endsWith("::new-data")), []);
        assert.ok(blocking.includes("aws-volumes-encrypted urn:pulumi:prod::shop::aws:ebs/volume:Volume::new-data"));
    });

    it("blocks the old findings again once the exemptions expired, saying which exemption expired", () => {
        const expired = fs.readFileSync(baselineFile, "utf8").split(`"expires": "${EXPIRES}"`).join(`"expires": "${dateIn(-2)}"`);
        const expiredFile = path.join(dir, "expired.json");
        fs.writeFileSync(expiredFile, expired);
        const json = scanJson(stackFile, expiredFile);
        assert.strictEqual(json.status, 1, json.stderr);
        assert.deepStrictEqual(mandatoryPairs(json.findings), mandatoryPairs(existing));
        for (const finding of json.findings.filter((entry) => entry.level === "mandatory")) {
            assert.match(finding.message, new RegExp(`the exemption for "${finding.urn.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}" expired on ${dateIn(-2)}: ${REASON}`));
        }
    });

    it("baselines a program directory the same way", () => {
        const output = path.join(dir, "program-baseline.json");
        const run = cli(["baseline", path.join("examples", "aws-insecure"), "--reason", REASON, "--expires", EXPIRES, "--output", output]);
        assert.strictEqual(run.status, 0, run.stderr);
        const json = scanJson(path.join("examples", "aws-insecure"), output);
        assert.strictEqual(json.status, 0, json.stderr);
        assert.deepStrictEqual(mandatoryPairs(json.findings), []);
    });

    it("refuses a missing reason or expiry, a past expiry and one more than a year ahead unless --max-expiry allows it", () => {
        const out = path.join(dir, "refused.json");
        assertOneLineError(cli(["baseline", stackFile, "--expires", EXPIRES, "--output", out]), /--reason TEXT is required/);
        assertOneLineError(cli(["baseline", stackFile, "--reason", REASON, "--output", out]), /--expires YYYY-MM-DD is required/);
        assertOneLineError(cli(["baseline", stackFile, "--reason", REASON, "--expires", dateIn(-1), "--output", out]), /is in the past/);
        assertOneLineError(cli(["baseline", stackFile, "--reason", REASON, "--expires", dateIn(400), "--output", out]), /more than 365; give --max-expiry/);
        assertOneLineError(cli(["baseline", stackFile, "--reason", REASON, "--expires", "2027-02-30", "--output", out]), /YYYY-MM-DD/);
        assertOneLineError(cli(["baseline", stackFile, "--reason", REASON, "--expires", EXPIRES]), /--output FILE is required/);
        assert.ok(!fs.existsSync(out));
        const from = new Date("2026-01-01T00:00:00Z");
        assert.strictEqual(checkExpiry("2027-03-01", "500", from), "2027-03-01");
        assert.throws(() => checkExpiry("2027-03-01", undefined, from), CliError);
    });

    it("never widens an exemption: only exact URNs, nothing added twice", () => {
        const urn = "urn:pulumi:prod::shop::aws:ebs/volume:Volume::a";
        const { config, added } = withExemptions({ "aws-volumes-encrypted": "mandatory" }, [{ policy: "aws-volumes-encrypted", urn }, { policy: "aws-volumes-encrypted", urn }], "r", "2027-01-01");
        assert.strictEqual(added, 1);
        assert.deepStrictEqual(config["aws-volumes-encrypted"], { enforcementLevel: "mandatory", exemptions: [{ resource: urn, reason: "r", expires: "2027-01-01" }] });
    });
});
