// SARIF 2.1.0: one rule entry per policy (help from our rule list when the policy is ours), results
// located by URN as a logical location, plus the scanned file when there is one.
import { severityRank, type Results } from "../results";

export const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

const securitySeverity: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };

function ruleKey(pack: string, policy: string): string {
    return `${pack}/${policy}`;
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
        ruleIndex.set(key, rules.length);
        rules.push({
            id: pack === "snapshot-guard" ? policy : key,
            name: policy,
            shortDescription: { text },
            fullDescription: { text: ref?.rationale ?? text },
            ...(ref?.helpUrl ? { helpUri: ref.helpUrl } : {}),
            ...(ref?.remediation ? { help: { text: ref.remediation, markdown: ref.remediation } } : {}),
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
        return {
            ruleId: (rules[index] as { id: string }).id,
            ruleIndex: index,
            level: finding.level === "mandatory" ? "error" : finding.level === "advisory" ? "warning" : "note",
            message: { text: finding.message },
            locations: [{
                ...(results.artifact ? { physicalLocation: { artifactLocation: { uri: results.artifact } } } : {}),
                logicalLocations: logical,
            }],
            partialFingerprints: { "resourcePolicy/v1": `${finding.urn}|${finding.pack}|${finding.policy}|${finding.path ?? ""}` },
            properties: {
                enforcementLevel: finding.level,
                ...(finding.severity ? { severity: finding.severity } : {}),
                ...(finding.path ? { propertyPath: finding.path } : {}),
                resourceType: finding.type,
            },
        };
    });
    return {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: results.tool.name,
                    version: results.tool.version,
                    informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                    rules,
                },
            },
            results: sarifResults,
            columnKind: "utf16CodeUnits",
        }],
    };
}

export function formatSarif(results: Results): string {
    return JSON.stringify(toSarif(results), null, 2) + "\n";
}
