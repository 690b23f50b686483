// SARIF 2.1.0 for code scanning: one rule per policy (with help, also for other packs' policies),
// results located at the line that declares the resource when the scan knows it, else at the
// scanned file, relative to %SRCROOT%; and always by URN as a logical location.
import { createHash } from "crypto";
import { pathToFileURL } from "url";
import { severityRank, type PolicyRef, type ResultFinding, type Results } from "../results";
import { codeSpan } from "./markdown";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
/** The base that relative artifact URIs resolve against; run.originalUriBaseIds says where it is. */
export const SOURCE_ROOT_BASE = "%SRCROOT%";

/**
 * Resource, pack, policy and property path identify a finding across runs; a finding without a path
 * (what a stack lacks, such as a guardrail in one region) is told apart by a digest of its message.
 */
function fingerprint(finding: ResultFinding): string {
    const where = finding.path || `#${createHash("sha256").update(finding.message).digest("hex").slice(0, 16)}`;
    return `${finding.urn}|${finding.pack}|${finding.policy}|${where}`;
}

const securitySeverity: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

/** A name people can read beside the opaque id, as CodeQL gives its rules: the words of the policy name in PascalCase. */
export function ruleName(text: string): string {
    return text.split(/[^A-Za-z0-9]+/).filter((word) => word !== "").map((word) => word[0].toUpperCase() + word.slice(1)).join("");
}

/** A relative path as a URI reference: each segment percent-encoded (a space, `#` or `%` is not part of a URI). */
export function relativeUri(file: string): string {
    return file.split("/").map(encodeURIComponent).join("/");
}

/** An absolute directory as the file URI of a base: percent-encoded, ending in `/` so that relative URIs resolve inside it. */
export function directoryUri(directory: string): string {
    const href = pathToFileURL(directory).href;
    return href.endsWith("/") ? href : `${href}/`;
}

function ruleKey(pack: string, policy: string): string {
    return `${pack}/${policy}`;
}

/** Help for a rule: ours from the rule list; another pack's says whose it is (GitHub requires help on every rule). */
function ruleHelp(policy: string, pack: string, ref: PolicyRef | undefined, packVersion: string | undefined): { text: string; markdown: string } {
    if (ref?.remediation) {
        const why = ref.rationale ? `${ref.rationale}\n\n` : "";
        const docs = ref.helpUrl ? { text: `\n\nDocumentation: ${ref.helpUrl}`, markdown: `\n\n[Documentation](${ref.helpUrl})` } : { text: "", markdown: "" };
        return { text: `${why}Fix: ${ref.remediation}${docs.text}`, markdown: `${why}**Fix:** ${ref.remediation}${docs.markdown}` };
    }
    const version = packVersion ? ` ${packVersion}` : "";
    const text = (name: string, packName: string) => `Policy ${name} of the Pulumi policy pack ${packName}${version}, read from Pulumi's policy events. ` +
        "snapshot-guard has no description of it: see that pack's documentation.";
    return { text: text(policy, pack), markdown: text(codeSpan(policy), codeSpan(pack)) };
}

function physicalLocation(finding: ResultFinding, results: Results): Record<string, unknown> | undefined {
    const base = results.sourceRoot ? { uriBaseId: SOURCE_ROOT_BASE } : {};
    const location = finding.location;
    if (location && location.file !== "" && Number.isInteger(location.line) && location.line >= 1) {
        const column = location.column !== undefined && Number.isInteger(location.column) && location.column >= 1 ? { startColumn: location.column } : {};
        return { artifactLocation: { uri: relativeUri(location.file), ...base }, region: { startLine: location.line, ...column } };
    }
    if (results.artifact) return { artifactLocation: { uri: relativeUri(results.artifact), ...base } };
    return undefined;
}

/** The run's category for code scanning: one per tool, project and stack, so stacks do not replace each other's alerts. */
function automationId(results: Results): string {
    return [results.tool.name, ...(results.project && results.stack ? [results.project, results.stack] : []), ""].join("/");
}

