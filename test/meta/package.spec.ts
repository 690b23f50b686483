// What `pulumi policy publish` ships: it runs `npm pack`, so the tarball must hold the compiled
// pack, its manifest and PulumiPolicy.yaml, and nothing that only development needs.
import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { repoRoot } from "../harness";

const root = repoRoot;
const manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

describe("meta: the published package", () => {
    let files: string[] = [];

    before(function () {
        this.timeout(60_000);
        const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8" });
        files = JSON.parse(output)[0].files.map((file: { path: string }) => file.path);
    });

    it("runs compiled JavaScript, not TypeScript", () => {
        assert.strictEqual(manifest.main, "bin/index.js");
        assert.ok(files.includes("bin/index.js"));
    });

    it("contains what pulumi policy publish needs", () => {
        for (const required of ["package.json", "PulumiPolicy.yaml", "bin/core/adapter.js", "bin/policies/index.js"]) {
            assert.ok(files.includes(required), `${required} is missing from npm pack`);
        }
    });

    it("ships the library entry with complete type declarations", () => {
        assert.strictEqual(manifest.exports["./rules"].default, "./bin/rules.js");
        assert.strictEqual(manifest.exports["."], `./${manifest.main}`);
        const declarations = files.filter((file) => file.endsWith(".d.ts"));
        assert.ok(declarations.includes("bin/rules.d.ts"));
        for (const file of declarations) {
            const imports = [...fs.readFileSync(path.join(root, file), "utf8").matchAll(/from "(\.[^"]+)"|import\("(\.[^"]+)"\)/g)];
            for (const match of imports) {
                const target = path.posix.join(path.posix.dirname(file), `${match[1] ?? match[2]}.d.ts`);
                assert.ok(declarations.includes(target), `${file} imports ${target}, which npm pack leaves out`);
            }
        }
    });

    it("leaves out sources, tests and benchmarks", () => {
        const stray = files.filter((file) => /(?<!\.d)\.ts$|^test\/|^bench\/|^node_modules\//.test(file));
        assert.deepStrictEqual(stray, []);
    });

    it("never depends on provider SDKs at run time", () => {
        const runtime = Object.keys(manifest.dependencies ?? {});
        for (const sdk of ["@pulumi/aws", "@pulumi/aws-native", "@pulumi/azure", "@pulumi/azure-native", "@pulumi/gcp"]) {
            assert.ok(!runtime.includes(sdk), `${sdk} must stay a dev dependency`);
        }
        const compiled = files.filter((file) => file.endsWith(".js"))
            .map((file) => fs.readFileSync(path.join(root, file), "utf8"));
        for (const source of compiled) {
            assert.doesNotMatch(source, /require\("@pulumi\/(aws|aws-native|azure|azure-native|gcp)["/]/);
        }
    });
});
