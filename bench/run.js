#!/usr/bin/env node
// snapshot-guard benchmark (DESIGN.md §8): cold start, Analyze throughput and install size, each
// measured as a ratio against a baseline in this one run. See bench/README.md.
//
//   npm run bench               build, then run everything (about 1-2 minutes once the installs are cached)
//   node bench/run.js --quick   fewer iterations
//   node bench/run.js --check   also exit 1 when a budget is missed
//
// stdout carries only the report; errors are one line on stderr with a non-zero exit code.
// Figures are also written to .bench/last.json.
"use strict";

const { spawn } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { performance } = require("perf_hooks");
const { writeEmptyPack } = require("./empty-pack");

const ROOT = path.resolve(__dirname, "..");
const BENCH_DIR = path.join(ROOT, ".bench");

const TARGETS = { coldStartRatio: 1.2, analyzeSeconds: 5, installExtraMB: 5 };

// ------------------------------------------------------------------------------------------------
// Options

function parseOptions(argv) {
    const options = {
        // `npm run bench --quick` (without `--`) reaches us as npm_config_quick.
        quick: process.env.npm_config_quick === "true",
        check: process.env.npm_config_check === "true",
    };
    for (const arg of argv) {
        if (arg === "--quick") options.quick = true;
        else if (arg === "--check") options.check = true;
        else if (arg === "--stack") options.stackOnly = true;
        else if (arg === "--help" || arg === "-h") {
            process.stdout.write("usage: node bench/run.js [--quick] [--check] [--stack]\n");
            process.exit(0);
        } else throw new Error(`unknown argument ${arg} (use --quick, --check, --stack)`);
    }
    options.startRuns = options.quick ? 5 : 9;
    options.analyzeRounds = options.quick ? 1 : 3;
    options.resources = 10_000;
    options.inFlight = 8;
    return options;
}

// ------------------------------------------------------------------------------------------------
// Small helpers

function oneLine(text, max = 400) {
    const flat = String(text).replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").replace(/\s+/g, " ").trim();
    return flat.length > max ? flat.slice(0, max) + "…" : flat;
}

function progress(message) {
    // Progress goes to stderr and only to a terminal: stdout is the report.
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[K${message}`);
}

function progressDone() {
    if (process.stderr.isTTY) process.stderr.write("\r\u001b[K");
}

function median(values) {
    const sorted = [...values].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value, digits) => Number(value.toFixed(digits));
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/** Runs a command, capturing output; rejects with the command and the end of its output on one line. */
function run(command, args, cwd) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"], env: process.env });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (chunk) => { stdout += chunk; });
        child.stderr.setEncoding("utf8").on("data", (chunk) => { stderr = (stderr + chunk).slice(-4000); });
        child.on("error", (error) => reject(new Error(`could not run ${command}: ${error.message}`)));
        child.on("close", (code, signal) => {
            if (code === 0) resolve(stdout);
            else {
                const shown = [command === process.execPath ? "npm" : command, ...args].join(" ");
                reject(new Error(`\`${shown}\` in ${cwd} failed (${signal ?? `exit ${code}`}): ${oneLine(stderr || stdout, 600)}`));
            }
        });
    });
}

/** npm: the one running `npm run bench` if there is one, else npm on PATH. */
function npm(args, cwd) {
    const execPath = process.env.npm_execpath;
    if (execPath && /npm-cli\.js$/.test(execPath) && fs.existsSync(execPath)) {
        return run(process.execPath, [execPath, ...args], cwd);
    }
    return run(process.platform === "win32" ? "npm.cmd" : "npm", args, cwd);
}

/**
 * Apparent size: sum of lstat sizes of files and symlinks (links not followed; directories not
 * counted). `diskBytes` (allocated blocks, files and directories, like `du -s`) is kept for reference.
 */
function apparentSize(dir) {
    let bytes = 0;
    let files = 0;
    let diskBytes = 0;
    const stack = [dir];
    while (stack.length > 0) {
        const current = stack.pop();
        for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
            const full = path.join(current, entry.name);
            const stat = fs.lstatSync(full);
            diskBytes += stat.blocks * 512;
            if (entry.isDirectory()) stack.push(full);
            else {
                bytes += stat.size;
                files++;
            }
        }
    }
    return { bytes, files, diskBytes };
}

/** Package directories (name@version) under a node_modules tree. */
function packagesIn(nodeModules) {
    const found = new Map();
    const visit = (dir, prefix) => {
        if (!fs.existsSync(dir)) return;
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
            const full = path.join(dir, entry.name);
            if (entry.name.startsWith("@") && !prefix) {
                visit(full, entry.name + "/");
                continue;
            }
            const name = prefix + entry.name;
            try {
                const version = JSON.parse(fs.readFileSync(path.join(full, "package.json"), "utf8")).version;
                const key = `${name}@${version}`;
                const size = apparentSize(full).bytes;
                found.set(key, (found.get(key) ?? 0) + size);
            } catch {
                // not a package directory
            }
            visit(path.join(full, "node_modules"), "");
        }
    };
    visit(nodeModules, "");
    return found;
}

const tempDirs = [];
function tempDir(label) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `snapshot-guard-bench-${label}-`));
    tempDirs.push(dir);
    return dir;
}

function cleanup() {
    for (const dir of tempDirs.splice(0)) {
        try {
            fs.rmSync(dir, { recursive: true, force: true });
        } catch {
            // best effort
        }
    }
}

// ------------------------------------------------------------------------------------------------
// Preconditions

function loadClient() {
    const entry = path.join(ROOT, "bin", "index.js");
    const clientPath = path.join(ROOT, "bin", "cli", "analyzer-client.js");
    if (!fs.existsSync(entry) || !fs.existsSync(clientPath)) {
        throw new Error("bin/ is missing or incomplete: run npm run build first (or use npm run bench)");
    }
    if (!fs.existsSync(path.join(ROOT, "node_modules", "@pulumi", "pulumi", "cmd", "run-policy-pack"))) {
        throw new Error("node_modules/@pulumi/pulumi is missing: run npm ci first");
    }
    if (!fs.existsSync(path.join(ROOT, "package-lock.json"))) {
        throw new Error("package-lock.json is missing");
    }
    return require(clientPath).AnalyzerClient;
}

// ------------------------------------------------------------------------------------------------
// Pack layouts

/** An empty pack whose node_modules is a symlink to `nodeModules`. */
function emptyPack(nodeModules, label) {
    return writeEmptyPack(tempDir(`empty-${label}`), nodeModules);
}

