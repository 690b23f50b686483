#!/usr/bin/env node
// snapshot-guard: see the rules, write a policy config, scan a stack export or a program without
// the Pulumi CLI, and turn Pulumi's policy events into CI reports. Results go to stdout (or
// --output); errors are one line on stderr. Exit 0 = no mandatory violation, 1 = at least one
// (or stale docs for `docs --check`), 2 = bad input.
import { CliError, EXIT_BAD_INPUT, oneLineError } from "./errors";

interface Command {
    usage: string;
    run(argv: readonly string[]): Promise<number>;
}

const commands: Record<string, () => Command> = {
    list: () => require("./commands/list"),
    explain: () => require("./commands/explain"),
    config: () => require("./commands/config"),
    docs: () => require("./commands/docs"),
    scan: () => require("./commands/scan"),
    report: () => require("./commands/report"),
    baseline: () => require("./commands/baseline"),
    assess: () => require("./commands/assess"),
};

function help(): string {
    const lines = ["usage: snapshot-guard <command> [options]", "", "commands:"];
    for (const name of Object.keys(commands)) {
        lines.push(`  ${commands[name]().usage}`, "");
    }
    lines.push("exit codes: 0 no mandatory violation, 1 mandatory violation (or stale docs), 2 bad input",
        "`snapshot-guard <command> --help` shows one command.");
    return lines.join("\n") + "\n";
}

export async function main(argv: readonly string[]): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined) {
        throw new CliError(`no command given (commands: ${Object.keys(commands).join(", ")}); see snapshot-guard --help`);
    }
    if (name === "--help" || name === "-h" || name === "help") {
        process.stdout.write(help());
        return 0;
    }
    if (name === "--version") {
        process.stdout.write(`${require("../../package.json").version}\n`);
        return 0;
    }
    const load = commands[name];
    if (!load) throw new CliError(`unknown command "${name}" (commands: ${Object.keys(commands).join(", ")})`);
    const command = load();
    if (rest.includes("--help") || rest.includes("-h")) {
        process.stdout.write(`usage: snapshot-guard ${command.usage}\n`);
        return 0;
    }
    return command.run(rest);
}

/**
 * Exits once stdout has flushed. A recorded program may leave timers or promises behind (and
 * @pulumi/pulumi handlers that would print a stack trace), so the CLI does not wait for them.
 */
function exit(code: number): void {
    process.exitCode = code;
    process.stdout.write("", () => process.stderr.write("", () => process.exit(code)));
}

if (require.main === module) {
    // A reader that stops early (`| head`) is not an error worth a stack trace.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
        throw error;
    });
    main(process.argv.slice(2)).then(
        (code) => exit(code),
        (error) => {
            const internal = !(error instanceof CliError);
            process.stderr.write(`snapshot-guard: ${internal ? "error: " : ""}${oneLineError(error)}\n`);
            exit(EXIT_BAD_INPUT);
        },
    );
}
