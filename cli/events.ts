// Reads Pulumi's engine event stream (NDJSON: `pulumi preview --event-log`, `pulumi up --json`,
// `pulumi policy analyze --json`) into the CLI's result model. Only policy events of the chosen
// packs count; every other event kind is ignored.
import { CliError } from "./errors";
import {
    nameOfUrn, ourRule, policyRef, splitMessage, stripColour, typeOfUrn, withoutDescription,
    type Check, type PolicyRef, type ResultFinding, type ResultLevel, type Results,
} from "./results";

interface PolicyEvent {
    resourceUrn?: string;
    message?: string;
    policyName?: string;
    policyPackName?: string;
    policyPackVersion?: string;
    enforcementLevel?: string;
    severity?: string;
}

interface SummaryEvent {
    resourceUrn?: string;
    policyPackName?: string;
    policyPackVersion?: string;
    passed?: unknown;
    failed?: unknown;
}

export interface EventReadOptions {
    /** Packs to report on; undefined = every pack. */
    packs?: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function level(value: string | undefined): ResultLevel | undefined {
    switch ((value ?? "").toLowerCase()) {
        case "mandatory": return "mandatory";
        case "advisory": case "warning": return "advisory";
        case "remediate": return "remediate";
        default: return undefined; // disabled or unknown
    }
}

const severities = ["low", "medium", "high", "critical"];

/** Splits NDJSON (or a JSON array of events) into event objects. */
export function parseEventLog(text: string, source: string): Record<string, unknown>[] {
    const trimmed = text.trim();
    if (trimmed === "") throw new CliError(`${source} is empty (expected Pulumi engine events, one JSON object per line)`);
    if (trimmed.startsWith("[")) {
        try {
            const array = JSON.parse(trimmed);
            if (Array.isArray(array) && array.every(isRecord)) return array;
        } catch {
            // fall through to the line-by-line reading, which names the line
        }
    }
    const events: Record<string, unknown>[] = [];
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
        if (line.trim() === "") return;
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch {
            // JSON.parse quotes the input in its message; keep values out of errors.
            throw new CliError(`${source} line ${index + 1} is not JSON (expected Pulumi engine events, one JSON object per line)`);
        }
        if (!isRecord(value)) throw new CliError(`${source} line ${index + 1} is not an engine event object`);
        events.push(value);
    });
    const engineEvents = events.filter((event) => "sequence" in event || "timestamp" in event || Object.keys(event).some((key) => key.endsWith("Event")));
    if (engineEvents.length === 0) {
        throw new CliError(`${source} holds no Pulumi engine events (expected objects with policyEvent, preludeEvent, …)`);
    }
    return engineEvents;
}

export function eventsToResults(events: readonly Record<string, unknown>[], source: string, options: EventReadOptions = {}): Results {
    const wanted = (pack: string | undefined) => pack !== undefined && (options.packs === undefined || options.packs.includes(pack));
    const findings: ResultFinding[] = [];
    const checks: Check[] = [];
    const policies = new Map<string, PolicyRef>();
    const resources = new Set<string>();
    const versions = new Map<string, string>();
    const seen = new Set<string>();
    let policyRecords = 0;

    const notePolicy = (name: string, pack: string, version: string | undefined) => {
        const key = `${pack}/${name}`;
        if (!policies.has(key)) policies.set(key, policyRef(name, pack, version));
        if (version) versions.set(pack, version);
    };
    const checkIndex = new Map<string, Check>();
    const addCheck = (check: Check) => {
        const key = `${check.urn}\u0000${check.pack}\u0000${check.policy}`;
        const existing = checkIndex.get(key);
        if (!existing) {
            checkIndex.set(key, check);
            checks.push(check);
        } else if (check.outcome === "failed") {
            existing.outcome = "failed";
        }
    };

    for (const event of events) {
        if (isRecord(event.policyEvent)) {
            const policy = event.policyEvent as PolicyEvent;
            if (!wanted(policy.policyPackName) || typeof policy.policyName !== "string") continue;
            const findingLevel = level(policy.enforcementLevel);
            if (!findingLevel) continue;
            policyRecords++;
            const pack = policy.policyPackName!;
            notePolicy(policy.policyName, pack, policy.policyPackVersion);
            const rule = ourRule(policy.policyName, pack);
            const message = withoutDescription(stripColour(policy.message ?? ""), rule?.title, rule !== undefined);
            const urn = policy.resourceUrn ?? "";
            const key = `${urn}\u0000${pack}\u0000${policy.policyName}\u0000${message}`;
            if (seen.has(key)) continue; // preview and update both report the same violation
            seen.add(key);
            if (urn) resources.add(urn);
            const severity = severities.includes(policy.severity ?? "") ? policy.severity : rule?.severity;
            findings.push({
                policy: policy.policyName, pack,
                ...(policy.policyPackVersion ? { packVersion: policy.policyPackVersion } : {}),
                level: findingLevel,
                ...(severity ? { severity } : {}),
                urn, type: urn ? typeOfUrn(urn) : "", name: urn ? nameOfUrn(urn) : "",
                message,
                ...(rule ? splitMessage(message) : {}),
            });
            addCheck({ urn, type: urn ? typeOfUrn(urn) : "", name: urn ? nameOfUrn(urn) : "", policy: policy.policyName, pack, outcome: "failed" });
            continue;
        }
        for (const kind of ["policyAnalyzeSummaryEvent", "policyAnalyzeStackSummaryEvent", "policyRemediateSummaryEvent"]) {
            if (!isRecord(event[kind])) continue;
            const summary = event[kind] as SummaryEvent;
            if (!wanted(summary.policyPackName)) continue;
            policyRecords++;
            const pack = summary.policyPackName!;
            const urn = typeof summary.resourceUrn === "string" ? summary.resourceUrn : "";
            if (urn) resources.add(urn);
            for (const [list, outcome] of [[summary.passed, "passed"], [summary.failed, "failed"]] as const) {
                for (const name of Array.isArray(list) ? list : []) {
                    if (typeof name !== "string") continue;
                    notePolicy(name, pack, summary.policyPackVersion);
                    addCheck({ urn, type: urn ? typeOfUrn(urn) : "", name: urn ? nameOfUrn(urn) : "stack", policy: name, pack, outcome });
                }
            }
        }
    }
    if (policyRecords === 0) {
        const which = options.packs ? `of ${options.packs.join(", ")} ` : "";
        throw new CliError(`${source} has no policy events ${which}(was the preview run with --policy-pack?)`);
    }
    const ours = versions.get("snapshot-guard");
    const onlyPack = versions.size === 1 ? [...versions.entries()][0] : undefined;
    return {
        source,
        tool: ours !== undefined ? { name: "snapshot-guard", version: ours } : onlyPack ? { name: onlyPack[0], version: onlyPack[1] } : { name: "pulumi-policy", version: "" },
        policies: [...policies.values()],
        findings,
        checks,
        resources: [...resources],
    };
}
