// The structure SARIF 2.1.0 requires (checked by hand against the schema's required fields and
// enums; no network at test time), and what GitHub code scanning needs on top (help on every rule,
// locations that resolve against declared base URIs). Returns a list of problems, empty when valid.
// The full schema and Microsoft's multitool check the same logs where they are installed
// (formats.spec.ts); this check runs everywhere.

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters a URI reference may hold (RFC 3986), with `%` only before two hex digits; no `#` or `?` in a path. */
const URI_PATH = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

function isPositiveInteger(value: unknown): boolean {
    return Number.isInteger(value) && (value as number) >= 1;
}

export function sarifProblems(log: unknown): string[] {
    const problems: string[] = [];
    const need = (condition: boolean, what: string) => {
        if (!condition) problems.push(what);
    };
    const message = (value: unknown, where: string) => {
        need(isObject(value) && (typeof value.text === "string" || typeof value.id === "string"), `${where} needs text or id`);
    };
    need(isObject(log), "log is an object");
    if (!isObject(log)) return problems;
    need(log.version === "2.1.0", "version is 2.1.0");
    need(log.$schema === undefined || typeof log.$schema === "string", "$schema is a string");
    need(Array.isArray(log.runs), "runs is an array");
    for (const [runIndex, run] of (Array.isArray(log.runs) ? log.runs : []).entries()) {
        const at = `runs[${runIndex}]`;
        need(isObject(run), `${at} is an object`);
        if (!isObject(run)) continue;
        const driver = isObject(run.tool) ? run.tool.driver : undefined;
        need(isObject(driver) && typeof driver.name === "string" && driver.name !== "", `${at}.tool.driver.name is required`);
        const rules = isObject(driver) && Array.isArray(driver.rules) ? driver.rules : [];
        const ids = new Set<string>();
        for (const [ruleIndex, rule] of rules.entries()) {
            const where = `${at}.tool.driver.rules[${ruleIndex}]`;
            need(isObject(rule) && typeof rule.id === "string", `${where}.id is required`);
            if (!isObject(rule)) continue;
            need(!ids.has(rule.id as string), `${where}.id is unique`);
            ids.add(rule.id as string);
            for (const key of ["shortDescription", "fullDescription"]) {
                if (rule[key] !== undefined) message(rule[key], `${where}.${key}`);
            }
            // GitHub refuses rules without help (the multitool's GH2012)
            need(isObject(rule.help) && typeof rule.help.text === "string" && rule.help.text !== "", `${where}.help.text is required`);
            if (isObject(rule.help) && rule.help.markdown !== undefined) need(typeof rule.help.markdown === "string", `${where}.help.markdown is a string`);
            if (rule.name !== undefined) need(typeof rule.name === "string" && rule.name !== rule.id, `${where}.name differs from the id`);
            if (rule.helpUri !== undefined) need(typeof rule.helpUri === "string" && /^[a-z]+:\/\//.test(rule.helpUri), `${where}.helpUri is a URI`);
            if (isObject(rule.defaultConfiguration)) {
                need(["none", "note", "warning", "error"].includes(rule.defaultConfiguration.level as string), `${where}.defaultConfiguration.level`);
            }
            if (isObject(rule.properties) && rule.properties.tags !== undefined) {
                const tags = rule.properties.tags;
                need(Array.isArray(tags) && tags.every((tag) => typeof tag === "string") && new Set(tags).size === tags.length, `${where}.properties.tags are unique strings`);
            }
        }
        if (run.automationDetails !== undefined) {
            need(isObject(run.automationDetails) && typeof run.automationDetails.id === "string", `${at}.automationDetails.id is a string`);
        }
        const bases = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
        need(run.originalUriBaseIds === undefined || isObject(run.originalUriBaseIds), `${at}.originalUriBaseIds is an object`);
        for (const [name, base] of Object.entries(bases)) {
            const uri = isObject(base) ? base.uri : undefined;
            need(typeof uri === "string" && ABSOLUTE_URI.test(uri) && uri.endsWith("/") && !/\s/.test(uri),
                `${at}.originalUriBaseIds.${name}.uri is an absolute URI ending in /`);
        }
        if (run.columnKind !== undefined) need(["utf16CodeUnits", "unicodeCodePoints"].includes(run.columnKind as string), `${at}.columnKind`);
        need(run.results === undefined || Array.isArray(run.results), `${at}.results is an array`);
        for (const [resultIndex, result] of (Array.isArray(run.results) ? run.results : []).entries()) {
            const where = `${at}.results[${resultIndex}]`;
            need(isObject(result), `${where} is an object`);
            if (!isObject(result)) continue;
            message(result.message, `${where}.message`);
            if (result.level !== undefined) need(["none", "note", "warning", "error"].includes(result.level as string), `${where}.level`);
            if (result.ruleIndex !== undefined) {
                need(Number.isInteger(result.ruleIndex) && (result.ruleIndex as number) >= -1, `${where}.ruleIndex is an integer`);
                const rule = rules[result.ruleIndex as number];
                need(isObject(rule) && rule.id === result.ruleId, `${where}.ruleIndex points at ruleId`);
            }
            if (result.partialFingerprints !== undefined) {
                need(isObject(result.partialFingerprints) && Object.values(result.partialFingerprints).every((value) => typeof value === "string"), `${where}.partialFingerprints are strings`);
            }
            need(result.locations === undefined || Array.isArray(result.locations), `${where}.locations is an array`);
            for (const location of Array.isArray(result.locations) ? result.locations : []) {
                need(isObject(location), `${where}.locations[] is an object`);
                if (!isObject(location)) continue;
                if (location.physicalLocation !== undefined) {
                    const physical = location.physicalLocation;
                    need(isObject(physical) && (isObject(physical.artifactLocation) || isObject(physical.address)), `${where} physicalLocation needs artifactLocation or address`);
                    const artifact = isObject(physical) && isObject(physical.artifactLocation) ? physical.artifactLocation : undefined;
                    if (artifact) {
                        const uri = artifact.uri;
                        need(typeof uri === "string" && uri !== "", `${where} artifactLocation.uri is a non-empty string`);
                        if (typeof uri === "string" && !ABSOLUTE_URI.test(uri)) need(URI_PATH.test(uri), `${where} artifactLocation.uri "${uri}" is a percent-encoded URI reference`);
                        if (artifact.uriBaseId !== undefined) {
                            need(typeof uri === "string" && !ABSOLUTE_URI.test(uri) && !uri.startsWith("/"), `${where} artifactLocation.uri is relative to its uriBaseId`);
                            need(typeof artifact.uriBaseId === "string" && artifact.uriBaseId in bases, `${where} artifactLocation.uriBaseId is declared in originalUriBaseIds`);
                        }
                    }
                    if (isObject(physical) && physical.region !== undefined) {
                        const region = physical.region;
                        need(isObject(region) && isPositiveInteger(region.startLine), `${where} region.startLine is a positive integer`);
                        if (isObject(region) && region.startColumn !== undefined) need(isPositiveInteger(region.startColumn), `${where} region.startColumn is a positive integer`);
                    }
                }
                for (const logical of Array.isArray(location.logicalLocations) ? location.logicalLocations : []) {
                    need(isObject(logical) && (logical.fullyQualifiedName === undefined || typeof logical.fullyQualifiedName === "string"), `${where} logicalLocation`);
                }
            }
        }
    }
    return problems;
}
