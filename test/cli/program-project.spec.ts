// How a program directory is read before it runs (entry point, stack config), and the value data
// sources return under the recorder.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { CliError } from "../../cli/errors";
import { readProjectFile, readStackConfig, resolveEntryPoint } from "../../cli/program/project";
import { isUnknownValue, unknownResult, unknownValue } from "../../cli/program/unknown-value";
import { UNKNOWN_SENTINEL } from "../../core/wire";
import { tempDir } from "./helpers";

function project(files: Record<string, string>): string {
    const dir = tempDir();
    for (const [name, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
        fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
}

const PULUMI_YAML = "name: p\nruntime: nodejs\n";

function entryOf(files: Record<string, string>): { file: string; esm: boolean } {
    const dir = project(files);
    const entry = resolveEntryPoint(dir, readProjectFile(dir));
    return { file: path.relative(dir, entry.file).split(path.sep).join("/"), esm: entry.esm };
}

describe("cli: program entry point (the Node.js language host's rules)", () => {
    it("index.js before index.ts in the project directory, as require does", () => {
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": "{}", "index.ts": "", "index.js": "" }), { file: "index.js", esm: false });
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": "{}", "index.ts": "" }), { file: "index.ts", esm: false });
    });

    it("package.json main, then exports, when Pulumi.yaml has no main", () => {
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": '{"main": "src/app.ts"}', "src/app.ts": "" }).file, "src/app.ts");
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": '{"main": "x.ts", "exports": {".": {"require": "./lib/main.ts"}}}', "lib/main.ts": "", "x.ts": "" }).file, "lib/main.ts");
    });

    it("Pulumi.yaml main wins: a file, or a directory resolved with its own index", () => {
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": `${PULUMI_YAML}main: infra/stack.ts\n`, "package.json": '{"main": "index.ts"}', "infra/stack.ts": "", "index.ts": "" }).file, "infra/stack.ts");
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": `${PULUMI_YAML}main: src/\n`, "package.json": "{}", "src/index.ts": "" }).file, "src/index.ts");
    });

    it("an ES module package: directories resolve to index.js, index.mjs, index.ts, index.mts", () => {
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": `${PULUMI_YAML}main: src\n`, "package.json": '{"type": "module"}', "src/index.ts": "" }), { file: "src/index.ts", esm: true });
        assert.deepStrictEqual(entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": '{"type": "module"}', "index.mts": "" }), { file: "index.mts", esm: true });
    });

    it("no entry point, or a main that does not exist: a CliError naming it", () => {
        assert.throws(() => entryOf({ "Pulumi.yaml": PULUMI_YAML, "package.json": "{}" }), (error: Error) => error instanceof CliError && /no entry point in/.test(error.message));
        assert.throws(() => entryOf({ "Pulumi.yaml": `${PULUMI_YAML}main: gone.ts\n`, "package.json": "{}" }), /main of .*Pulumi\.yaml \(gone\.ts\) does not exist/);
    });
});

describe("cli: program stack config", () => {
    const configOf = (files: Record<string, string>, stack = "dev", named = false, overrides: string[] = []) => {
        const dir = project({ "Pulumi.yaml": PULUMI_YAML, ...files });
        return readStackConfig(dir, readProjectFile(dir), stack, named, overrides);
    };

    it("Pulumi.yaml defaults, then the stack file, then --config", () => {
        const config = configOf({
            "Pulumi.yaml": `${PULUMI_YAML}config:\n  size: { type: integer, default: 8 }\n  zone: eu-west-1a\n  name: { type: string, default: a }\n  aws:region: eu-west-1\n`,
            "Pulumi.dev.yaml": "config:\n  p:size: 16\n  aws:region: us-east-1\n  p:labels: { team: data, tier: [1, 2] }\n",
        }, "dev", false, ["name=b"]);
        assert.deepStrictEqual(config.values, {
            "p:size": "16", "p:zone": "eu-west-1a", "p:name": "b", "aws:region": "us-east-1", "p:labels": '{"team":"data","tier":[1,2]}',
        });
        assert.deepStrictEqual(config.secretKeys, []);
    });

    it("secure values, also nested, are secret and unknown: the cipher text never reaches the program", () => {
        const config = configOf({ "Pulumi.dev.yaml": "config:\n  p:password: { secure: AAABCIPHER }\n  p:db: { user: app, token: { secure: AAABOTHER } }\n" });
        assert.strictEqual(config.values["p:password"], UNKNOWN_SENTINEL);
        assert.deepStrictEqual(JSON.parse(config.values["p:db"]), { user: "app", token: UNKNOWN_SENTINEL });
        assert.deepStrictEqual(config.secretKeys.sort(), ["p:db", "p:password"]);
        assert.doesNotMatch(JSON.stringify(config), /CIPHER|OTHER/);
    });

    it("a declared key without a default and without a value stops the scan, as pulumi preview does", () => {
        assert.throws(() => configOf({ "Pulumi.yaml": `${PULUMI_YAML}config:\n  owner: { type: string }\n` }),
            /needs config value p:owner: pass --config owner=VALUE or set it in Pulumi\.dev\.yaml/);
        assert.strictEqual(configOf({ "Pulumi.yaml": `${PULUMI_YAML}config:\n  owner: { type: string }\n` }, "dev", false, ["owner=me"]).values["p:owner"], "me");
    });

    it("the default stack may have no file; a named one must", () => {
        assert.deepStrictEqual(configOf({}).values, {});
        assert.throws(() => configOf({ "Pulumi.prod.yaml": "config: {}\n" }, "qa", true), /no Pulumi\.qa\.yaml in .* \(stack config files: prod\)/);
        assert.throws(() => configOf({ "Pulumi.dev.yaml": "config: [1]\n" }), /Pulumi\.dev\.yaml has a config that is not a mapping/);
        assert.throws(() => configOf({ "Pulumi.dev.yaml": "config:\n  a: b: c\n" }), /Pulumi\.dev\.yaml is not valid YAML: .*line 2/);
    });
});

describe("cli: the value a data source returns under the recorder", () => {
    it("every property, index, method call and iteration of it is another such value", () => {
        const zones = unknownValue() as any;
        for (const derived of [zones.names, zones.names[0], zones.zoneIds.slice(0, 2), zones.ids.map((id: string) => id), zones.names.join(","), zones.id.toUpperCase(), new Map([["k", zones]]).get("k").x]) {
            assert.ok(isUnknownValue(derived));
        }
        const items = [...zones.names];
        assert.strictEqual(items.length, 1);
        assert.ok(isUnknownValue(items[0]));
    });

    it("strings and JSON built from it carry the engine's unknown; numbers are not a number", () => {
        const region = unknownValue() as any;
        assert.strictEqual(`${region}`, UNKNOWN_SENTINEL);
        assert.strictEqual(`arn:aws:kms:${region}:key`, `arn:aws:kms:${UNKNOWN_SENTINEL}:key`);
        assert.strictEqual(JSON.stringify({ region }), JSON.stringify({ region: UNKNOWN_SENTINEL }));
        assert.ok(Number.isNaN(+region));
    });

    it("awaiting it does not hang, and @pulumi/pulumi sees it as unknown", async () => {
        const value = await Promise.resolve(unknownValue());
        assert.ok(isUnknownValue(value));
        assert.strictEqual(await (pulumi.output(value) as any).isKnown, false);
        assert.strictEqual(pulumi.Output.isInstance(value), false);
        assert.strictEqual(pulumi.Resource.isInstance(value), false);
    });

    it("@pulumi/pulumi serialises it, and anything read from a data source's result, as the engine's unknown", async () => {
        const { serializeProperties } = require("@pulumi/pulumi/runtime/rpc");
        const zones = unknownValue() as any;
        const result = unknownResult() as any;
        const serialised = await serializeProperties("test", {
            whole: zones, promised: Promise.resolve(zones.names[0]), listed: [zones.ids.map((id: string) => id)], nested: { zone: zones.names },
            read: result.names, sliced: result.zoneIds.slice(0, 2),
        });
        assert.deepStrictEqual(serialised, {
            whole: UNKNOWN_SENTINEL, promised: UNKNOWN_SENTINEL, listed: [UNKNOWN_SENTINEL], nested: { zone: UNKNOWN_SENTINEL },
            read: UNKNOWN_SENTINEL, sliced: UNKNOWN_SENTINEL,
        });
    });

    it("per-element methods call their callback once with an unknown element", () => {
        const seen: unknown[] = [];
        (unknownValue() as any).names.forEach((zone: unknown) => seen.push(zone));
        (unknownValue() as any).names.map((zone: unknown) => seen.push(zone));
        assert.strictEqual(seen.length, 2);
        assert.ok(seen.every(isUnknownValue));
    });
});
