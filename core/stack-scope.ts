// Which resources of a stack the stack rules can see, from the types they declare they read
// (`stackTypes` and `alsoReads`). The rest are left out of AnalyzeStack by the pack's decoding, so
// a large stack of unrelated resources costs the stack policies nothing.
import { isStackRule, type Rule } from "./rule";
import { normaliseTypeToken } from "./values";

/** Whether any of the stack rules among `rules` reads the properties of a resource of a type. */
export function stackReadsProperties(rules: readonly Rule[]): (type: string) => boolean {
    const types = new Set<string>();
    for (const rule of rules) {
        if (isStackRule(rule)) for (const type of [...rule.stackTypes, ...(rule.alsoReads ?? [])]) types.add(normaliseTypeToken(type));
    }
    return (type) => types.has(normaliseTypeToken(type));
}

/** A resource's links as AnalyzeStack carries them. */
export interface StackLinks {
    type: string;
    urn: string;
    parent?: string;
    dependencies: readonly string[];
    propertyDependencies: Iterable<readonly string[]>;
}

/**
 * The resources a stack rule can tell from absent ones: those of a type the rules read, and those
 * such a resource names as its parent or a dependency (a rule may follow or count those links, but
 * reads no properties there). Input order is kept.
 */
export function visibleToStackRules<T>(resources: readonly T[], links: (resource: T) => StackLinks, reads: (type: string) => boolean): T[] {
    const all = resources.map(links);
    const named = new Set<string>();
    for (const link of all) {
        if (!reads(link.type)) continue;
        if (link.parent) named.add(link.parent);
        for (const urn of link.dependencies) named.add(urn);
        for (const urns of link.propertyDependencies) for (const urn of urns) named.add(urn);
    }
    return resources.filter((_, index) => reads(all[index].type) || named.has(all[index].urn));
}
