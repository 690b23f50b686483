#!/usr/bin/env node
// snapshot-guard: see the rules, write a policy config, scan a stack export or a program without
// the Pulumi CLI, and turn Pulumi's policy events into CI reports. Results go to stdout (or
// --output); errors are one line on stderr, `snapshot-guard <command>: <message>`. Exit 0 = no
// mandatory violation, 1 = at least one (or stale docs for `docs --check`), 2 = bad input.
import { CliError, EXIT_BAD_INPUT, oneLineError } from "./errors";
import { renderHelp, type CommandHelp } from "./help";
import { progressDone, setCommand, stderrPrefix } from "./output";

export interface Command {
    help: CommandHelp;
    run(argv: readonly string[]): Promise<number>;
}

export const commands: Record<string, () => Command> = {
    list: () => require("./commands/list"),
    explain: () => require("./commands/explain"),
    config: () => require("./commands/config"),
    docs: () => require("./commands/docs"),
    scan: () => require("./commands/scan"),
    report: () => require("./commands/report"),
    baseline: () => require("./commands/baseline"),
    assess: () => require("./commands/assess"),
};

/** `snapshot-guard --help`: one line per command; each command's --help has the rest. */
export function overview(): string {
    const names = Object.keys(commands);
    const width = Math.max(...names.map((name) => name.length));
    return [
        "usage: snapshot-guard <command> [options]", "", "commands:",
        ...names.map((name) => `  ${name.padEnd(width)}  ${commands[name]().help.summary}`),
        "", "exit codes: 0 no mandatory violation, 1 mandatory violation (or stale docs), 2 bad input",
        "`snapshot-guard <command> --help` shows a command's inputs, options and exit codes.",
    ].join("\n") + "\n";
}

/**
 * The one stderr line for an error: `snapshot-guard <command>: <message>`. A message that starts
 * with a command's name (`scan: …`, as many throw sites write it) does not repeat it; an error that
 * is not a CliError is a bug, said as such.
 */
export function errorLine(error: unknown): string {
    const text = oneLineError(error).replace(new RegExp(`^(${Object.keys(commands).join("|")}): `), "");
    return `${stderrPrefix()}${error instanceof CliError ? "" : "unexpected error: "}${text}\n`;
}

export async function main(argv: readonly string[]): Promise<number> {
    const [name, ...rest] = argv;
    setCommand(undefined);
    if (name === undefined) {
        throw new CliError(`no command given (commands: ${Object.keys(commands).join(", ")}); see snapshot-guard --help`);
    }
    if (name === "--help" || name === "-h" || name === "help") {
        process.stdout.write(overview());
        return 0;
    }
    if (name === "--version") {
        process.stdout.write(`${require("../../package.json").version}\n`);
        return 0;
    }
    const load = Object.prototype.hasOwnProperty.call(commands, name) ? commands[name] : undefined;
    if (!load) throw new CliError(`unknown command "${name}" (commands: ${Object.keys(commands).join(", ")})`);
    setCommand(name);
    const command = load();
    if (rest.includes("--help") || rest.includes("-h")) {
        process.stdout.write(renderHelp(command.help));
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
            progressDone(); // an error never glues onto a progress line
            process.stderr.write(errorLine(error));
            exit(EXIT_BAD_INPUT);
        },
    );
}
