// Reads a `pulumi stack export` file (deployment versions 1-3) into resources to scan. Encrypted
// secrets (`{ <sig>: <secret sig>, ciphertext }`) become secret unknowns; plaintext secrets (from
// `--show-secrets`) stay secrets. Nothing here prints a value.
import {
    RESOURCE_REFERENCE_SIGNATURE, SECRET_SIGNATURE, SECRET_SIGNATURE_KEY, UNKNOWN_SENTINEL, isRecord, referenceAsEngineSends, secret,
} from "../core/wire";
import { CliError } from "./errors";
import { nameOfUrn, typeOfUrn } from "./results";
import { stackAndProject, type ScanInput, type ScanResource } from "./resources";

const SIG_KEY = SECRET_SIGNATURE_KEY;

/**
 * Deepest nesting of values read from an export. Real state nests a few dozen levels; the limit
 * keeps hostile input from exhausting the stack here, in the gRPC encoder and in the pack.
 */
export const MAX_VALUE_DEPTH = 1000;

class TooDeep extends Error {}

/**
 * Converts state values to the engine's wire encoding for the analyzer. Values that need no change
 * are returned as they are (not copied): a large export is not held twice.
 */
export function decodeStateValue(value: unknown, depth = 0): unknown {
    if (depth > MAX_VALUE_DEPTH) throw new TooDeep();
    if (Array.isArray(value)) {
        let out: unknown[] | undefined;
        for (let index = 0; index < value.length; index++) {
            const item = decodeStateValue(value[index], depth + 1);
            if (item !== value[index] && !out) out = value.slice(0, index);
            if (out) out.push(item);
        }
        return out ?? value;
    }
    if (!isRecord(value)) return value;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIGNATURE) {
        if ("plaintext" in value && typeof value.plaintext === "string") {
            try {
                return secret(decodeStateValue(JSON.parse(value.plaintext), depth + 1));
            } catch {
                return secret(UNKNOWN_SENTINEL);
            }
        }
        if ("value" in value) return secret(decodeStateValue(value.value, depth + 1));
        // ciphertext: the key is not ours to use; the value is unknown and stays secret.
        return secret(UNKNOWN_SENTINEL);
    }
    if (sig === RESOURCE_REFERENCE_SIGNATURE) return referenceAsEngineSends(value);
    if (typeof sig === "string") {
        // Assets and archives: opaque to these rules.
        return value;
    }
    let out: Record<string, unknown> | undefined;
    const entries = Object.entries(value);
    for (let index = 0; index < entries.length; index++) {
        const [key, item] = entries[index];
        const decoded = decodeStateValue(item, depth + 1);
        if (decoded !== item && !out) {
            out = {};
            for (const [earlier, kept] of entries.slice(0, index)) setOwn(out, earlier, kept);
        }
        if (out) setOwn(out, key, decoded);
    }
    return out ?? value;
}

/** Sets an own property, also for the key `__proto__` (which assignment would take as the prototype). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** decodeStateValue for one resource's bag, naming the resource when the values nest too deep. */
function decodeBag(value: unknown, source: string, urn: string): Record<string, unknown> {
    if (!isRecord(value)) return {};
    try {
        return decodeStateValue(value) as Record<string, unknown>;
    } catch (error) {
        if (error instanceof TooDeep) {
            throw new CliError(`${source}: resource ${urn} nests values deeper than ${MAX_VALUE_DEPTH} levels (the limit of this reader)`);
        }
        throw error;
    }
}

function stringList(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** Parses the text of an export; `source` names it in errors. */
export function readStackExport(text: string, source: string): ScanInput {
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch {
        // JSON.parse quotes the input in its message; the input may hold secrets.
        throw new CliError(`${source} is not JSON (expected the output of \`pulumi stack export\`)`);
    }
    const deployment = isRecord(parsed)
        ? (isRecord(parsed.deployment) ? parsed.deployment : isRecord(parsed.checkpoint) && isRecord(parsed.checkpoint.latest) ? parsed.checkpoint.latest : undefined)
        : undefined;
    if (!isRecord(parsed) || !deployment) {
        throw new CliError(`${source} is not a \`pulumi stack export\` file (no "deployment" object)`);
    }
    const raw = deployment.resources ?? [];
    if (!Array.isArray(raw)) {
        throw new CliError(`${source} is not a \`pulumi stack export\` file ("deployment.resources" is not a list)`);
    }
    const byUrn = new Map<string, Record<string, unknown>>();
    raw.forEach((resource, index) => {
        if (!isRecord(resource) || typeof resource.urn !== "string" || typeof resource.type !== "string") {
            throw new CliError(`${source}: deployment.resources[${index}] has no urn and type`);
        }
        byUrn.set(resource.urn, resource);
    });
    const resources: ScanResource[] = [];
    // One decoded provider per provider URN: every resource of a provider shares it.
    const providers = new Map<string, NonNullable<ScanResource["provider"]>>();
    for (const resource of raw as Record<string, unknown>[]) {
        if (resource.delete === true) continue; // pending deletion: not part of the stack any more
        const urn = resource.urn as string;
        let provider: ScanResource["provider"];
        if (typeof resource.provider === "string" && resource.provider.includes("::")) {
            const providerUrn = resource.provider.slice(0, resource.provider.lastIndexOf("::"));
            provider = providers.get(providerUrn);
            if (!provider) {
                const found = byUrn.get(providerUrn);
                provider = {
                    urn: providerUrn, type: typeOfUrn(providerUrn), name: nameOfUrn(providerUrn),
                    properties: found ? decodeBag(found.inputs, source, providerUrn) : {},
                };
                providers.set(providerUrn, provider);
            }
        }
        const propertyDependencies: Record<string, string[]> = {};
        if (isRecord(resource.propertyDependencies)) {
            for (const [key, urns] of Object.entries(resource.propertyDependencies)) propertyDependencies[key] = stringList(urns);
        }
        resources.push({
            urn,
            type: resource.type as string,
            name: nameOfUrn(urn),
            custom: resource.custom === true,
            inputs: decodeBag(resource.inputs, source, urn),
            outputs: decodeBag(resource.outputs, source, urn),
            ...(typeof resource.parent === "string" && resource.parent ? { parent: resource.parent } : {}),
            ...(provider ? { provider } : {}),
            dependencies: stringList(resource.dependencies),
            propertyDependencies,
            ...(resource.protect === true ? { protect: true } : {}),
        });
    }
    const { stack, project } = stackAndProject(resources[0]?.urn);
    return { source, stack, project, dryRun: false, resources };
}