/** What `npm pack` ships, extracted into a temp dir (without node_modules). */
async function packedPack() {
    const dir = tempDir("packed");
    // --ignore-scripts: `prepare` would run tsc again; `npm run bench` has just built bin/.
    const out = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", dir], ROOT);
    let filename;
    try {
        filename = JSON.parse(out)[0].filename;
    } catch {
        throw new Error(`npm pack printed something unexpected: ${oneLine(out, 200)}`);
    }
    const tarball = path.join(dir, path.basename(filename));
    await run("tar", ["-xzf", tarball, "-C", dir], dir);
    fs.rmSync(tarball);
    const packageDir = path.join(dir, "package");
    if (!fs.existsSync(path.join(packageDir, "bin", "index.js"))) {
        throw new Error("npm pack did not ship bin/index.js (check \"files\" in package.json)");
    }
    return packageDir;
}

/** A copy of a directory whose node_modules is a symlink. */
function withNodeModules(sourceDir, nodeModules, label) {
    const dir = path.join(tempDir(label), "pack");
    fs.cpSync(sourceDir, dir, { recursive: true });
    fs.symlinkSync(nodeModules, path.join(dir, "node_modules"), "dir");
    return dir;
}

// ------------------------------------------------------------------------------------------------
// 3. Install size (done first: the production layout of the cold-start figure uses these installs)

function lockedVersion(lock, name) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`package-lock.json has no entry for ${name}`);
    return version;
}

