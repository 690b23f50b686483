// Glob matching (`*` any run of characters, `?` one character, everything else literal) for
// exemption patterns and AWS Backup wildcards. Patterns come from users, so matching must not
// backtrack: the classic two-pointer algorithm remembers only the last `*` and retries from there,
// which bounds the work by pattern length × subject length (a regex built from `*a*a*a…` does not).

export interface GlobOptions {
    ignoreCase?: boolean;
}

export function isGlob(pattern: string): boolean {
    return pattern.includes("*") || pattern.includes("?");
}

export function globMatches(pattern: string, subject: string, options: GlobOptions = {}): boolean {
    if (options.ignoreCase) {
        pattern = pattern.toLowerCase();
        subject = subject.toLowerCase();
    }
    let p = 0;
    let s = 0;
    let star = -1; // index in the pattern just after the last `*` seen
    let resume = 0; // subject index that `*` is currently assumed to extend to
    while (s < subject.length) {
        const char = pattern[p];
        if (p < pattern.length && char !== "*" && (char === "?" || char === subject[s])) {
            p++;
            s++;
        } else if (p < pattern.length && char === "*") {
            star = ++p;
            resume = s;
        } else if (star >= 0) {
            p = star;
            s = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.length && pattern[p] === "*") p++;
    return p === pattern.length;
}
