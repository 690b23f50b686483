// Writes a large JSON document piece by piece, so an assessment of a big estate (100,000 findings
// make about 50 MB) never has to exist as one string: objects are indented, and each element of a
// list of objects (findings, stacks, rules) takes one line.
import * as fs from "fs";

const FLUSH_AT = 1 << 16;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function writeJsonFile(file: string, document: unknown): void {
    const fd = fs.openSync(file, "w");
    try {
        let buffer = "";
        const out = (text: string) => {
            buffer += text;
            if (buffer.length >= FLUSH_AT) {
                fs.writeSync(fd, buffer);
                buffer = "";
            }
        };
        write(out, document, "");
        out("\n");
        fs.writeSync(fd, buffer);
    } finally {
        fs.closeSync(fd);
    }
}

function write(out: (text: string) => void, value: unknown, indent: string): void {
    if (Array.isArray(value) && value.length > 0 && value.every(isObject)) {
        out("[\n");
        value.forEach((item, index) => out(`${indent}  ${JSON.stringify(item)}${index < value.length - 1 ? "," : ""}\n`));
        out(`${indent}]`);
        return;
    }
    if (isObject(value)) {
        const entries = Object.entries(value).filter(([, item]) => item !== undefined);
        if (entries.length === 0) {
            out("{}");
            return;
        }
        out("{\n");
        entries.forEach(([key, item], index) => {
            out(`${indent}  ${JSON.stringify(key)}: `);
            write(out, item, `${indent}  `);
            out(index < entries.length - 1 ? ",\n" : "\n");
        });
        out(`${indent}}`);
        return;
    }
    out(JSON.stringify(value));
}
