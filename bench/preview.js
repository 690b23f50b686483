#!/usr/bin/env node
// `pulumi preview` of an example with the pack, with an empty pack and without any policy pack,
// under the real Pulumi CLI of the e2e toolchain (test/e2e). One run: each variant previews the
// same workspace `--rounds` times in rotating order after one warm-up round; the figures are
// medians and their ratios. Budget (DESIGN.md §8): with the pack within 1.1x of an empty pack.
//
//   npm run bench:preview [-- --example aws-insecure --rounds 5]
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { parseArgs } = require("util");
const { performance } = require("perf_hooks");
const { writeEmptyPack } = require("./empty-pack");

const ROOT = path.resolve(__dirname, "..");
const compiled = path.join(ROOT, ".test-build", "test", "e2e", "engine.js");
if (!fs.existsSync(compiled)) {
    process.stderr.write("bench/preview.js: run `npm run build-tests` first (or `npm run bench:preview`)\n");
    process.exit(1);
}
const { workspace } = require(compiled);

const { values } = parseArgs({ options: { example: { type: "string", default: "aws-insecure" }, rounds: { type: "string", default: "5" } } });
const rounds = Number(values.rounds);
const programDir = path.join(ROOT, "examples", values.example);

function emptyPack() {
    return writeEmptyPack(fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-empty-pack-")), path.join(ROOT, "node_modules"));
}

const project = workspace(programDir);
const variants = {
    "snapshot-guard": ["--policy-pack", ROOT],
    "empty pack": ["--policy-pack", emptyPack()],
    "no policy pack": [],
};
const times = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
const names = Object.keys(variants);
for (let round = -1; round < rounds; round++) {
    const order = names.map((_, index) => names[(index + Math.max(round, 0)) % names.length]);
    for (const name of order) {
        const started = performance.now();
        const run = project.pulumi(["preview", ...variants[name]]);
        const elapsed = (performance.now() - started) / 1000;
        if (run.status !== 0 && run.status !== 1) {
            process.stderr.write(`bench/preview.js: pulumi preview (${name}) failed: ${run.stderr.trim().split("\n").pop()}\n`);
            process.exit(1);
        }
        if (round >= 0) times[name].push(elapsed);
    }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const m = Object.fromEntries(names.map((name) => [name, median(times[name])]));
const ratio = m["snapshot-guard"] / m["empty pack"];
process.stdout.write(`pulumi preview of examples/${values.example} (median of ${rounds}, Pulumi CLI ${path.basename(path.dirname(project.toolchain.pulumi))}):\n`);
for (const name of names) process.stdout.write(`  ${name.padEnd(16)} ${m[name].toFixed(2)} s\n`);
process.stdout.write(`  with the pack vs an empty pack: ${ratio.toFixed(2)}x (budget 1.1x)${ratio > 1.1 ? "  MISSED" : ""}\n`);
process.stdout.write(`  with the pack vs no policy pack: ${(m["snapshot-guard"] / m["no policy pack"]).toFixed(2)}x\n`);