async function ensureInstalls() {
    const lockText = fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8");
    const pkgText = fs.readFileSync(path.join(ROOT, "package.json"), "utf8");
    const pkg = JSON.parse(pkgText);
    const lock = JSON.parse(lockText);
    const versions = { policy: lockedVersion(lock, "@pulumi/policy"), pulumi: lockedVersion(lock, "@pulumi/pulumi") };
    // Keyed by the lock file and the dependency lists npm ci checks it against.
    const key = crypto.createHash("sha256")
        .update(lockText).update("\0")
        .update(JSON.stringify([pkg.dependencies ?? {}, pkg.devDependencies ?? {}]))
        .digest("hex").slice(0, 16);
    const cacheDir = path.join(BENCH_DIR, `install-${key}`);
    const marker = path.join(cacheDir, "complete.json");
    const cached = fs.existsSync(marker);

    // Drop installs for other lock files and any interrupted attempt.
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    for (const name of fs.readdirSync(BENCH_DIR)) {
        if (name.startsWith("install-") && (name !== path.basename(cacheDir) || !cached)) {
            fs.rmSync(path.join(BENCH_DIR, name), { recursive: true, force: true });
        }
    }
    if (!cached) {
        const work = path.join(BENCH_DIR, `install-${key}.tmp-${process.pid}`);
        const prod = path.join(work, "prod");
        const bare = path.join(work, "bare");
        fs.mkdirSync(prod, { recursive: true });
        fs.mkdirSync(bare, { recursive: true });
        fs.writeFileSync(path.join(prod, "package.json"), pkgText);
        fs.writeFileSync(path.join(prod, "package-lock.json"), lockText);
        // A package.json of its own, or npm would walk up to the repository and install there.
        fs.writeFileSync(path.join(bare, "package.json"),
            JSON.stringify({ name: "bare-policy-pack", version: "0.0.0", private: true }, null, 2) + "\n");
        progress("install: npm ci --omit=dev (production install)…");
        await npm(["ci", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund"], prod);
        progress("install: bare @pulumi/policy + @pulumi/pulumi…");
        await npm(["install", "--omit=dev", "--ignore-scripts", "--no-audit", "--no-fund",
            `@pulumi/policy@${versions.policy}`, `@pulumi/pulumi@${versions.pulumi}`], bare);
        fs.writeFileSync(path.join(work, "complete.json"), JSON.stringify({ key, versions, date: new Date().toISOString() }) + "\n");
        fs.renameSync(work, cacheDir);
    }
    return {
        cached,
        key,
        versions,
        prodModules: path.join(cacheDir, "prod", "node_modules"),
        bareModules: path.join(cacheDir, "bare", "node_modules"),
    };
}

function measureInstalls(installs, packedDir) {
    const bare = apparentSize(installs.bareModules);
    const prodModules = apparentSize(installs.prodModules);
    const shipped = apparentSize(packedDir); // bin/, PulumiPolicy.yaml, README.md, package.json
    const prodBytes = prodModules.bytes + shipped.bytes;

    // Which packages make the difference (name@version → bytes), for the JSON report.
    const barePackages = packagesIn(installs.bareModules);
    const prodPackages = packagesIn(installs.prodModules);
    const onlyProd = [...prodPackages].filter(([key]) => !barePackages.has(key)).map(([key, bytes]) => ({ package: key, bytes }));
    const onlyBare = [...barePackages].filter(([key]) => !prodPackages.has(key)).map(([key, bytes]) => ({ package: key, bytes }));

    return {
        unit: "apparent size: sum of lstat sizes of files and symlinks, directories not counted; MB = 10^6 bytes",
        bareBytes: bare.bytes,
        bareFiles: bare.files,
        bareDiskBytes: bare.diskBytes,
        snapshotGuardBytes: prodBytes,
        snapshotGuardDiskBytes: prodModules.diskBytes + shipped.diskBytes,
        snapshotGuardNodeModulesBytes: prodModules.bytes,
        snapshotGuardShippedBytes: shipped.bytes,
        differenceBytes: prodBytes - bare.bytes,
        versions: installs.versions,
        cacheKey: installs.key,
        reusedCache: installs.cached,
        packagesOnlyInProductionInstall: onlyProd,
        packagesOnlyInBareInstall: onlyBare,
    };
}

// ------------------------------------------------------------------------------------------------
// 1. Cold start

async function startOnce(AnalyzerClient, packDir) {
    const t0 = performance.now();
    const client = await AnalyzerClient.start({ packDir, startTimeoutMs: 60_000 });
    try {
        const info = await client.getAnalyzerInfo();
        return { ms: performance.now() - t0, policies: info.policies.length, name: info.name };
    } finally {
        await client.close();
    }
}

/**
 * Starts every variant once per round, rotating the order each round so no variant always goes
 * first; one unmeasured warm-up round first (page cache, first-run effects in this process).
 */
async function coldStart(AnalyzerClient, variants, runs) {
    const times = Object.fromEntries(variants.map((variant) => [variant.id, []]));
    for (let roundIndex = -1; roundIndex < runs; roundIndex++) {
        const shift = Math.max(roundIndex, 0) % variants.length;
        const order = [...variants.slice(shift), ...variants.slice(0, shift)];
        for (const variant of order) {
            progress(`cold start: ${roundIndex < 0 ? "warm-up" : `run ${roundIndex + 1}/${runs}`}, ${variant.id}`);
            const result = await startOnce(AnalyzerClient, variant.dir);
            if (variant.expectPolicies === 0 ? result.policies !== 0 : result.policies === 0) {
                throw new Error(`${variant.id} started with ${result.policies} policies; the bench is not starting the pack it means to`);
            }
            if (roundIndex >= 0) times[variant.id].push(result.ms);
        }
    }
    return Object.fromEntries(Object.entries(times).map(([id, list]) => [id, { medianMs: median(list), runsMs: list.map((ms) => round(ms, 1)) }]));
}

// ------------------------------------------------------------------------------------------------
// 2. Throughput

function rng(seed) {
    // mulberry32: deterministic, so every run analyses the same resources.
    return () => {
        seed = (seed + 0x6d2b79f5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** 10,000 resources: about 30% of the rules' target types, the rest unrelated; ~8% carry unknowns. */
function makeResources(count) {
    // How the engine encodes unknowns and secrets, from the compiled pack (callers check bin/ first).
    const { UNKNOWN_SENTINEL: UNKNOWN, secret } = require(path.join(ROOT, "bin", "core", "wire.js"));
    const random = rng(20240302);
    const pick = (list) => list[Math.floor(random() * list.length)];
    const maybeUnknown = (value) => (random() < 0.08 ? UNKNOWN : value);
    const tags = (i) => ({ Name: `res-${i}`, team: pick(["data", "web", "platform"]), env: pick(["dev", "staging", "prod"]), "cost-center": String(1000 + (i % 97)) });
    const account = () => String(100000000000 + Math.floor(random() * 899999999999));
    const hex = (digits) => Array.from({ length: digits }, () => Math.floor(random() * 16).toString(16)).join("");
    const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
    const id = (prefix) => `${prefix}-${Math.floor(random() * 0xffffffff).toString(16).padStart(8, "0")}`;

    const targeted = [
        ["aws:ebs/volume:Volume", (i) => ({
            availabilityZone: "eu-west-1a", size: 8 + (i % 500), type: pick(["gp3", "gp2", "io2"]),
            ...(random() < 0.7 ? { encrypted: maybeUnknown(random() < 0.8) } : {}),
            ...(random() < 0.3 ? { kmsKeyId: `arn:aws:kms:eu-west-1:${account()}:key/${uuid()}` } : {}),
            tags: tags(i),
        })],
        ["aws:ec2/instance:Instance", (i) => ({
            ami: id("ami"), instanceType: pick(["t3.micro", "m6i.large", "c7g.xlarge"]), subnetId: id("subnet"),
            vpcSecurityGroupIds: [id("sg"), id("sg")],
            rootBlockDevice: random() < 0.05 ? UNKNOWN : { volumeSize: 20, volumeType: "gp3", encrypted: maybeUnknown(random() < 0.8) },
            ebsBlockDevices: Array.from({ length: Math.floor(random() * 3) }, (_, n) => ({
                deviceName: `/dev/sd${"fgh"[n]}`, volumeSize: 100, encrypted: maybeUnknown(random() < 0.85),
            })),
            userData: "#!/bin/bash\necho hello\n", tags: tags(i),
        })],
        ["aws:ec2/launchTemplate:LaunchTemplate", (i) => ({
            namePrefix: `lt-${i}-`, imageId: id("ami"), instanceType: "m6i.large",
            blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 50, encrypted: maybeUnknown(pick(["true", "false", undefined])) } }],
            tags: tags(i),
        })],
        ["aws:ec2/amiLaunchPermission:AmiLaunchPermission", () => {
            const roll = random();
            return { imageId: id("ami"), ...(roll < 0.1 ? { group: "all" } : roll < 0.2 ? { organizationArn: maybeUnknown("arn:aws:organizations::123456789012:organization/o-abc123") } : { accountId: maybeUnknown(account()) }) };
        }],
        ["aws:rds/instance:Instance", (i) => ({
            engine: pick(["postgres", "mysql"]), instanceClass: "db.t4g.medium", allocatedStorage: 50, username: "admin",
            password: secret("correct-horse"),
            ...(random() < 0.8 ? { backupRetentionPeriod: maybeUnknown(pick([0, 1, 7, 14, 35])) } : {}),
            storageEncrypted: true, tags: tags(i),
        })],
        ["azure-native:compute:Disk", (i) => ({
            resourceGroupName: "rg-data", location: "westeurope", diskSizeGB: 128, sku: { name: "Premium_LRS" },
            creationData: { createOption: "Empty" },
            ...(random() < 0.6 ? { publicNetworkAccess: maybeUnknown(pick(["Enabled", "Disabled"])) } : {}),
            ...(random() < 0.6 ? { networkAccessPolicy: pick(["AllowAll", "DenyAll", "AllowPrivate"]) } : {}),
            tags: tags(i),
        })],
        ["azure-native:compute/v20240302:Snapshot", () => ({
            resourceGroupName: "rg-data", location: "westeurope", incremental: true,
            creationData: { createOption: "Copy", sourceResourceId: `/subscriptions/${uuid()}/resourceGroups/rg-data/providers/Microsoft.Compute/disks/d1` },
            ...(random() < 0.6 ? { publicNetworkAccess: pick(["Enabled", "Disabled"]) } : {}),
            ...(random() < 0.6 ? { networkAccessPolicy: maybeUnknown(pick(["AllowAll", "DenyAll"])) } : {}),
        })],
        ["gcp:compute/imageIamMember:ImageIamMember", () => ({
            project: "my-project", image: id("image"), role: "roles/compute.imageUser",
            member: maybeUnknown(pick(["allUsers", "allAuthenticatedUsers", "user:alice@example.com", "serviceAccount:ci@my-project.iam.gserviceaccount.com"])),
        })],
        ["gcp:compute/diskIamPolicy:DiskIamPolicy", () => ({
            project: "my-project", zone: "europe-west1-b", name: id("disk"),
            policyData: random() < 0.08 ? UNKNOWN : JSON.stringify({
                bindings: [
                    { role: "roles/compute.viewer", members: ["group:ops@example.com", ...(random() < 0.3 ? ["allUsers"] : [])] },
                    { role: "roles/compute.admin", members: ["user:bob@example.com"] },
                ],
            }),
        })],
    ];
    const unrelated = [
        ["aws:s3/bucket:Bucket", (i) => ({ bucket: `bucket-${i}`, forceDestroy: false, tags: tags(i) })],
        ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", (i) => ({ bucket: maybeUnknown(`bucket-${i}`), blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true })],
        ["aws:iam/role:Role", (i) => ({
            name: `role-${i}`,
            assumeRolePolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }] }),
            managedPolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"], tags: tags(i),
        })],
        ["aws:iam/rolePolicyAttachment:RolePolicyAttachment", (i) => ({ role: maybeUnknown(`role-${i}`), policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" })],
        ["aws:ec2/securityGroup:SecurityGroup", (i) => ({
            vpcId: maybeUnknown(id("vpc")), description: "web",
            ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }], tags: tags(i),
        })],
        ["aws:lambda/function:Function", (i) => ({
            name: `fn-${i}`, runtime: "nodejs20.x", handler: "index.handler", role: maybeUnknown(`arn:aws:iam::123456789012:role/role-${i}`),
            memorySize: 256, timeout: 30, environment: { variables: { TABLE: `table-${i}`, STAGE: "prod", API_KEY: secret("k") } },
            tags: tags(i),
        })],
        ["aws:cloudwatch/logGroup:LogGroup", (i) => ({ name: `/aws/lambda/fn-${i}`, retentionInDays: 14, tags: tags(i) })],
        ["aws:ec2/subnet:Subnet", (i) => ({ vpcId: maybeUnknown(id("vpc")), cidrBlock: `10.0.${i % 256}.0/24`, availabilityZone: "eu-west-1b", tags: tags(i) })],
        ["azure-native:resources:ResourceGroup", (i) => ({ resourceGroupName: `rg-${i}`, location: "westeurope", tags: tags(i) })],
        ["azure-native:storage:StorageAccount", (i) => ({ resourceGroupName: "rg-data", accountName: `st${i}`, kind: "StorageV2", sku: { name: "Standard_LRS" }, enableHttpsTrafficOnly: true, minimumTlsVersion: "TLS1_2" })],
        ["gcp:storage/bucket:Bucket", (i) => ({ name: `gcs-${i}`, location: "EU", uniformBucketLevelAccess: true, labels: { team: "data" } })],
        ["gcp:serviceaccount/account:Account", (i) => ({ accountId: `sa-${i}`, displayName: `Service account ${i}`, project: "my-project" })],
        ["kubernetes:apps/v1:Deployment", (i) => ({
            metadata: { name: `app-${i}`, labels: { app: `app-${i}` } },
            spec: { replicas: 3, selector: { matchLabels: { app: `app-${i}` } }, template: { metadata: { labels: { app: `app-${i}` } }, spec: { containers: [{ name: "app", image: maybeUnknown(`registry/app:${i}`), ports: [{ containerPort: 8080 }] }] } } },
        })],
        ["random:index/randomPassword:RandomPassword", () => ({ length: 32, special: true })],
    ];

    // Groups of resources the stack rules join: sources and their copies, resources and the
    // policies that select them, referring to each other by id/ARN/self link (as after deploy) or by
    // propertyDependencies with an unknown value (as during preview), as in real stacks.
    const stack = "urn:pulumi:prod::bench";
    const providers = ["eu", "us"].map((name) => ({
        type: "pulumi:providers:aws", name, urn: `${stack}::pulumi:providers:aws::${name}`, properties: { region: name === "eu" ? "eu-west-1" : "us-east-1" },
    }));
    const resources = [...providers];
    const add = (type, properties, extra = {}) => {
        const name = `r${resources.length}`;
        const qualified = type.replace(/\/v[0-9]+(preview)?:/, ":"); // URNs carry the token as registered
        const resource = { type, name, urn: `${stack}::${qualified}::${name}`, properties, ...extra };
        resources.push(resource);
        return resource;
    };
    /** A reference: by value after deploy, or unknown with a property dependency during preview. */
    const ref = (key, source, value) => {
        const preview = random() < 0.25;
        return { value: preview ? UNKNOWN : value, extra: { dependencies: [source.urn], propertyDependencies: { [key]: [source.urn] } } };
    };
    const awsProvider = () => { const { urn, type, name } = pick(providers); return { urn, type, name }; };
    const backupTag = () => pick(["daily", "weekly", "none"]);
    const joined = [
        (i) => { // EBS volume, snapshots of it, sometimes a copy
            const provider = awsProvider();
            const volumeId = id("vol");
            const volume = add("aws:ebs/volume:Volume", {
                availabilityZone: "eu-west-1a", size: 100, encrypted: maybeUnknown(random() < 0.8), id: volumeId,
                arn: `arn:aws:ec2:eu-west-1:111122223333:volume/${volumeId}`, tags: { ...tags(i), backup: backupTag() },
            }, { provider });
            const snapshotId = id("snap");
            const { value, extra } = ref("volumeId", volume, volumeId);
            const snapshot = add("aws:ebs/snapshot:Snapshot", { volumeId: value, id: snapshotId, tags: { "retention-days": "14" } }, { provider, ...extra });
            if (random() < 0.3) {
                const copy = ref("sourceSnapshotId", snapshot, snapshotId);
                add("aws:ebs/snapshotCopy:SnapshotCopy", { sourceSnapshotId: copy.value, sourceRegion: "eu-west-1", encrypted: random() < 0.7 }, { provider, ...copy.extra });
            }
        },
        (i) => { // EC2 instance, an attached volume, an AMI taken from it
            const provider = awsProvider();
            const instanceId = id("i");
            const instance = add("aws:ec2/instance:Instance", {
                ami: id("ami"), instanceType: "m6i.large", id: instanceId, arn: `arn:aws:ec2:eu-west-1:111122223333:instance/${instanceId}`,
                rootBlockDevice: { volumeSize: 20, encrypted: maybeUnknown(random() < 0.85) }, tags: { ...tags(i), backup: backupTag() },
            }, { provider });
            const volumeId = id("vol");
            const volume = add("aws:ebs/volume:Volume", { availabilityZone: "eu-west-1a", size: 50, encrypted: true, id: volumeId, tags: tags(i) }, { provider });
            const a = ref("instanceId", instance, instanceId);
            add("aws:ec2/volumeAttachment:VolumeAttachment", { deviceName: "/dev/sdh", instanceId: a.value, volumeId }, {
                provider, dependencies: [instance.urn, volume.urn], propertyDependencies: { instanceId: [instance.urn], volumeId: [volume.urn] },
            });
            const image = ref("sourceInstanceId", instance, instanceId);
            add("aws:ec2/amiFromInstance:AmiFromInstance", { name: `img-${i}`, sourceInstanceId: image.value, deprecationTime: "2027-01-01T00:00:00Z" }, { provider, ...image.extra });
        },
        (i) => { // RDS instance and cluster with their snapshots
            const provider = awsProvider();
            const db = add("aws:rds/instance:Instance", {
                identifier: `db-${i}`, engine: "postgres", instanceClass: "db.t4g.medium", storageEncrypted: random() < 0.8,
                backupRetentionPeriod: pick([0, 1, 7, 14]), arn: `arn:aws:rds:eu-west-1:111122223333:db:db-${i}`, tags: tags(i),
            }, { provider });
            const s = ref("dbInstanceIdentifier", db, `db-${i}`);
            add("aws:rds/snapshot:Snapshot", { dbInstanceIdentifier: s.value, dbSnapshotIdentifier: `db-${i}-manual` }, { provider, ...s.extra });
            const [clusterType, snapshotType] = pick([
                ["aws:rds/cluster:Cluster", "aws:rds/clusterSnapshot:ClusterSnapshot"],
                ["aws:docdb/cluster:Cluster", "aws:docdb/clusterSnapshot:ClusterSnapshot"],
                ["aws:neptune/cluster:Cluster", "aws:neptune/clusterSnapshot:ClusterSnapshot"],
            ]);
            const cluster = add(clusterType, { clusterIdentifier: `cl-${i}`, id: `cl-${i}`, storageEncrypted: maybeUnknown(random() < 0.8), backupRetentionPeriod: 7, tags: tags(i) }, { provider });
            const c = ref("dbClusterIdentifier", cluster, `cl-${i}`);
            add(snapshotType, { dbClusterIdentifier: c.value, dbClusterSnapshotIdentifier: `cl-${i}-manual` }, { provider, ...c.extra });
        },
        (i) => { // GCP disk with a schedule attachment, a snapshot and an image of it
            const name = `disk-${i}`;
            const selfLink = `https://www.googleapis.com/compute/v1/projects/my-project/zones/europe-west1-b/disks/${name}`;
            const disk = add("gcp:compute/disk:Disk", {
                name, zone: "europe-west1-b", size: 100, selfLink, id: `projects/my-project/zones/europe-west1-b/disks/${name}`,
                ...(random() < 0.5 ? { diskEncryptionKey: { kmsKeySelfLink: "projects/my-project/locations/europe-west1/keyRings/r/cryptoKeys/k" } } : {}),
            });
            if (random() < 0.6) {
                const a = ref("disk", disk, name);
                add("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment", { name: "daily", disk: a.value, zone: "europe-west1-b" }, a.extra);
            }
            const s = ref("sourceDisk", disk, selfLink);
            add("gcp:compute/snapshot:Snapshot", { name: `snap-${i}`, sourceDisk: s.value, ...(random() < 0.5 ? { snapshotEncryptionKey: { kmsKeySelfLink: "k" } } : {}) }, s.extra);
            if (random() < 0.3) {
                const m = ref("sourceDisk", disk, name);
                add("gcp:compute/image:Image", { name: `image-${i}`, sourceDisk: m.value }, m.extra);
            }
        },
        (i) => { // Azure disk, a backup instance for it, a snapshot of it
            const diskId = `/subscriptions/${uuid()}/resourceGroups/rg-data/providers/Microsoft.Compute/disks/disk-${i}`;
            const disk = add("azure-native:compute:Disk", {
                resourceGroupName: "rg-data", location: "westeurope", diskSizeGB: 128, creationData: { createOption: "Empty" }, id: diskId,
                ...(random() < 0.5 ? { encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: `/subscriptions/${uuid()}/des` } } : {}),
                networkAccessPolicy: "DenyAll", tags: tags(i),
            });
            if (random() < 0.6) {
                const b = ref("properties", disk, diskId);
                add("azure-native:dataprotection:BackupInstance", {
                    resourceGroupName: "rg-data", vaultName: "vault",
                    properties: { objectType: "BackupInstance", dataSourceInfo: { objectType: "Datasource", resourceID: b.value }, policyInfo: { policyId: "policy" } },
                }, b.extra);
            }
            if (random() < 0.4) {
                const s = ref("creationData", disk, diskId);
                add("azure-native:compute/v20240302:Snapshot", { resourceGroupName: "rg-data", incremental: true, networkAccessPolicy: "DenyAll", creationData: { createOption: "Copy", sourceResourceId: s.value } }, s.extra);
            }
        },
    ];
    // A few stack-wide selectors: DLM policies and AWS Backup selections per provider.
    for (const provider of providers) {
        const { urn, type, name } = provider;
        add("aws:dlm/lifecyclePolicy:LifecyclePolicy", {
            description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm", state: "ENABLED",
            policyDetails: { resourceTypes: ["VOLUME"], targetTags: { backup: "daily" }, schedules: [{ name: "daily", createRule: { interval: 24 }, retainRule: { count: 14 } }] },
        }, { provider: { urn, type, name } });
        add("aws:backup/selection:Selection", { iamRoleArn: "arn:aws:iam::111122223333:role/backup", planId: "plan", name: "weekly", selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "weekly" }] }, { provider: { urn, type, name } });
        add("aws:backup/selection:Selection", {
            iamRoleArn: "arn:aws:iam::111122223333:role/backup", planId: "plan", name: "prod-rds", resources: ["arn:aws:rds:*:*:db:*"],
            conditions: [{ stringEquals: [{ key: "aws:ResourceTag/env", value: "prod" }] }],
        }, { provider: { urn, type, name } });
    }

    while (resources.length < count) {
        const i = resources.length;
        const roll = random();
        if (roll < 0.12) {
            pick(joined)(i);
            continue;
        }
        const [type, make] = roll < 0.36 ? pick(targeted) : pick(unrelated);
        const previous = resources[resources.length - 1];
        add(type, make(i), i > 0 && random() < 0.2 ? { parent: previous.urn } : {});
    }
    resources.length = count;
    return resources;
}

