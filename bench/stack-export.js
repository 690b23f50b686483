// Writes a `pulumi stack export` (version 3) of the bench's generated resources (bench/run.js
// makeResources), one resource at a time: inputs and outputs per resource, providers, parents,
// property dependencies. Shared by the scale and assess benchmarks.
"use strict";

const fs = require("fs");

const GENERATED_STACK = "urn:pulumi:prod::bench::";

/** `stack` renames the generator's stack (`prod`) in every URN, so one resource list makes many stacks. */
function writeExport(file, resources, stack = "prod") {
    const rename = stack === "prod" ? (text) => text : (text) => text.split(GENERATED_STACK).join(`urn:pulumi:${stack}::bench::`);
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
        fs.writeSync(fd, (index > 0 ? ",\n" : "") + rename(JSON.stringify(entry)));
    });
    fs.writeSync(fd, "\n]}}\n");
    fs.closeSync(fd);
}

module.exports = { writeExport };
