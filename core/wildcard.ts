// Action patterns with `*` and `?` wildcards, as AWS IAM and Azure RBAC write them; matched
// case-insensitively (both services compare action names without regard to case).

const compiled = new Map<string, RegExp>();

function toRegExp(pattern: string): RegExp {
    let regexp = compiled.get(pattern);
    if (regexp === undefined) {
        const escaped = pattern.trim().replace(/[.+^${}()|[\]\\/]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
        regexp = new RegExp(`^${escaped}$`, "i");
        if (compiled.size < 10_000) compiled.set(pattern, regexp);
    }
    return regexp;
}

/** True when any of `patterns` matches `name`. */
export function matchesAnyPattern(patterns: readonly string[], name: string): boolean {
    return patterns.some((pattern) => toRegExp(pattern).test(name));
}