/** CPU time (user + system) of a process so far, in ms; undefined where /proc is not available. */
function processCpuMs(pid) {
    try {
        const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
        return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in USER_HZ (100/s on Linux)
    } catch {
        return undefined;
    }
}

async function analyzePass(AnalyzerClient, packDir, resources, inFlight) {
    const client = await AnalyzerClient.start({ packDir, startTimeoutMs: 60_000, callTimeoutMs: 300_000 });
    try {
        await client.getAnalyzerInfo();
        await client.configure({});
        let next = 0;
        let latencySum = 0;
        let diagnostics = 0;
        let notApplicable = 0;
        const worker = async () => {
            for (;;) {
                const index = next++;
                if (index >= resources.length) return;
                const sent = performance.now();
                const result = await client.analyze(resources[index]);
                latencySum += performance.now() - sent;
                diagnostics += result.diagnostics.length;
                notApplicable += result.notApplicable.length;
            }
        };
        const packCpu0 = processCpuMs(client.pid);
        const clientCpu0 = process.cpuUsage();
        const t0 = performance.now();
        await Promise.all(Array.from({ length: inFlight }, worker));
        const totalMs = performance.now() - t0;
        const packCpu1 = processCpuMs(client.pid);
        const clientCpu = process.cpuUsage(clientCpu0);
        const packCpuMs = packCpu0 === undefined || packCpu1 === undefined ? undefined : packCpu1 - packCpu0;
        const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;

        const s0 = performance.now();
        const stackResult = await client.analyzeStack(resources);
        const stackMs = performance.now() - s0;
        return {
            totalMs, meanLatencyMs: latencySum / resources.length, packCpuMs, clientCpuMs, diagnostics, notApplicable,
            stackMs, stackDiagnostics: stackResult.diagnostics.length,
        };
    } finally {
        await client.close();
    }
}

