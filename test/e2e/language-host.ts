// A minimal Pulumi Node.js language host (`pulumi-language-nodejs`) for the end-to-end suite. The
// real host is its own Go module that the module proxy does not serve; the engine needs only this
// much of it: print the port, run a program (`Run`) with @pulumi/pulumi's own `cmd/run`, and start a
// Node.js policy pack (`RunPlugin`) with `cmd/run-policy-pack`, streaming its output back.
//
// Started by the CLI as `pulumi-language-nodejs [flags] <engine-address>`; stdout is reserved for the
// port, everything else goes to stderr.
import { spawn } from "child_process";
import * as path from "path";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as languageGrpcTypes from "@pulumi/pulumi/proto/language_grpc_pb";
import type * as languagePbTypes from "@pulumi/pulumi/proto/language_pb";
import type * as pluginPbTypes from "@pulumi/pulumi/proto/plugin_pb";

/** The engine's "the program already reported its error" exit code (@pulumi/pulumi cmd/run). */
const EXIT_AFTER_REPORTED_ERROR = 32;

const stubsDir = path.dirname(require.resolve("@pulumi/pulumi/proto/language_grpc_pb"));
const near = (id: string) => require(require.resolve(id, { paths: [stubsDir] }));
const grpc: typeof grpcTypes = near("@grpc/grpc-js");
const languageGrpc: typeof languageGrpcTypes = near("./language_grpc_pb");
const languagePb: typeof languagePbTypes = near("./language_pb");
const pluginPb: typeof pluginPbTypes = near("./plugin_pb");

const engineAddress = process.argv[process.argv.length - 1];

function resolveFrom(dir: string, id: string): string {
    return require.resolve(id, { paths: [dir] });
}

function envFromList(list: readonly string[]): NodeJS.ProcessEnv {
    if (list.length === 0) return { ...process.env };
    const env: NodeJS.ProcessEnv = {};
    for (const entry of list) {
        const equals = entry.indexOf("=");
        if (equals > 0) env[entry.slice(0, equals)] = entry.slice(equals + 1);
    }
    return env;
}

function run(call: grpcTypes.ServerUnaryCall<languagePbTypes.RunRequest, languagePbTypes.RunResponse>,
    callback: grpcTypes.sendUnaryData<languagePbTypes.RunResponse>) {
    const request = call.request;
    const info = request.getInfo();
    const programDir = info?.getProgramDirectory() || request.getPwd();
    const entry = info?.getEntryPoint() || request.getProgram() || ".";
    let runner: string;
    try {
        runner = resolveFrom(programDir, "@pulumi/pulumi/cmd/run");
    } catch {
        const response = new languagePb.RunResponse();
        response.setError(`@pulumi/pulumi is not installed for the program in ${programDir}`);
        callback(null, response);
        return;
    }
    const config: Record<string, string> = {};
    request.getConfigMap().forEach((value, key) => {
        config[key] = value;
    });
    const args = [
        runner,
        `--monitor=${request.getMonitorAddress()}`,
        `--engine=${engineAddress}`,
        `--organization=${request.getOrganization()}`,
        `--project=${request.getProject()}`,
        `--stack=${request.getStack()}`,
        `--pwd=${request.getPwd()}`,
        `--root-directory=${info?.getRootDirectory() || programDir}`,
        ...(request.getDryrun() ? ["--dry-run"] : []),
        `--parallel=${request.getParallel()}`,
        entry,
        ...request.getArgsList(),
    ];
    const child = spawn(process.execPath, args, {
        cwd: request.getPwd() || programDir,
        env: {
            ...process.env,
            PULUMI_CONFIG: JSON.stringify(config),
            PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(request.getConfigsecretkeysList()),
            PULUMI_NODEJS_TYPESCRIPT: "true",
        },
        stdio: ["ignore", "inherit", "inherit"],
    });
    child.once("error", (error) => {
        const response = new languagePb.RunResponse();
        response.setError(`could not start node: ${error.message}`);
        callback(null, response);
    });
    child.once("exit", (code, signal) => {
        const response = new languagePb.RunResponse();
        if (code === EXIT_AFTER_REPORTED_ERROR) response.setBail(true);
        else if (code !== 0) response.setError(`Program exited with non-zero exit code: ${code ?? signal}`);
        callback(null, response);
    });
}

function runPlugin(call: grpcTypes.ServerWritableStream<languagePbTypes.RunPluginRequest, languagePbTypes.RunPluginResponse>) {
    const request = call.request;
    const pluginDir = request.getInfo()?.getProgramDirectory() || request.getPwd();
    const message = (build: (response: languagePbTypes.RunPluginResponse) => void) => {
        const response = new languagePb.RunPluginResponse();
        build(response);
        call.write(response);
    };
    let runner: string;
    try {
        runner = resolveFrom(pluginDir, "@pulumi/pulumi/cmd/run-policy-pack");
    } catch {
        call.destroy(new Error(`it looks like the policy pack's dependencies are not installed; try running npm install in ${pluginDir}`));
        return;
    }
    const child = spawn(process.execPath, [runner, ...request.getArgsList(), pluginDir], {
        cwd: pluginDir,
        env: envFromList(request.getEnvList()),
        stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.on("data", (chunk: Buffer) => message((response) => response.setStdout(chunk)));
    child.stderr.on("data", (chunk: Buffer) => message((response) => response.setStderr(chunk)));
    child.once("close", (code) => {
        message((response) => response.setExitcode(code ?? 1));
        call.end();
    });
    call.on("cancelled", () => child.kill());
}

function main() {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    server.addService(languageGrpc.LanguageRuntimeService, {
        run,
        runPlugin,
        getPluginInfo: (_call: unknown, callback: grpcTypes.sendUnaryData<pluginPbTypes.PluginInfo>) => {
            const info = new pluginPb.PluginInfo();
            info.setVersion("3.0.0");
            callback(null, info);
        },
        getRequiredPlugins: (_call: unknown, callback: grpcTypes.sendUnaryData<languagePbTypes.GetRequiredPluginsResponse>) =>
            callback(null, new languagePb.GetRequiredPluginsResponse()),
        getRequiredPackages: (_call: unknown, callback: grpcTypes.sendUnaryData<languagePbTypes.GetRequiredPackagesResponse>) =>
            callback(null, new languagePb.GetRequiredPackagesResponse()),
        installDependencies: (call: grpcTypes.ServerWritableStream<unknown, unknown>) => call.end(),
        about: (_call: unknown, callback: grpcTypes.sendUnaryData<languagePbTypes.AboutResponse>) => {
            const about = new languagePb.AboutResponse();
            about.setExecutable(process.execPath);
            about.setVersion(process.version);
            callback(null, about);
        },
        getProgramDependencies: (_call: unknown, callback: grpcTypes.sendUnaryData<languagePbTypes.GetProgramDependenciesResponse>) =>
            callback(null, new languagePb.GetProgramDependenciesResponse()),
    } as unknown as grpcTypes.UntypedServiceImplementation);
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
        if (error) {
            process.stderr.write(`language host: ${error.message}\n`);
            process.exit(1);
        }
        process.stdout.write(`${port}\n`);
    });
}

main();
