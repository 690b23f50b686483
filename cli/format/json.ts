// Machine-readable results: the result model as JSON, with counts.
import { countBy, type Results } from "../results";

export interface JsonOptions {
    /**
     * Adds the per-(resource, policy) outcomes: one entry per targeted pair, which for a large
     * stack is most of the output, so it is asked for (`--checks`) rather than always written.
     */
    checks?: boolean;
}

/** The items of a list member of the top-level object, each as `JSON.stringify(…, null, 2)` places it. */
function* listMember(name: string, items: readonly unknown[]): Generator<string> {
    if (items.length === 0) {
        yield `,\n  ${JSON.stringify(name)}: []`;
        return;
    }
    yield `,\n  ${JSON.stringify(name)}: [`;
    for (let index = 0; index < items.length; index++) {
        // JSON text holds no raw newline inside strings, so every newline starts a line to indent.
        yield `${index === 0 ? "" : ","}\n    ${JSON.stringify(items[index], null, 2).replace(/\n/g, "\n    ")}`;
    }
    yield "\n  ]";
}

/**
 * The same text as `formatJson`, in pieces of one finding or check each, so a large result is
 * written without first being built as one string (a 100,000-resource scan writes tens of MB).
 */
export function* jsonChunks(results: Results, options: JsonOptions = {}): Generator<string> {
    const head = JSON.stringify({
        source: results.source,
        tool: results.tool,
        summary: {
            resources: results.resources.length,
            findings: results.findings.length,
            byLevel: countBy(results.findings, (finding) => finding.level),
            bySeverity: countBy(results.findings, (finding) => finding.severity ?? "unspecified"),
        },
    }, null, 2);
    yield head.slice(0, head.length - "\n}".length);
    yield* listMember("findings", results.findings);
    if (options.checks) yield* listMember("checks", results.checks);
    yield "\n}\n";
}

export function formatJson(results: Results, options: JsonOptions = {}): string {
    return Array.from(jsonChunks(results, options)).join("");
}
