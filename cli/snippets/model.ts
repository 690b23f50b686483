// Snippets for `explain` are data: each example holds the resources it shows (type token, name,
// props) and the snippet text is rendered from them, so the text and the props a test runs through
// the rule cannot drift apart. References to other resources render as code (`key.arn`); the test
// evaluates them as a placeholder value, or, for a resource of the same example, as a value unknown
// during preview with a property dependency on that resource (what the engine sends).

/** A value written as code in the snippet. */
export class Ref {
    constructor(
        readonly code: string,
        /** The value a test evaluates when the reference is to something outside the example. */
        readonly value: unknown,
        /** Name of the example resource this refers to (stack rules resolve it by dependency). */
        readonly resource?: string,
    ) {}
}

/** A JSON document property (an IAM policy): rendered as `JSON.stringify({ … })`, evaluated as its text. */
export class Json {
    constructor(readonly document: unknown) {}
}

export function json(document: unknown): Json {
    return new Json(document);
}

/** `key.arn`, `rg.name`: something the snippet assumes exists, evaluated as `value`. */
export function ext(code: string, value: unknown): Ref {
    return new Ref(code, value);
}

/** `<resource>.<attribute>` of another resource in the same example. */
export function out(resource: string, attribute: string): Ref {
    return new Ref(`${varName(resource)}.${attribute}`, undefined, resource);
}

export interface SnippetResource {
    /** Type token, e.g. "aws:ebs/volume:Volume". */
    type: string;
    name: string;
    props: Record<string, unknown>;
}

export interface Example {
    resources: SnippetResource[];
    /** Policy config for the rule the example assumes (knobs, e.g. trustedAccountIds). */
    config?: Record<string, unknown>;
    /** One-line comment shown above the code. */
    note?: string;
}

export interface RuleExamples {
    violating: Example;
    compliant: Example;
}

export function resource(type: string, name: string, props: Record<string, unknown>): SnippetResource {
    return { type, name, props };
}

export function varName(name: string): string {
    return name.replace(/[-_ ]+([a-z0-9])/gi, (_, letter: string) => letter.toUpperCase());
}

/** "aws:ebs/volume:Volume" → "aws.ebs.Volume"; "azure-native:compute:Disk" → "azure_native.compute.Disk". */
export function className(type: string): string {
    const [pkg, module, name] = type.split(":");
    return `${pkg.replace(/-/g, "_")}.${module.split("/")[0]}.${name}`;
}

const identifier = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 100;

function keyText(key: string): string {
    return identifier.test(key) ? key : JSON.stringify(key);
}

function inline(value: unknown): string {
    if (value instanceof Ref) return value.code;
    if (value instanceof Json) return `JSON.stringify(${inline(value.document)})`;
    if (Array.isArray(value)) return `[${value.map(inline).join(", ")}]`;
    if (typeof value === "object" && value !== null) {
        const entries = Object.entries(value).map(([key, entry]) => `${keyText(key)}: ${inline(entry)}`);
        return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
    }
    return JSON.stringify(value);
}

/** `value` on one line when it fits in `room` characters, else objects and arrays one entry a line. */
function literal(value: unknown, indent: string, room: number): string {
    const short = inline(value);
    if (short.length <= room) return short;
    if (value instanceof Json) return `JSON.stringify(${literal(value.document, indent, room - 16)})`;
    const inner = `${indent}    `;
    if (Array.isArray(value)) {
        const items = value.map((entry) => `${inner}${literal(entry, inner, WIDTH - inner.length - 1)},`);
        return `[\n${items.join("\n")}\n${indent}]`;
    }
    if (typeof value === "object" && value !== null && !(value instanceof Ref)) {
        const entries = Object.entries(value).map(([key, entry]) => {
            const prefix = `${inner}${keyText(key)}: `;
            return `${prefix}${literal(entry, inner, WIDTH - prefix.length - 1)},`;
        });
        return `{\n${entries.join("\n")}\n${indent}}`;
    }
    return short;
}

function statement(entry: SnippetResource, referenced: ReadonlySet<string>): string {
    const head = `${referenced.has(entry.name) ? `const ${varName(entry.name)} = ` : ""}new ${className(entry.type)}(${JSON.stringify(entry.name)}, `;
    return `${head}${literal(entry.props, "", WIDTH - head.length - 2)});`;
}

function referencesIn(value: unknown, found: Set<string>): void {
    if (value instanceof Ref) {
        if (value.resource) found.add(value.resource);
    } else if (value instanceof Json) {
        referencesIn(value.document, found);
    } else if (Array.isArray(value)) {
        value.forEach((entry) => referencesIn(entry, found));
    } else if (typeof value === "object" && value !== null) {
        Object.values(value).forEach((entry) => referencesIn(entry, found));
    }
}

/** The resources an example's property refers to, by top-level property (its property dependencies). */
export function propertyDependencies(entry: SnippetResource): Record<string, string[]> {
    const dependencies: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(entry.props)) {
        const found = new Set<string>();
        referencesIn(value, found);
        if (found.size > 0) dependencies[key] = [...found];
    }
    return dependencies;
}

/** The snippet's TypeScript text. */
export function renderExample(example: Example): string {
    const referenced = new Set<string>();
    example.resources.forEach((entry) => referencesIn(entry.props, referenced));
    const lines: string[] = [];
    if (example.note) lines.push(`// ${example.note}`);
    if (example.config) {
        const knobs = Object.entries(example.config).map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(", ");
        lines.push(`// with policy config { ${knobs} } for this rule`);
    }
    lines.push(...example.resources.map((entry) => statement(entry, referenced)));
    return lines.join("\n");
}