async function throughput(AnalyzerClient, packs, resources, options) {
    const passes = { snapshotGuard: [], empty: [] };
    for (let roundIndex = 0; roundIndex < options.analyzeRounds; roundIndex++) {
        const order = roundIndex % 2 === 0 ? ["snapshotGuard", "empty"] : ["empty", "snapshotGuard"];
        for (const which of order) {
            progress(`analyze: round ${roundIndex + 1}/${options.analyzeRounds}, ${which}`);
            passes[which].push(await analyzePass(AnalyzerClient, packs[which], resources, options.inFlight));
        }
    }
    const sg = passes.snapshotGuard;
    if (sg.some((pass) => pass.diagnostics === 0)) {
        throw new Error("snapshot-guard reported no violations for the resource mix; the bench is not exercising the rules");
    }
    if (passes.empty.some((pass) => pass.diagnostics !== 0)) {
        throw new Error("the empty pack reported violations; the bench is not starting the pack it means to");
    }
    const summary = (list) => ({
        medianTotalMs: median(list.map((pass) => pass.totalMs)),
        medianPackCpuMs: list.some((pass) => pass.packCpuMs === undefined) ? undefined : median(list.map((pass) => pass.packCpuMs)),
        medianClientCpuMs: median(list.map((pass) => pass.clientCpuMs)),
        medianMeanLatencyMs: median(list.map((pass) => pass.meanLatencyMs)),
        medianStackMs: median(list.map((pass) => pass.stackMs)),
        passes: list.map((pass) => ({
            totalMs: round(pass.totalMs, 1), meanLatencyMs: round(pass.meanLatencyMs, 3), stackMs: round(pass.stackMs, 1),
            packCpuMs: pass.packCpuMs, clientCpuMs: round(pass.clientCpuMs, 1),
            diagnostics: pass.diagnostics, notApplicable: pass.notApplicable, stackDiagnostics: pass.stackDiagnostics,
        })),
    });
    return { snapshotGuard: summary(sg), empty: summary(passes.empty) };
}

