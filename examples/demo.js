// `npm run demo`: scans the bundled examples with the compiled CLI and prints their findings, one
// line per rule with the resources it flags (the same view as the tables in the examples' READMEs).
// `npm run demo -- --full` prints the CLI's full text report instead (problem, property path and fix
// per finding); `npm run demo -- aws-insecure` scans only the examples named.
// Exits 0 when every example gives exactly its expected findings (insecure ones are blocked,
// compliant ones pass), 1 otherwise.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "bin", "cli", "main.js");
const argv = process.argv.slice(2);
const full = argv.includes("--full");
const only = argv.filter((arg) => !arg.startsWith("--"));
const examples = fs.readdirSync(__dirname)
    .filter((name) => fs.existsSync(path.join(__dirname, name, "Pulumi.yaml")))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort((a, b) => Number(b.endsWith("-insecure")) - Number(a.endsWith("-insecure")) || a.localeCompare(b));

const plural = (count, word) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One line per (level, rule): the resources it flags, mandatory rules first. */
function summary(report) {
    const rows = new Map();
    for (const finding of report.findings) {
        const key = `${finding.level === "mandatory" ? 0 : 1} ${finding.policy}`;
        const row = rows.get(key) ?? { level: finding.level, rule: finding.policy, resources: new Set() };
        row.resources.add(finding.name);
        rows.set(key, row);
    }
    const width = Math.max(0, ...[...rows.values()].map((row) => row.rule.length));
    return [...rows.keys()].sort().map((key) => {
        const row = rows.get(key);
        return `  ${row.level.padEnd(9)}  ${row.rule.padEnd(width)}  ${[...row.resources].sort().join(", ")}`;
    });
}

let ok = true;
for (const name of examples) {
    const dir = path.join("examples", name);
    const expected = JSON.parse(fs.readFileSync(path.join(__dirname, name, "expected-findings.json"), "utf8"));
    const args = [cli, "scan", dir];
    if (expected.policyPackConfig) args.push("--policy-pack-config", path.join(dir, expected.policyPackConfig));
    const command = `snapshot-guard ${args.slice(1).join(" ")}`;
    process.stdout.write(`\n$ ${command}\n`);
    const run = spawnSync(process.execPath, full ? args : [...args, "--format", "json"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("snapshot-guard scan: "));
    let found;
    if (full) {
        process.stdout.write(run.stdout);
    } else {
        try {
            const report = JSON.parse(run.stdout);
            const { byLevel } = report.summary;
            const flagged = new Set(report.findings.map((finding) => finding.urn)).size;
            const outcome = run.status === 1 ? "blocked (exit 1)" : run.status === 0 ? "passes (exit 0)" : `exit ${run.status}`;
            process.stdout.write(`  ${outcome}: ${byLevel.mandatory ?? 0} mandatory and ${byLevel.advisory ?? 0} advisory findings` +
                ` on ${flagged} of ${plural(report.summary.resources, "resource")}\n`);
            process.stdout.write(summary(report).map((line) => `${line}\n`).join(""));
            found = report.findings.map((finding) => `${finding.policy} ${finding.name}`).sort();
        } catch {
            // the error lines below say why there is no report
        }
    }
    if (errors.length > 0) process.stdout.write(`${errors.join("\n")}\n`);
    const wantExit = expected.findings.length > 0 ? 1 : 0;
    if (run.status !== wantExit) {
        ok = false;
        process.stdout.write(`!! ${name}: expected exit ${wantExit}, got ${run.status}\n`);
    }
    const want = expected.findings.map((finding) => `${finding.rule} ${finding.resource}`).sort();
    if (found && JSON.stringify(found) !== JSON.stringify(want)) {
        ok = false;
        const missing = want.filter((entry) => !found.includes(entry));
        const extra = found.filter((entry) => !want.includes(entry));
        process.stdout.write(`!! ${name}: findings differ from expected-findings.json` +
            `${missing.length ? `; missing: ${missing.join(", ")}` : ""}${extra.length ? `; unexpected: ${extra.join(", ")}` : ""}\n`);
    }
}
if (!full) {
    process.stdout.write("\nEach example's README.md says what every flagged resource demonstrates. For the problem, property\n" +
        "path and fix of every finding: `npx snapshot-guard scan examples/aws-insecure` (or `npm run demo -- --full`).\n");
}
process.stdout.write(ok ? "\nAll examples behave as expected: insecure ones are blocked, compliant ones pass.\n"
    : "\nSome examples did not behave as expected (see above).\n");
process.exitCode = ok ? 0 : 1;
