#!/usr/bin/env node
// The scale figure of `snapshot-guard assess`: 200 stacks of 500 resources each (100,000 in all)
// through one pack process, within the budget below for the whole run and for the CLI's and the
// pack's peak memory together. Writes the exports from the bench's resource generator (the same
// resources in every stack, renamed), runs the compiled CLI on their directory with --fail-on none,
// and samples the peak resident set (VmHWM) of the CLI and of every process it starts. Linux only.
//
//   npm run bench:assess                                   build, then 200 stacks × 500 resources
//   node bench/assess.js [--stacks 200] [--resources 500] [--check]
//
// stdout carries only the report; the figures also go to .bench/assess.json.
"use strict";

const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { samplePeaks } = require("./process-peaks");
const { makeResources } = require("./run");
const { writeExport } = require("./stack-export");

const ROOT = path.resolve(__dirname, "..");
/**
 * A monthly run over a large estate should finish within minutes on a CI runner and fit in its
 * memory: 100,000 resources through Analyze alone take about 95 s on 2 quiet cores (README,
 * Performance); one stack is held at a time (and the next one read ahead).
 */
const BUDGET = { seconds: 300, MiB: 1024 };

function fail(message) {
    process.stderr.write(`bench/assess: ${message}\n`);
    process.exit(1);
}

function count(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    const value = Number(index >= 0 ? process.argv[index + 1] : fallback);
    if (!Number.isInteger(value) || value < 1) fail(`--${name} takes a whole number of at least 1`);
    return value;
}

async function main() {
    const stacks = count("stacks", 200);
    const perStack = count("resources", 500);
    if (!fs.existsSync(path.join(ROOT, "bin", "cli", "main.js"))) fail("bin/ is missing: run npm run build first");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-assess-"));
    try {
        const exports = path.join(dir, "exports");
        fs.mkdirSync(exports);
        const resources = makeResources(perStack);
        let exportBytes = 0;
        for (let index = 0; index < stacks; index++) {
            const file = path.join(exports, `stack-${String(index).padStart(4, "0")}.json`);
            writeExport(file, resources, `stack-${index}`);
            exportBytes += fs.statSync(file).size;
        }
        const output = path.join(dir, "report");
        const cli = [path.join(ROOT, "bin", "cli", "main.js"), "assess", exports, "--output", output, "--fail-on", "none"];
        const started = performance.now();
        const child = spawn(process.execPath, cli, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => { stderr += chunk; });
        const sampling = samplePeaks(child.pid);
        const code = await new Promise((resolve) => child.on("exit", (status) => resolve(status)));
        const processes = sampling.stop();
        const seconds = (performance.now() - started) / 1000;
        if (code !== 0) fail(`assess exited ${code}: ${stderr.trim().split("\n").pop()}`);
        const assessment = JSON.parse(fs.readFileSync(path.join(output, "assessment.json"), "utf8"));
        if (assessment.totals.stacks !== stacks || assessment.totals.resources !== stacks * resources.length) {
            fail(`the assessment covers ${assessment.totals.stacks} stacks and ${assessment.totals.resources} resources, not ${stacks} and ${stacks * resources.length}`);
        }
        const packs = processes.filter((entry) => entry.role === "pack").length;
        const together = processes.reduce((sum, entry) => sum + entry.peakMiB, 0);
        const report = {
            stacks, resourcesPerStack: resources.length, resources: assessment.totals.resources, findings: assessment.totals.findings,
            seconds: Math.round(seconds * 10) / 10, secondsPerStack: Math.round((seconds / stacks) * 100) / 100,
            exportMB: Math.round(exportBytes / 1e6),
            jsonMB: Math.round(fs.statSync(path.join(output, "assessment.json")).size / 1e5) / 10,
            htmlMB: Math.round(fs.statSync(path.join(output, "index.html")).size / 1e5) / 10,
            packProcesses: packs, processes, peakSumMiB: together, budget: BUDGET,
        };
        const missed = seconds > BUDGET.seconds || together > BUDGET.MiB || packs !== 1;
        process.stdout.write(
            `assess of ${stacks} stacks × ${resources.length} resources (${report.resources.toLocaleString("en")}; ${report.exportMB} MB of exports; ` +
            `${report.findings.toLocaleString("en")} findings, assessment.json ${report.jsonMB} MB, index.html ${report.htmlMB} MB): ` +
            `${report.seconds} s (${report.secondsPerStack} s per stack), ${packs} pack process${packs === 1 ? "" : "es"}, ` +
            `peak RSS ${processes.map((entry) => `${entry.role} ${entry.peakMiB} MiB`).join(" + ")} = ${together} MiB; ` +
            `budget ${BUDGET.seconds} s, ${BUDGET.MiB} MiB, one pack process${missed ? " MISSED" : ""}\n`);
        fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true });
        fs.writeFileSync(path.join(ROOT, ".bench", "assess.json"), JSON.stringify(report, null, 2) + "\n");
        if (missed && process.argv.includes("--check")) process.exitCode = 1;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((error) => fail(error && error.message ? error.message : String(error)));