// ------------------------------------------------------------------------------------------------

// ------------------------------------------------------------------------------------------------
// 3. Stack rules: AnalyzeStack alone, and how its cost grows with the stack

/** One AnalyzeStack call per fresh pack, median of `rounds` (for --stack, without the Analyze pass). */
async function stackOnly(AnalyzerClient, packDir, resources, rounds) {
    const times = [];
    let diagnostics = 0;
    for (let round = 0; round < rounds; round++) {
        const client = await AnalyzerClient.start({ packDir, startTimeoutMs: 60_000, callTimeoutMs: 300_000 });
        try {
            await client.getAnalyzerInfo();
            await client.configure({});
            const s0 = performance.now();
            const result = await client.analyzeStack(resources);
            times.push(performance.now() - s0);
            diagnostics = result.diagnostics.length;
        } finally {
            await client.close();
        }
    }
    return { medianMs: median(times), diagnostics };
}

/**
 * The SDK's own AnalyzeStack handler in process, with only the stack rules, on stacks of growing
 * size from the same generator: a rule that compared every resource with every other would show a
 * 20,000/10,000 ratio near 4 instead of 2.
 */
async function stackScaling(sizes, rounds) {
    const { makeAnalyzeStackRpcFun } = require(path.join(ROOT, "node_modules/@pulumi/policy/server"));
    const analyzerPb = require(path.join(ROOT, "node_modules/@pulumi/pulumi/proto/analyzer_pb"));
    const { Struct } = require(require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [path.join(ROOT, "node_modules/@pulumi/pulumi")] }));
    const { toPolicies } = require(path.join(ROOT, "bin/core/adapter"));
    const { isStackRule } = require(path.join(ROOT, "bin/core/rule"));
    const { allRules } = require(path.join(ROOT, "bin/policies"));
    const stackRules = allRules.filter(isStackRule);
    const request = (resources) => {
        const message = new analyzerPb.AnalyzeStackRequest();
        message.setResourcesList(resources.map((resource) => {
            const entry = new analyzerPb.AnalyzerResource();
            entry.setType(resource.type);
            entry.setName(resource.name);
            entry.setUrn(resource.urn);
            entry.setProperties(Struct.fromJavaScript(JSON.parse(JSON.stringify(resource.properties ?? {}))));
            entry.setOptions(new analyzerPb.AnalyzerResourceOptions());
            if (resource.provider) {
                const provider = new analyzerPb.AnalyzerProviderResource();
                provider.setType(resource.provider.type);
                provider.setName(resource.provider.name);
                provider.setUrn(resource.provider.urn);
                provider.setProperties(Struct.fromJavaScript({}));
                entry.setProvider(provider);
            }
            entry.setDependenciesList(resource.dependencies ?? []);
            for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                const dependencies = new analyzerPb.AnalyzerPropertyDependencies();
                dependencies.setUrnsList(urns);
                entry.getPropertydependenciesMap().set(key, dependencies);
            }
            return entry;
        }));
        return message;
    };
    const time = async (policies, message) => {
        const analyze = makeAnalyzeStackRpcFun("bench", "0.0.0", "advisory", policies);
        const times = [];
        let diagnostics = 0;
        for (let round = 0; round < rounds + 1; round++) {
            const t0 = performance.now();
            const response = await new Promise((resolve, reject) => analyze({ request: message }, (error, value) => (error ? reject(error) : resolve(value))));
            if (round > 0) times.push(performance.now() - t0); // the first round warms up
            diagnostics = response.getDiagnosticsList().length;
        }
        return { ms: median(times), diagnostics };
    };
    // The rules' own work, without the SDK: plain decoded resources linked as the SDK links them.
    const { parseRuleConfig } = require(path.join(ROOT, "bin/core/config"));
    const checks = (generated) => {
        const byUrn = new Map();
        const linked = generated.map((resource) => {
            const entry = { type: resource.type, name: resource.name, urn: resource.urn, props: JSON.parse(JSON.stringify(resource.properties ?? {})), provider: resource.provider, dependencies: [], propertyDependencies: {} };
            byUrn.set(resource.urn, entry);
            return entry;
        });
        generated.forEach((resource, index) => {
            linked[index].dependencies = (resource.dependencies ?? []).map((urn) => byUrn.get(urn)).filter(Boolean);
            for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
                linked[index].propertyDependencies[key] = urns.map((urn) => byUrn.get(urn)).filter(Boolean);
            }
        });
        const contexts = stackRules.map((rule) => ({ config: parseRuleConfig(rule.id, rule.config, {}).knobs, now: new Date() }));
        const times = [];
        for (let run = 0; run < 7; run++) {
            const t0 = performance.now();
            stackRules.forEach((rule, index) => rule.checkStack(linked, contexts[index]));
            times.push(performance.now() - t0);
        }
        return Math.min(...times);
    };
    // As in the pack (index.ts): policies share one decoded copy of each resource's properties.
    require(path.join(ROOT, "bin/core/sdk-tuning")).shareDeserializedProperties();
    const policies = toPolicies(stackRules);
    // The SDK's own share: as many stack policies that do nothing.
    const noop = stackRules.map((rule) => ({ name: `${rule.id}-noop`, description: "no-op", enforcementLevel: "advisory", validateStack: () => undefined }));
    const rows = [];
    for (const size of sizes) {
        progress(`stack rules in process, ${size} resources…`);
        const generated = makeResources(size);
        const message = request(generated);
        const handler = await time(policies, message);
        const sdk = await time(noop, message);
        rows.push({ resources: size, ms: round(handler.ms, 1), noopMs: round(sdk.ms, 1), checksMs: round(checks(generated), 2), diagnostics: handler.diagnostics });
    }
    return { rules: stackRules.length, rows };
}

