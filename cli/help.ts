// `snapshot-guard <command> --help`: each command describes itself (usage, what it does, inputs,
// options, exit codes) next to its code; this module renders every description the same way.

export interface CommandHelp {
    /** What follows `snapshot-guard ` on the usage line. */
    usage: string;
    /** One line for the `snapshot-guard --help` overview. */
    summary: string;
    /** What the command does, as lines of at most about 100 characters. */
    description: readonly string[];
    /** Positional inputs: [name, meaning]. */
    inputs?: ReadonlyArray<readonly [string, string]>;
    /** Every option the parser accepts: [spelling with its argument, one-line meaning]. */
    options: ReadonlyArray<readonly [string, string]>;
    exitCodes: ReadonlyArray<readonly [number, string]>;
}

/** Exit code 2, the same for every command. */
export const BAD_INPUT: readonly [number, string] = [2, "bad input: unknown option, missing or unreadable file, wrong format, invalid config, unwritable --output"];

function table(rows: ReadonlyArray<readonly [string, string]>): string[] {
    const width = Math.max(...rows.map(([left]) => left.length));
    return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

export function renderHelp(help: CommandHelp): string {
    const lines = [`usage: snapshot-guard ${help.usage}`, "", ...help.description];
    if (help.inputs && help.inputs.length > 0) lines.push("", "inputs:", ...table(help.inputs));
    lines.push("", "options:", ...table([...help.options, ["--help, -h", "show this help"]]));
    lines.push("", "exit codes:", ...table(help.exitCodes.map(([code, meaning]) => [String(code), meaning])));
    return lines.join("\n") + "\n";
}
