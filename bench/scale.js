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
const { makeResources } = require("./run");

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

/** Writes a `pulumi stack export` (version 3) of the generated resources, one resource at a time. */
function writeExport(file, count) {
    const resources = makeResources(count);
    const fd = fs.openSync(file, "w");
    fs.writeSync(fd, '{"version":3,"deployment":{"manifest":{"time":"2026-01-01T00:00:00Z","magic":"","version":"v3.277.0"},"resources":[\n');
    resources.forEach((resource, index) => {
        const entry = {
            urn: resource.urn, custom: true, id: `id-${index}`, type: resource.type,
            inputs: resource.properties, outputs: resource.properties,
            ...(resource.parent ? { parent: resource.parent } : {}),
            ...(resource.provider ? { provider: `${resource.provider.urn}::id-${resource.provider.name}` } : {}),
            dependencies: resource.dependencies ?? [],
            ...(resource.propertyDependencies ? { propertyDependencies: resource.propertyDependencies } : {}),
        };
        fs.writeSync(fd, (index > 0 ? ",\n" : "") + JSON.stringify(entry));
    });
    fs.writeSync(fd, "\n]}}\n");
    fs.closeSync(fd);
}

function childrenOf(pid) {
    try {
        return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
        return [];
    }
}

function peakKiB(pid) {
    try {
        const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) : undefined;
    } catch {
        return undefined;
    }
}

function commandOf(pid) {
    try {
        return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    } catch {
        return "";
    }
}

async function main() {
    const count = Number(option("resources", "100000"));
    if (!Number.isInteger(count) || count < 1) fail("--resources takes a whole number of at least 1");
    const format = option("format", "json");
    const exportOnly = option("write-export", undefined);
    if (exportOnly) {
        writeExport(exportOnly, count);
        return;
    }
    if (!fs.existsSync(path.join(ROOT, "bin", "cli", "main.js"))) fail("bin/ is missing: run npm run build first");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-scale-"));
    try {
        const exportFile = path.join(dir, "stack.json");
        const outputFile = path.join(dir, `result.${format}`);
        writeExport(exportFile, count);
        const timeFile = path.join(dir, "time.txt");
        const cli = [path.join(ROOT, "bin", "cli", "main.js"), "scan", exportFile, "--format", format, "--output", outputFile];
        const withTime = fs.existsSync("/usr/bin/time");
        const started = performance.now();
        const child = withTime
            ? spawn("/usr/bin/time", ["-v", "-o", timeFile, process.execPath, ...cli], { stdio: ["ignore", "ignore", "pipe"] })
            : spawn(process.execPath, cli, { stdio: ["ignore", "ignore", "pipe"] });
        let stderr = "";
        child.stderr.on("data", (chunk) => { stderr += chunk; });
        const peaks = new Map(); // pid -> { command, kib }
        const sample = () => {
            const queue = [child.pid];
            while (queue.length > 0) {
                const pid = queue.shift();
                const kib = peakKiB(pid);
                if (kib !== undefined && (pid !== child.pid || !withTime)) {
                    const known = peaks.get(pid) ?? { command: commandOf(pid), kib: 0 };
                    known.kib = Math.max(known.kib, kib);
                    peaks.set(pid, known);
                }
                queue.push(...childrenOf(pid));
            }
        };
        const timer = setInterval(sample, 100);
        const code = await new Promise((resolve) => child.on("exit", (status) => resolve(status)));
        clearInterval(timer);
        const seconds = (performance.now() - started) / 1000;
        if (code !== 0 && code !== 1) fail(`scan exited ${code}: ${stderr.trim().split("\n").pop()}`);
        const processes = [...peaks.values()].map(({ command, kib }) => ({
            role: command.includes("run-policy-pack") ? "pack" : command.includes("main.js") ? "cli" : command,
            peakMiB: Math.round(kib / 1024),
        }));
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