function stackScalingLine(scaling) {
    const sizes = scaling.rows.map((row) => row.resources.toLocaleString("en-US"));
    const handler = scaling.rows.map((row, index) => `${sizes[index]} ${seconds(row.ms)} (no-op policies ${seconds(row.noopMs)})`);
    const checks = scaling.rows.map((row, index) => `${sizes[index]} ${row.checksMs.toFixed(1)} ms`);
    const last = scaling.rows[scaling.rows.length - 1];
    const previous = scaling.rows[scaling.rows.length - 2];
    const ratio = last.checksMs / previous.checksMs;
    const handlerRatio = last.ms / previous.ms;
    const linear = (last.resources / previous.resources).toFixed(1);
    return {
        ratio,
        // A ratio over 3 counts only when the checks take long enough to matter (timer and GC noise
        // dominate a few milliseconds on a shared machine).
        missed: ratio > 3 && last.checksMs > 100,
        line: `stack rules  ${scaling.rules} rules in process: the rules' own checks ${checks.join(" · ")}, ratio ${ratio.toFixed(2)} (linear ≈ ${linear})\n` +
            `             SDK AnalyzeStack handler with them ${handler.join(" · ")}, ratio ${handlerRatio.toFixed(2)}`,
    };
}

async function mainStackOnly(options) {
    const AnalyzerClient = loadClient();
    const rounds = options.quick ? 1 : 3;
    const resources = makeResources(options.resources);
    const emptyDir = emptyPack(path.join(ROOT, "node_modules"), "repo");
    const sg = await stackOnly(AnalyzerClient, ROOT, resources, rounds);
    const empty = await stackOnly(AnalyzerClient, emptyDir, resources, rounds);
    const scaling = await stackScaling([5_000, 10_000, 20_000], rounds);
    progressDone();
    const n = options.resources.toLocaleString("en-US");
    const { line, ratio, missed: scalingMissed } = stackScalingLine(scaling);
    process.stdout.write([
        `snapshot-guard stack bench (node ${process.version}, ${os.cpus().length} cores${options.quick ? ", --quick" : ""})`,
        `analyzeStack ${n} resources ${seconds(sg.medianMs)} (${sg.diagnostics} findings)  empty pack ${seconds(empty.medianMs)}  ratio ${(sg.medianMs / empty.medianMs).toFixed(2)}  (one call, median of ${rounds}, target < ${TARGETS.analyzeSeconds} s)`,
        line,
    ].join("\n") + "\n");
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DIR, "last-stack.json"), JSON.stringify({
        node: process.version, analyzeStack: { resources: options.resources, snapshotGuardMs: round(sg.medianMs, 1), emptyMs: round(empty.medianMs, 1), findings: sg.diagnostics },
        stackScaling: { ...scaling, ratio: round(ratio, 3) },
    }, null, 2) + "\n");
    if (options.check && (sg.medianMs / 1000 >= TARGETS.analyzeSeconds || scalingMissed)) {
        throw new Error("budget missed: analyzeStack (see .bench/last-stack.json)");
    }
}

