// Output formats by name.
import { CliError } from "../errors";
import type { Results } from "../results";
import { formatJson, jsonChunks } from "./json";
import { formatJunit } from "./junit";
import { formatMarkdown, MIN_MARKDOWN_MAX_LENGTH } from "./markdown";
import { formatSarif } from "./sarif";
import { formatText } from "./text";

export const FORMATS = ["text", "json", "sarif", "junit", "markdown"] as const;
export type Format = (typeof FORMATS)[number];

export function checkFormat(value: string | undefined, command: string): Format {
    if (value === undefined) return "text";
    if (!(FORMATS as readonly string[]).includes(value)) {
        throw new CliError(`${command}: unknown --format "${value}" (use ${FORMATS.join(", ")})`);
    }
    return value as Format;
}

export interface RenderOptions {
    colour?: boolean;
    checks?: boolean;
    /** Markdown only: the most characters the output may take (see checkMaxLength). */
    maxLength?: number;
}

/**
 * `--max-length N`: a whole number of characters, at least the summary's; only Markdown is capped
 * (the other formats are files for tools, not comments), so naming it with another format is an error.
 */
export function checkMaxLength(value: string | undefined, format: Format, command: string): number | undefined {
    if (value === undefined) return undefined;
    if (format !== "markdown") throw new CliError(`${command}: --max-length applies to --format markdown only`);
    if (!/^[0-9]+$/.test(value) || Number(value) < MIN_MARKDOWN_MAX_LENGTH || !Number.isSafeInteger(Number(value))) {
        throw new CliError(`${command}: --max-length "${value}" is not a whole number of characters from ${MIN_MARKDOWN_MAX_LENGTH} up (GitHub comments hold 65,536)`);
    }
    return Number(value);
}

/** `render` in pieces: JSON one finding at a time (results of large stacks), other formats whole. */
export function renderChunks(results: Results, format: Format, options: RenderOptions = {}): Iterable<string> {
    return format === "json" ? jsonChunks(results, options) : [render(results, format, options)];
}

export function render(results: Results, format: Format, options: RenderOptions = {}): string {
    switch (format) {
        case "text": return formatText(results, options);
        case "json": return formatJson(results, options);
        case "sarif": return formatSarif(results);
        case "junit": return formatJunit(results);
        case "markdown": return formatMarkdown(results, { maxLength: options.maxLength });
    }
}
