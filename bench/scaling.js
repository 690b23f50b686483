#!/usr/bin/env node
// How the pack's analysis cost grows with the number of rules, without gRPC or a client in the
// way: the SDK's own Analyze handler (the function its gRPC server calls) over the bench's 10,000
// resources, for no policies, for today's rules, and for the rule list repeated to catalogue size.
// Each variant runs with and without core/sdk-tuning (shared deserialisation), all in this one run.
//
//   npm run build && node bench/scaling.js [--copies 12]
"use strict";

const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");
const { makeResources } = require("./run");

const ROOT = path.resolve(__dirname, "..");

function fail(message) {
    process.stderr.write(`bench/scaling: ${message}\n`);
    process.exit(1);
}

if (!fs.existsSync(path.join(ROOT, "bin", "index.js"))) fail("bin/ is missing: run npm run build first");
const copiesArg = process.argv.indexOf("--copies");
const copies = copiesArg >= 0 ? Number(process.argv[copiesArg + 1]) : 12;
if (!Number.isInteger(copies) || copies < 1) fail("--copies takes a whole number of at least 1");

const { makeAnalyzeRpcFun } = require(path.join(ROOT, "node_modules/@pulumi/policy/server"));
const deserialize = require(path.join(ROOT, "node_modules/@pulumi/policy/deserialize"));
const analyzerPb = require(path.join(ROOT, "node_modules/@pulumi/pulumi/proto/analyzer_pb"));
const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.join(ROOT, "node_modules/@pulumi/pulumi")] }));
const { toPolicies } = require(path.join(ROOT, "bin/core/adapter"));
const { shareDeserializedProperties } = require(path.join(ROOT, "bin/core/sdk-tuning"));
const { allRules } = require(path.join(ROOT, "bin/policies"));

const requests = makeResources(10_000).map((resource) => {
    const request = new analyzerPb.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn);
    request.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(resource.properties)))); // drops undefined, as the wire does
    request.setOptions(new analyzerPb.AnalyzerResourceOptions());
    return request;
});

function repeated(times) {
    const rules = [];
    for (let copy = 0; copy < times; copy++) {
        for (const rule of allRules) rules.push(copy === 0 ? rule : { ...rule, id: `${rule.id}-copy${copy}` });
    }
    return rules;
}

async function timeAnalyze(policies) {
    const analyze = makeAnalyzeRpcFun("bench", "0.0.0", "advisory", policies);
    const call = (request) => new Promise((resolve, reject) => analyze({ request }, (error) => (error ? reject(error) : resolve())));
    for (const request of requests.slice(0, 500)) await call(request); // warm-up
    const start = performance.now();
    for (const request of requests) await call(request);
    return performance.now() - start;
}

async function main() {
    const original = deserialize.deserializeProperties;
    const variants = [["no policies", []], [`${allRules.length} rules (today)`, allRules], [`${allRules.length * copies} rules (x${copies})`, repeated(copies)]];
    const rows = [];
    for (const [label, rules] of variants) {
        const policies = toPolicies(rules);
        deserialize.deserializeProperties = original;
        const plain = await timeAnalyze(policies);
        shareDeserializedProperties();
        const tuned = await timeAnalyze(policies);
        rows.push({ label, plain, tuned });
    }
    deserialize.deserializeProperties = original;
    process.stdout.write(`snapshot-guard rule scaling (in-process SDK Analyze handler, 10,000 resources, node ${process.version})\n`);
    for (const { label, plain, tuned } of rows) {
        if (label === "no policies") {
            process.stdout.write(`${label.padEnd(22)} ${(Math.min(plain, tuned) / 1000).toFixed(2)} s (the SDK's own per-request cost)\n`);
            continue;
        }
        process.stdout.write(`${label.padEnd(22)} ${(tuned / 1000).toFixed(2)} s with shared deserialisation, ${(plain / 1000).toFixed(2)} s without (${(plain / tuned).toFixed(2)}x)\n`);
    }
}

main().catch((error) => fail(error && error.message ? error.message : String(error)));