async function main() {
    const options = parseOptions(process.argv.slice(2));
    if (options.stackOnly) return mainStackOnly(options);
    const AnalyzerClient = loadClient();
    const started = Date.now();
    const date = new Date().toISOString().replace(/\.\d+Z$/, "Z");

    // Layouts. "repo": the repository as `pulumi preview --policy-pack <repo>` runs it after
    // `npm ci` (dev node_modules with typescript + ts-node, tsconfig.json present). "npm-pack":
    // what `npm pack` ships, on a production install; the empty pack there uses the bare install.
    const installs = await ensureInstalls();
    progress("npm pack…");
    const packed = await packedPack();
    const install = measureInstalls(installs, packed);
    const repoModules = path.join(ROOT, "node_modules");
    const layouts = {
        emptyRepo: emptyPack(repoModules, "repo"),
        sgRepo: ROOT,
        sgPackedDevModules: withNodeModules(packed, repoModules, "packed-dev"),
        emptyBare: emptyPack(installs.bareModules, "bare"),
        sgPackedProd: withNodeModules(packed, installs.prodModules, "packed-prod"),
    };

    const cold = await coldStart(AnalyzerClient, [
        { id: "emptyRepo", dir: layouts.emptyRepo, expectPolicies: 0 },
        { id: "sgRepo", dir: layouts.sgRepo },
        { id: "sgPackedDevModules", dir: layouts.sgPackedDevModules },
        { id: "emptyBare", dir: layouts.emptyBare, expectPolicies: 0 },
        { id: "sgPackedProd", dir: layouts.sgPackedProd },
    ], options.startRuns);

    const resources = makeResources(options.resources);
    const analyze = await throughput(AnalyzerClient, { snapshotGuard: ROOT, empty: layouts.emptyRepo }, resources, options);
    const scaling = await stackScaling([5_000, 10_000, 20_000], options.analyzeRounds);
    const stackScale = stackScalingLine(scaling);
    progressDone();

    // ---- report
    const repoRatio = cold.sgRepo.medianMs / cold.emptyRepo.medianMs;
    const prodRatio = cold.sgPackedProd.medianMs / cold.emptyBare.medianMs;
    const tsconfigMs = cold.sgRepo.medianMs - cold.sgPackedDevModules.medianMs;
    const sg = analyze.snapshotGuard;
    const empty = analyze.empty;
    const analyzeRatio = sg.medianTotalMs / empty.medianTotalMs;
    const stackRatio = sg.medianStackMs / empty.medianStackMs;
    const extraMB = install.differenceBytes / 1e6;
    const n = options.resources.toLocaleString("en-US");
    const over = (missed) => (missed ? "  MISSED" : "");
    const missed = {
        coldStartRepo: repoRatio > TARGETS.coldStartRatio,
        coldStartNpmPack: prodRatio > TARGETS.coldStartRatio,
        analyze: sg.medianTotalMs / 1000 >= TARGETS.analyzeSeconds,
        install: extraMB > TARGETS.installExtraMB,
        analyzeStack: sg.medianStackMs / 1000 >= TARGETS.analyzeSeconds,
        // Doubling the stack should about double the time; a quadratic join would quadruple it.
        stackScaling: stackScale.missed,
    };
    const roundsNote = options.analyzeRounds === 1 ? "1 round" : `median of ${options.analyzeRounds} rounds`;

    const lines = [
        `snapshot-guard bench (node ${process.version}, ${os.cpus().length} cores, ${date}${options.quick ? ", --quick" : ""})`,
        `cold start   repo layout      empty ${seconds(cold.emptyRepo.medianMs)}  snapshot-guard ${seconds(cold.sgRepo.medianMs)}  ratio ${repoRatio.toFixed(2)}  (median of ${options.startRuns}, target ≤ ${TARGETS.coldStartRatio})${over(missed.coldStartRepo)}`,
        `cold start   npm-pack layout  empty ${seconds(cold.emptyBare.medianMs)}  snapshot-guard ${seconds(cold.sgPackedProd.medianMs)}  ratio ${prodRatio.toFixed(2)}  (median of ${options.startRuns}, production installs, target ≤ ${TARGETS.coldStartRatio})${over(missed.coldStartNpmPack)}`,
        `             tsconfig.json in the pack dir: ${tsconfigMs >= 0 ? "+" : ""}${(tsconfigMs / 1000).toFixed(2)} s (repo dir vs the shipped files on the same node_modules)`,
        `analyze      ${n} resources ${seconds(sg.medianTotalMs)} (${(sg.medianTotalMs / options.resources).toFixed(2)} ms each, mean latency ${sg.medianMeanLatencyMs.toFixed(2)} ms, ${options.inFlight} in flight)  empty pack ${seconds(empty.medianTotalMs)}  ratio ${analyzeRatio.toFixed(2)}  (${roundsNote}, target < ${TARGETS.analyzeSeconds} s)${over(missed.analyze)}`,
        ...(sg.medianPackCpuMs === undefined ? [] : [
            `             CPU during the ${n}: snapshot-guard process ${seconds(sg.medianPackCpuMs)}, empty pack process ${seconds(empty.medianPackCpuMs)}, this bench's gRPC client ${seconds(sg.medianClientCpuMs)}`,
        ]),
        `analyzeStack ${n} resources ${seconds(sg.medianStackMs)} (${sg.passes[0].stackDiagnostics} findings)  empty pack ${seconds(empty.medianStackMs)}  ratio ${stackRatio.toFixed(2)}  (one call, ${roundsNote}, target < ${TARGETS.analyzeSeconds} s)${over(missed.analyzeStack)}`,
        stackScale.line + over(missed.stackScaling),
        `install      bare ${mb(install.bareBytes)} MB  snapshot-guard ${mb(install.snapshotGuardBytes)} MB  ${extraMB >= 0 ? "+" : ""}${extraMB.toFixed(1)} MB  (apparent size, target ≤ +${TARGETS.installExtraMB} MB${install.reusedCache ? ", cached installs" : ""})${over(missed.install)}`,
    ];
    process.stdout.write(lines.join("\n") + "\n");

    const report = {
        date,
        node: process.version,
        cores: os.cpus().length,
        quick: options.quick,
        seconds: round((Date.now() - started) / 1000, 1),
        targets: TARGETS,
        missed,
        coldStart: {
            measures: "spawn of run-policy-pack (as the Pulumi CLI runs it) until the port is printed and GetAnalyzerInfo has answered",
            runs: options.startRuns,
            repoLayout: { emptyMs: round(cold.emptyRepo.medianMs, 1), snapshotGuardMs: round(cold.sgRepo.medianMs, 1), ratio: round(repoRatio, 3) },
            npmPackLayout: { emptyMs: round(cold.emptyBare.medianMs, 1), snapshotGuardMs: round(cold.sgPackedProd.medianMs, 1), ratio: round(prodRatio, 3) },
            tsconfigCostMs: round(tsconfigMs, 1),
            variants: cold,
        },
        analyze: {
            resources: options.resources,
            inFlight: options.inFlight,
            rounds: options.analyzeRounds,
            snapshotGuardMs: round(sg.medianTotalMs, 1),
            emptyMs: round(empty.medianTotalMs, 1),
            ratio: round(analyzeRatio, 3),
            perResourceMs: round(sg.medianTotalMs / options.resources, 4),
            meanLatencyMs: round(sg.medianMeanLatencyMs, 3),
            packCpuMs: sg.medianPackCpuMs,
            emptyPackCpuMs: empty.medianPackCpuMs,
            clientCpuMs: round(sg.medianClientCpuMs, 1),
            details: analyze,
        },
        analyzeStack: {
            resources: options.resources,
            snapshotGuardMs: round(sg.medianStackMs, 1),
            emptyMs: round(empty.medianStackMs, 1),
            ratio: round(stackRatio, 3),
            scaling: { ...scaling, ratio: round(stackScale.ratio, 3) },
        },
        install: { ...install, bareMB: round(install.bareBytes / 1e6, 2), snapshotGuardMB: round(install.snapshotGuardBytes / 1e6, 2), differenceMB: round(extraMB, 2) },
    };
    fs.mkdirSync(BENCH_DIR, { recursive: true });
    fs.writeFileSync(path.join(BENCH_DIR, "last.json"), JSON.stringify(report, null, 2) + "\n");

    if (options.check) {
        const failed = Object.entries(missed).filter(([, value]) => value).map(([key]) => key);
        if (failed.length > 0) throw new Error(`budget missed: ${failed.join(", ")} (see .bench/last.json)`);
    }
}

module.exports = { makeResources };

if (require.main === module) {
    process.once("SIGINT", () => {
        cleanup();
        process.exit(130); // the analyzer client kills the packs it started on exit
    });

    main().then(
        () => cleanup(),
        (error) => {
            progressDone();
            cleanup();
            process.stderr.write(`bench: ${oneLine(error && error.message ? error.message : error, 1000)}\n`);
            process.exitCode = 1;
        },
    );
}
