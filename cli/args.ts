// A small argument parser (no dependencies): `--flag`, `--name value`, `--name=value`, repeatable
// options, positionals, `-` as a positional (stdin) and `--` to end options.
import { CliError } from "./errors";

export interface OptionSpec {
    /** "boolean" takes no value; "string" takes one; "list" takes one and may repeat. */
    kind: "boolean" | "string" | "list";
}

export interface ParsedArgs {
    positionals: string[];
    flags: Record<string, boolean>;
    values: Record<string, string>;
    lists: Record<string, string[]>;
}

export function parseArgs(argv: readonly string[], spec: Record<string, OptionSpec>, command: string): ParsedArgs {
    const parsed: ParsedArgs = { positionals: [], flags: {}, values: {}, lists: {} };
    for (let index = 0; index < argv.length; index++) {
        const arg = argv[index];
        if (arg === "--") {
            parsed.positionals.push(...argv.slice(index + 1));
            break;
        }
        if (!arg.startsWith("--") || arg === "-") {
            if (arg.startsWith("-") && arg !== "-") {
                throw new CliError(`${command}: unknown option ${arg} (options are written --name)`);
            }
            parsed.positionals.push(arg);
            continue;
        }
        const equals = arg.indexOf("=");
        const name = arg.slice(2, equals < 0 ? undefined : equals);
        const option = spec[name];
        if (!option) {
            const known = Object.keys(spec).map((key) => `--${key}`).join(", ");
            throw new CliError(`${command}: unknown option --${name}${known ? ` (known: ${known})` : ""}`);
        }
        if (option.kind === "boolean") {
            if (equals >= 0) throw new CliError(`${command}: --${name} takes no value`);
            parsed.flags[name] = true;
            continue;
        }
        let value: string;
        if (equals >= 0) {
            value = arg.slice(equals + 1);
        } else {
            if (index + 1 >= argv.length) throw new CliError(`${command}: --${name} needs a value`);
            value = argv[++index];
        }
        if (option.kind === "string") {
            if (name in parsed.values) throw new CliError(`${command}: --${name} given more than once`);
            parsed.values[name] = value;
        } else {
            (parsed.lists[name] ??= []).push(value);
        }
    }
    return parsed;
}

/** Exactly `count` positionals, or a usage error naming what is missing or extra. */
export function expectPositionals(parsed: ParsedArgs, names: readonly string[], command: string): string[] {
    if (parsed.positionals.length < names.length) {
        throw new CliError(`${command}: missing <${names[parsed.positionals.length]}> (see snapshot-guard ${command} --help)`);
    }
    if (parsed.positionals.length > names.length) {
        throw new CliError(`${command}: unexpected argument "${parsed.positionals[names.length]}"`);
    }
    return parsed.positionals;
}
