#!/usr/bin/env node
// The scale budget of DESIGN.md §8: `snapshot-guard scan` of a 100,000-resource stack export within
// 120 s and 2 GiB for the CLI and the pack together. Writes the export from the bench's resource
// generator, runs the compiled CLI under `/usr/bin/time -v` (when present), and samples the peak
// resident set (VmHWM) of the CLI and of every process it starts from /proc. Linux only.
//
//   npm run build && node bench/scale.js [--resources 100000] [--format json] [--check]
//   node bench/scale.js --resources 20000 --write-export FILE     only writes the export (for profiling)
//
// stdout carries only the report; the figures also go to .bench/scale.json.
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
const BUDGET = { seconds: 120, bytes: 2 * 1024 ** 3 };

function fail(message) {
    process.stderr.write(`bench/scale: ${message}\n`);
    process.exit(1);
}

function option(name, fallback) {
    const index = process.argv.indexOf(`--${name}`);
    return index >= 0 ? process.argv[index + 1] : fallback;
}

async function main() {
    const count = Number(option("resources", "100000"));
    if (!Number.isInteger(count) || count < 1) fail("--resources takes a whole number of at least 1");
    const format = option("format", "json");
    const exportOnly = option("write-export", undefined);
    if (exportOnly) {
        writeExport(exportOnly, makeResources(count));
        return;
    }
    if (!fs.existsSync(path.join(ROOT, "bin", "cli", "main.js"))) fail("bin/ is missing: run npm run build first");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-scale-"));
    try {
        const exportFile = path.join(dir, "stack.json");
        const outputFile = path.join(dir, `result.${format}`);
        writeExport(exportFile, makeResources(count));
        const timeFile = path.join(dir, "time.txt");
        const cli = [path.join(ROOT, "bin", "cli", "main.js"), "scan", exportFile, "--format", format, "--output", outputFile];
        const withTime = fs.existsSync("/usr/bin/time");
        const started = performance.now();
        const child = withTime
            ? spawn("/usr/bin/time", ["-v", "-o", timeFile, process.execPath, ...cli], { stdio: ["ignore", "ignore", "pipe"] })
            : spawn(process.execPath, cli, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => { stderr += chunk; });
        const sampling = samplePeaks(child.pid, { skipRoot: withTime });
        const code = await new Promise((resolve) => child.on("exit", (status) => resolve(status)));
        const processes = sampling.stop();
        const seconds = (performance.now() - started) / 1000;
        if (code !== 0 && code !== 1) fail(`scan exited ${code}: ${stderr.trim().split("\n").pop()}`);
        const timeReport = withTime ? fs.readFileSync(timeFile, "utf8") : "";
        const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(timeReport);
        const together = processes.reduce((sum, entry) => sum + entry.peakMiB, 0);
        const report = {
            resources: count, format, seconds: Math.round(seconds * 10) / 10, exitCode: code,
            exportMB: Math.round(fs.statSync(exportFile).size / 1e6), outputMB: Math.round(fs.statSync(outputFile).size / 1e6),
            processes, peakSumMiB: together,
            ...(maxRss ? { timeMaxRssMiB: Math.round(Number(maxRss[1]) / 1024) } : {}),
            budget: { seconds: BUDGET.seconds, MiB: BUDGET.bytes / 1024 ** 2 },
        };
        const missed = seconds > BUDGET.seconds || together * 1024 ** 2 > BUDGET.bytes;
        process.stdout.write(
            `scan of a ${count.toLocaleString("en")}-resource export (${report.exportMB} MB, --format ${format}, ${report.outputMB} MB out): ` +
            `${report.seconds} s, peak RSS ${processes.map((entry) => `${entry.role} ${entry.peakMiB} MiB`).join(" + ")} = ${together} MiB` +
            `${maxRss ? ` (/usr/bin/time -v max RSS ${report.timeMaxRssMiB} MiB)` : ""}; budget ${BUDGET.seconds} s and 2048 MiB${missed ? " MISSED" : ""}\n`);
        fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true });
        fs.writeFileSync(path.join(ROOT, ".bench", "scale.json"), JSON.stringify(report, null, 2) + "\n");
        if (missed && process.argv.includes("--check")) process.exitCode = 1;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().catch((error) => fail(error && error.message ? error.message : String(error)));
