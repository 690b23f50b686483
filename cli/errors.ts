// Errors the CLI reports as one line and exit code 2 (bad input: usage, files, formats, config).

export class CliError extends Error {}

/** Exit codes: 0 = no mandatory violation, 1 = at least one, 2 = bad input or failure to run. */
export const EXIT_OK = 0;
export const EXIT_VIOLATIONS = 1;
export const EXIT_BAD_INPUT = 2;

/** One line, no stack trace, no control characters. */
export function oneLineError(error: unknown): string {
    const text = error instanceof Error ? error.message : String(error);
    return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "").split(/\r?\n/)
        .filter((line) => !/^\s+at\s/.test(line)).join(" ").replace(/\s+/g, " ").trim();
}
