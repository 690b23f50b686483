// Output formats by name.
import { CliError } from "../errors";
import type { Results } from "../results";
import { formatJson } from "./json";
import { formatJunit } from "./junit";
import { formatMarkdown } from "./markdown";
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

export function render(results: Results, format: Format, options: { colour?: boolean; checks?: boolean } = {}): string {
    switch (format) {
        case "text": return formatText(results, options);
        case "json": return formatJson(results, options);
        case "sarif": return formatSarif(results);
        case "junit": return formatJunit(results);
        case "markdown": return formatMarkdown(results);
    }
}