export function toSarif(results: Results): Record<string, unknown> {
    const rules: Record<string, unknown>[] = [];
    const ruleIndex = new Map<string, number>();
    const addRule = (pack: string, policy: string) => {
        const key = ruleKey(pack, policy);
        if (ruleIndex.has(key)) return;
        const ref = results.policies.find((candidate) => candidate.name === policy && candidate.pack === pack);
        const finding = results.findings.find((candidate) => candidate.policy === policy && candidate.pack === pack);
        const severity = ref?.severity ?? finding?.severity;
        const text = ref?.title ?? policy;
        const id = pack === "snapshot-guard" ? policy : key;
        const name = ruleName(policy);
        ruleIndex.set(key, rules.length);
        rules.push({
            id,
            // SARIF wants the id opaque and stable, and a name only when it differs from the id.
            ...(name !== "" && name !== id ? { name } : {}),
            shortDescription: { text },
            fullDescription: { text: ref?.rationale ?? text },
            ...(ref?.helpUrl ? { helpUri: ref.helpUrl } : {}),
            help: ruleHelp(policy, pack, ref, ref?.packVersion ?? finding?.packVersion),
            defaultConfiguration: { level: ref?.level === "advisory" ? "warning" : "error" },
            properties: {
                tags: ["security", pack],
                ...(severity ? { severity, "security-severity": securitySeverity[severity] ?? "5.0" } : {}),
            },
        });
    };
    for (const policy of results.policies) addRule(policy.pack, policy.name);
    for (const finding of results.findings) addRule(finding.pack, finding.policy);

    const sorted = [...results.findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
    const sarifResults = sorted.map((finding) => {
        const index = ruleIndex.get(ruleKey(finding.pack, finding.policy))!;
        const logical = finding.urn
            ? [{ fullyQualifiedName: finding.urn, name: finding.name, kind: "resource" }]
            : [{ fullyQualifiedName: finding.pack, kind: "module" }];
        const physical = physicalLocation(finding, results);
        return {
            ruleId: (rules[index] as { id: string }).id,
            ruleIndex: index,
            level: finding.level === "mandatory" ? "error" : finding.level === "advisory" ? "warning" : "note",
            message: { text: finding.message },
            locations: [{ ...(physical ? { physicalLocation: physical } : {}), logicalLocations: logical }],
            partialFingerprints: { "resourcePolicy/v1": fingerprint(finding) },
            properties: {
                enforcementLevel: finding.level,
                ...(finding.severity ? { severity: finding.severity } : {}),
                ...(finding.path ? { propertyPath: finding.path } : {}),
                resourceType: finding.type,
            },
        };
    });
    const started = results.startedAt !== undefined ? Date.parse(results.startedAt) : NaN;
    const invocations = Number.isNaN(started) ? [] : [{
        executionSuccessful: true,
        startTimeUtc: new Date(started).toISOString(),
        ...(results.durationSeconds !== undefined && Number.isFinite(results.durationSeconds) && results.durationSeconds >= 0
            ? { endTimeUtc: new Date(started + results.durationSeconds * 1000).toISOString() } : {}),
    }];
    const version = results.tool.version;
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: results.tool.name,
                    fullName: `${results.tool.name}${version ? ` ${version}` : ""} (Pulumi CrossGuard policy pack)`,
                    ...(version ? { version } : {}),
                    informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                    rules,
                },
            },
            automationDetails: { id: automationId(results) },
            ...(results.sourceRoot ? { originalUriBaseIds: { [SOURCE_ROOT_BASE]: { uri: directoryUri(results.sourceRoot) } } } : {}),
            ...(invocations.length > 0 ? { invocations } : {}),
            results: sarifResults,
            columnKind: "utf16CodeUnits",
        }],
    };
}

export function formatSarif(results: Results): string {
    return JSON.stringify(toSarif(results), null, 2) + "\n";
}
