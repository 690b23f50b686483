// The baseline of the benchmarks: a policy pack with no policies, on the given node_modules.
"use strict";
const fs = require("fs");
const path = require("path");

/** Writes an empty pack into `dir` whose node_modules is a symlink to `nodeModules`; returns `dir`. */
function writeEmptyPack(dir, nodeModules) {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "empty", version: "0.0.1" }, null, 2) + "\n");
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"),
        'const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("empty", { policies: [] });\n');
    fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    return dir;
}

module.exports = { writeEmptyPack };
