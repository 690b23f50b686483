// The stack as a graph the cross-resource rules can query in constant time per reference.
//
// A stack rule sees every resource once. It indexes the types it joins by type token and by every
// identifier another resource may use to refer to them (`id`, `arn`, `selfLink`, plus names such as
// an RDS `identifier`), then resolves each reference with one lookup: no rule compares every
// resource with every other. References are resolved through `propertyDependencies` (exact, also
// during preview) and by matching the referring value against the index (after deploy, or for
// resources that already exist). An unknown reference that neither resolves is reported as unknown
// so the rule defers; it is never guessed.

import { deferred, violation, violationWithoutPath, type Deferral, type Finding, type StackResource, type Violation } from "../../../core/rule";
import { asList, asString, isUnknown, normaliseTypeToken, parseJson, prop, UNKNOWN, type Unknown } from "../../../core/values";

/** Identifier keys every indexed resource is reachable by. */
const ID_KEYS = ["id", "arn", "selfLink"] as const;

/** Reference text in one canonical form: GCP API prefixes dropped, case folded (ARM ids are case-insensitive). */
export function refKey(text: string): string {
    return text.trim()
        .replace(/^https:\/\/(www|compute)\.googleapis\.com\/compute\/(v1|beta|alpha)\//i, "")
        .replace(/^\/\//, "")
        .toLowerCase();
}

export class StackGraph {
    private readonly byType = new Map<string, StackResource[]>();
    private readonly byRef = new Map<string, StackResource[]>();
    private readonly typeOf = new Map<StackResource, string>();

    /**
     * @param indexed types whose identifiers are indexed, each with extra name-like keys
     *   (e.g. `identifier` for RDS instances); other types are only bucketed by type.
     */
    constructor(resources: readonly StackResource[], indexed: Readonly<Record<string, readonly string[]>>) {
        for (const resource of resources) {
            const type = normaliseTypeToken(resource.type);
            this.typeOf.set(resource, type);
            let bucket = this.byType.get(type);
            if (!bucket) {
                bucket = [];
                this.byType.set(type, bucket);
            }
            bucket.push(resource);
            const extra = indexed[type];
            if (!extra) continue;
            for (const key of [...ID_KEYS, ...extra]) {
                const value = prop(resource.props, key);
                if (typeof value === "string" && value.trim() !== "") {
                    this.addRef(refKey(value), resource);
                }
            }
        }
    }

    private addRef(key: string, resource: StackResource) {
        const list = this.byRef.get(key);
        if (!list) {
            this.byRef.set(key, [resource]);
        } else if (!list.includes(resource)) {
            list.push(resource);
        }
    }

    /** Normalised type token of a resource. */
    type(resource: StackResource): string {
        return this.typeOf.get(resource) ?? normaliseTypeToken(resource.type);
    }

    of(...types: string[]): StackResource[] {
        const found: StackResource[] = [];
        for (const type of types) {
            found.push(...(this.byType.get(type) ?? []));
        }
        return found;
    }

    has(type: string): boolean {
        return (this.byType.get(type)?.length ?? 0) > 0;
    }

    /** Resources of `types` whose identifier equals `text`. */
    lookup(text: string, types: readonly string[]): StackResource[] {
        const found = this.byRef.get(refKey(text)) ?? [];
        return found.filter((resource) => types.includes(this.type(resource)));
    }

    /**
     * The resources of `types` a top-level property depends on. When the engine sent no property
     * dependencies for the resource at all, its only dependency of those types stands in (several
     * candidates are not narrowed down: that would be a guess).
     */
    dependencies(resource: StackResource, key: string, types: readonly string[]): StackResource[] {
        const byProperty = resource.propertyDependencies ?? {};
        const list = byProperty[key];
        if (list === undefined && Object.keys(byProperty).length === 0) {
            const candidates = (resource.dependencies ?? []).filter((dependency) => types.includes(this.type(dependency)));
            return candidates.length === 1 ? candidates : [];
        }
        return (list ?? []).filter((dependency) => types.includes(this.type(dependency)));
    }

    /**
     * Resolves a reference held in a top-level property (`volumeId`, `sourceDisk`): the resources in
     * the stack it names, `[]` when it names nothing in the stack (or is omitted), UNKNOWN when it
     * is unknown and its dependencies name nothing of the wanted types.
     */
    resolve(resource: StackResource, key: string, types: readonly string[]): StackResource[] | Unknown {
        return this.resolveIn(resource, key, prop(resource.props, key), types);
    }

    /**
     * Resolves a reference `value` read from the top-level property `key` (or from inside it, such as
     * `creationData.sourceResourceId`): a known value is matched against the index and backed up only
     * by the property's own dependencies; an unknown value resolves to its dependencies.
     */
    resolveIn(resource: StackResource, key: string, value: unknown, types: readonly string[]): StackResource[] | Unknown {
        const dependencies = isUnknown(value)
            ? this.dependencies(resource, key, types)
            : (resource.propertyDependencies?.[key] ?? []).filter((dependency) => types.includes(this.type(dependency)));
        return this.resolveValue(value, dependencies, types);
    }

    /**
     * Resolves a reference value read from inside a property. `candidates` are the dependencies of
     * its top-level property; they decide only when they can be the only source (see `resolveNested`).
     */
    resolveValue(value: unknown, dependencies: readonly StackResource[], types: readonly string[]): StackResource[] | Unknown {
        const text = asString(value);
        if (typeof text === "string") {
            const found = this.lookup(text, types);
            if (found.length > 0) return found;
            // A value that names nothing in the stack points outside it, unless the value was
            // computed from a resource of the wanted type (e.g. an id output not yet indexed).
            return dependencies.length > 0 ? [...dependencies] : [];
        }
        if (isUnknown(text)) {
            return dependencies.length > 0 ? [...dependencies] : UNKNOWN;
        }
        return [];
    }
}

/**
 * Presence of a reference or flag in inputs or deployed outputs: outputs carry empty strings for
 * unset fields (an instance device's `snapshotId: ""`, an RDS instance's `replicateSourceDb: ""`).
 * An unknown value counts as present.
 */
export function present(container: unknown, key: string): boolean {
    const value = prop(container, key);
    if (isUnknown(value)) return true;
    if (typeof value === "string") return value.trim() !== "";
    return value !== undefined;
}

/** Reads a list property unknown-safely; UNKNOWN when the list itself is unknown. */
export function listOf(container: unknown, key: string): unknown[] | Unknown {
    return asList(prop(container, key));
}

/**
 * Tags as a plain key → value lookup (unknown-safe): `tagsAll` when known; during preview, when
 * `tagsAll` is unknown, `tags` merged with the provider's `defaultTags.tags` (provider config may
 * arrive JSON-encoded). aws-native resources have no `tagsAll`: their `tags` are CloudFormation
 * `{ key, value }` entries, merged over the aws-native provider's default tags. UNKNOWN when the tags
 * are unknown; `partial` when the provider's default tags (or an entry's key) are unknown, so a tag
 * could still be added.
 */
export function tagsOf(resource: StackResource): { tags: Map<string, unknown>; partial: boolean } | Unknown {
    const all = prop(resource.props, "tagsAll");
    const map = new Map<string, unknown>();
    let partial = false;
    const merge = (source: unknown) => {
        if (Array.isArray(source)) {
            for (const entry of asList(source) as unknown[]) {
                const key = prop(entry, "key");
                if (isUnknown(entry) || isUnknown(key)) partial = true;
                else if (typeof key === "string") map.set(key, prop(entry, "value"));
            }
        } else if (typeof source === "object" && source !== null) {
            for (const key of Object.keys(source)) map.set(key, prop(source, key));
        }
    };
    if (all !== undefined && !isUnknown(all)) {
        merge(all);
        return { tags: map, partial: false };
    }
    const own = prop(resource.props, "tags");
    if (isUnknown(own)) return UNKNOWN;
    if (isUnknown(all) || resource.type.startsWith("aws-native:")) {
        const provider = resource.provider;
        const parsed = parseJson(prop(provider?.props, "defaultTags"));
        if (isUnknown(parsed)) {
            partial = true;
        } else if (parsed.ok) {
            const defaults = prop(parsed.value, "tags");
            if (isUnknown(defaults)) partial = true;
            else merge(defaults);
        }
    }
    merge(own);
    return { tags: map, partial };
}

/**
 * `[key, value]` pairs of a tag selector given as a map (`{ backup: "daily" }`) or as CloudFormation
 * entries (`[{ key: "backup", value: "daily" }]`); UNKNOWN when the selector or any key is unknown.
 */
export function tagPairs(value: unknown): Array<[string, unknown]> | Unknown {
    if (isUnknown(value)) return UNKNOWN;
    const pairs: Array<[string, unknown]> = [];
    if (Array.isArray(value)) {
        const entries = asList(value);
        if (isUnknown(entries)) return UNKNOWN;
        for (const entry of entries) {
            const key = prop(entry, "key");
            if (isUnknown(entry) || isUnknown(key)) return UNKNOWN;
            if (typeof key === "string") pairs.push([key, prop(entry, "value")]);
        }
    } else if (typeof value === "object" && value !== null) {
        for (const key of Object.keys(value)) pairs.push([key, prop(value, key)]);
    }
    return pairs;
}

/** A finding reported against one resource's URN. */
export function violationAt(resource: StackResource, path: string, problem: string, fix: string): Violation {
    return { ...violation(path, problem, fix), urn: resource.urn };
}

/** A finding against one resource's URN about something the stack lacks, with no property at fault. */
export function violationOn(resource: StackResource, problem: string, fix: string): Violation {
    return { ...violationWithoutPath(problem, fix), urn: resource.urn };
}

export function deferredAt(resource: StackResource, path: string): Deferral {
    return { ...deferred(path), urn: resource.urn };
}

/** A verdict about one resource as findings: bad reports at `path`, unknown defers there. */
export function judge(resource: StackResource, verdict: Verdict, path: string, problem: string, fix: string): Finding[] {
    if (isUnknown(verdict)) return [deferredAt(resource, path)];
    return verdict ? [violationAt(resource, path, problem, fix)] : [];
}

/** Three-valued verdict about a source: bad (true), fine (false), or unknown during preview. */
export type Verdict = boolean | Unknown;

/** Combines several sources: bad if any is bad, unknown if none is bad and one is unknown. */
export function anyBad(verdicts: Iterable<Verdict>): Verdict {
    let unknown = false;
    for (const verdict of verdicts) {
        if (verdict === true) return true;
        if (isUnknown(verdict)) unknown = true;
    }
    return unknown ? UNKNOWN : false;
}

/** Memoises a per-resource verdict so chains (copy of a copy of a snapshot) are evaluated once. */
export function memo<T>(compute: (resource: StackResource) => T, onCycle: T): (resource: StackResource) => T {
    const cache = new Map<StackResource, T>();
    const active = new Set<StackResource>();
    return (resource) => {
        const cached = cache.get(resource);
        if (cached !== undefined || cache.has(resource)) return cached as T;
        if (active.has(resource)) return onCycle;
        active.add(resource);
        try {
            const value = compute(resource);
            cache.set(resource, value);
            return value;
        } finally {
            active.delete(resource);
        }
    };
}

export type { Finding, StackResource };
