// Installs examples/org-pack the way an organisation would have it: in a directory of its own, with
// @pulumi/policy, @pulumi/pulumi and snapshot-guard (this repository) as its dependencies, compiled.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { repoRoot } from "../harness";

const example = path.join(repoRoot, "examples", "org-pack");

/** The example in a directory of its own, with its dependencies installed as links to this repository. */
export function installOrgPack(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "snapshot-guard-org-pack-"));
    for (const file of fs.readdirSync(example)) fs.copyFileSync(path.join(example, file), path.join(dir, file));
    fs.mkdirSync(path.join(dir, "node_modules", "@pulumi"), { recursive: true });
    for (const pkg of ["policy", "pulumi"]) {
        fs.symlinkSync(path.join(repoRoot, "node_modules", "@pulumi", pkg), path.join(dir, "node_modules", "@pulumi", pkg), "dir");
    }
    fs.symlinkSync(repoRoot, path.join(dir, "node_modules", "snapshot-guard"), "dir");
    const tsc = path.join(repoRoot, "node_modules", "typescript-5", "bin", "tsc");
    execFileSync(process.execPath, [tsc, "-p", path.join(dir, "tsconfig.json")], { cwd: dir, encoding: "utf8" });
    return dir;
}

