// `npm run demo`: scans the bundled examples with the compiled CLI and prints the findings.
// Exits 0 when every example gives exactly its expected findings (insecure ones are blocked,
// compliant ones pass), 1 otherwise.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const cli = path.join(root, "bin", "cli", "main.js");
const only = process.argv.slice(2);
const examples = fs.readdirSync(__dirname)
    .filter((name) => fs.existsSync(path.join(__dirname, name, "Pulumi.yaml")))
    .filter((name) => only.length === 0 || only.includes(name))
    .sort((a, b) => Number(b.endsWith("-insecure")) - Number(a.endsWith("-insecure")) || a.localeCompare(b));

let ok = true;
for (const name of examples) {
    const dir = path.join("examples", name);
    const expected = JSON.parse(fs.readFileSync(path.join(__dirname, name, "expected-findings.json"), "utf8"));
    const args = [cli, "scan", dir];
    if (expected.policyPackConfig) args.push("--policy-pack-config", path.join(dir, expected.policyPackConfig));
    process.stdout.write(`\n$ snapshot-guard ${args.slice(1).join(" ")}\n`);
    const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    process.stdout.write(run.stdout);
    const errors = run.stderr.split("\n").filter((line) => line.startsWith("snapshot-guard: "));
    if (errors.length > 0) process.stdout.write(`${errors.join("\n")}\n`);
    const wantExit = expected.findings.length > 0 ? 1 : 0;
    if (run.status !== wantExit) {
        ok = false;
        process.stdout.write(`!! ${name}: expected exit ${wantExit}, got ${run.status}\n`);
    }
}
process.stdout.write(ok ? "\nAll examples behave as expected: insecure ones are blocked, compliant ones pass.\n"
    : "\nSome examples did not behave as expected (see above).\n");
process.exitCode = ok ? 0 : 1;
