// Peak resident set (VmHWM, from /proc) of a process and of every process it starts, sampled every
// 100 ms while it runs. Linux only. Shared by the scale and assess benchmarks.
"use strict";

const fs = require("fs");

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

/**
 * Starts sampling the tree under `rootPid`; `stop()` returns one entry per process seen, with its
 * role (`pack` for run-policy-pack, `cli` for the CLI's main.js) and peak MiB. `skipRoot` leaves out
 * the root (e.g. `/usr/bin/time`, which reports its child itself).
 */
function samplePeaks(rootPid, { skipRoot = false } = {}) {
    const peaks = new Map(); // pid -> { command, kib }
    const sample = () => {
        const queue = [rootPid];
        while (queue.length > 0) {
            const pid = queue.shift();
            const kib = peakKiB(pid);
            if (kib !== undefined && (pid !== rootPid || !skipRoot)) {
                const known = peaks.get(pid) ?? { command: commandOf(pid), kib: 0 };
                known.kib = Math.max(known.kib, kib);
                peaks.set(pid, known);
            }
            queue.push(...childrenOf(pid));
        }
    };
    const timer = setInterval(sample, 100);
    return {
        stop() {
            clearInterval(timer);
            return [...peaks.values()].map(({ command, kib }) => ({
                role: command.includes("run-policy-pack") ? "pack" : command.includes("main.js") ? "cli" : command,
                peakMiB: Math.round(kib / 1024),
            }));
        },
    };
}

module.exports = { samplePeaks };
