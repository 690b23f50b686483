// Reads Pulumi's engine event stream (NDJSON: `pulumi preview --event-log`, `pulumi up --json`,
// `pulumi policy analyze --json`) into the CLI's result model. Only policy events of the chosen
// packs count; every other event kind is ignored.
import { isRecord } from "../core/wire";
import { CliError } from "./errors";
import {
    commonStack, isStackResource, nameOfUrn, ourRule, policyRef, splitMessage, stripColour, typeOfUrn, withoutDescription,
    type Check, type PolicyRef, type ResultFinding, type ResultLevel, type Results,
} from "./results";

export interface EventReadOptions {
    /** Packs to report on; undefined = every pack. */
    packs?: readonly string[];
    /** Told about what was skipped (malformed events, a cut-off last line); one line each. */
    warn?: (message: string) => void;
}

/**
 * The string fields of an event record, each checked: absent stays undefined, anything other than
 * a string makes the whole record malformed (undefined). The engine writes these fields as strings
 * (sdk/go/common/apitype/events.go), so another type means the log is not what it claims to be.
 */
function stringFields<K extends string>(record: unknown, keys: readonly K[]): Partial<Record<K, string>> | undefined {
    if (!isRecord(record)) return undefined;
    const out: Partial<Record<K, string>> = {};
    for (const key of keys) {
        const value = record[key];
        if (value === undefined || value === null) continue;
        if (typeof value !== "string") return undefined;
        out[key] = value;
    }
    return out;
}

function stringList(value: unknown): string[] | undefined {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) && value.every((item) => typeof item === "string") ? value : undefined;
}

const POLICY_EVENT_FIELDS = ["resourceUrn", "message", "policyName", "policyPackName", "policyPackVersion", "enforcementLevel", "severity"] as const;
const REMEDIATION_EVENT_FIELDS = ["resourceUrn", "policyName", "policyPackName", "policyPackVersion"] as const;
const SUMMARY_EVENT_FIELDS = ["resourceUrn", "policyPackName", "policyPackVersion"] as const;

/** Top-level properties a remediation changed, by name only: values may be secret. */
function changedProperties(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort();
}

function level(value: string | undefined): ResultLevel | undefined {
    switch (value?.toLowerCase()) {
        case "mandatory": return "mandatory";
        case "advisory": case "warning": return "advisory";
        case "remediate": return "remediate";
        default: return undefined; // disabled or unknown
    }
}

const severities = ["low", "medium", "high", "critical"];

/**
 * `pulumi up --json` prints the preview's summary as one pretty-printed JSON document before the
 * update's events: the number of lines it takes, or 0 when the stream does not start with one.
 */
function leadingDocumentLines(lines: readonly string[]): number {
    if (lines[0]?.trim() !== "{") return 0;
    const end = lines.findIndex((line) => line.trimEnd() === "}");
    if (end < 0) return 0;
    try {
        return isRecord(JSON.parse(lines.slice(0, end + 1).join("\n"))) ? end + 1 : 0;
    } catch {
        return 0;
    }
}

/**
 * Splits NDJSON (or a JSON array of events) into event objects, after the document `pulumi up
 * --json` starts with. A last line that is not JSON and has no newline after it was cut off (a
 * killed `pulumi up`): the complete lines are used and `warn` says so. The text comes without a
 * byte-order mark (decodeInputText).
 */
export function parseEventLog(text: string, source: string, warn: (message: string) => void = () => {}): Record<string, unknown>[] {
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
    const cutOff = lines.length - 1; // the line after the last newline, if the text does not end in one
    const documentLines = leadingDocumentLines(lines);
    lines.forEach((line, index) => {
        if (index < documentLines || line.trim() === "") return;
        let value: unknown;
        try {
            value = JSON.parse(line);
        } catch {
            if (index === cutOff && index > 0) {
                warn(`${source} line ${index + 1} was cut off (an interrupted run?); reading the ${index} complete lines before it`);
                return;
            }
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

/** Seconds since the epoch that a Date can hold. */
const MAX_EPOCH_SECONDS = 8.64e12;

function epochSeconds(value: unknown): number | undefined {
    return typeof value === "number" && Number.isFinite(value) && value >= 0 && value <= MAX_EPOCH_SECONDS ? value : undefined;
}

/**
 * When the logged run started (the earliest event timestamp, seconds since the epoch) and how long
 * it took (the summary event's durationSeconds, else the span of the timestamps). Values of the
 * wrong type are left out, not guessed.
 */
function runTiming(events: readonly Record<string, unknown>[]): { startedAt?: string; durationSeconds?: number } {
    let first: number | undefined;
    let last: number | undefined;
    let reported: number | undefined;
    for (const event of events) {
        const stamp = epochSeconds(event.timestamp);
        if (stamp !== undefined) {
            first = first === undefined ? stamp : Math.min(first, stamp);
            last = last === undefined ? stamp : Math.max(last, stamp);
        }
        if (isRecord(event.summaryEvent)) reported = epochSeconds(event.summaryEvent.durationSeconds) ?? reported;
    }
    if (first === undefined || last === undefined) return reported === undefined ? {} : { durationSeconds: reported };
    return { startedAt: new Date(first * 1000).toISOString(), durationSeconds: reported ?? last - first };
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
    // The stack's root resource is analyzed like any other, but nobody declared it: it is not counted.
    const noteResource = (urn: string) => {
        if (urn && !isStackResource(urn)) resources.add(urn);
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

    let malformed = 0;
    for (const event of events) {
        if ("policyEvent" in event) {
            const policy = stringFields(event.policyEvent, POLICY_EVENT_FIELDS);
            if (!policy) {
                malformed++;
                continue;
            }
            if (!wanted(policy.policyPackName) || policy.policyName === undefined) continue;
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
            noteResource(urn);
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
        if ("policyRemediationEvent" in event) {
            // A rule at `remediate` that changed a resource: a result, not a violation.
            const record = event.policyRemediationEvent;
            const remediation = stringFields(record, REMEDIATION_EVENT_FIELDS);
            const before = isRecord(record) ? record.before ?? {} : undefined;
            const after = isRecord(record) ? record.after ?? {} : undefined;
            if (!remediation || remediation.policyName === undefined || !isRecord(before) || !isRecord(after)) {
                malformed++;
                continue;
            }
            if (!wanted(remediation.policyPackName)) continue;
            policyRecords++;
            const pack = remediation.policyPackName!;
            notePolicy(remediation.policyName, pack, remediation.policyPackVersion);
            const urn = remediation.resourceUrn ?? "";
            const changed = changedProperties(before, after);
            const message = `remediated by ${remediation.policyName}: ` +
                (changed.length > 0 ? `changed ${changed.join(", ")}` : "no property changed");
            const key = `${urn}\u0000${pack}\u0000${remediation.policyName}\u0000${message}`;
            if (seen.has(key)) continue;
            seen.add(key);
            noteResource(urn);
            const rule = ourRule(remediation.policyName, pack);
            findings.push({
                policy: remediation.policyName, pack,
                ...(remediation.policyPackVersion ? { packVersion: remediation.policyPackVersion } : {}),
                level: "remediate",
                ...(rule ? { severity: rule.severity } : {}),
                urn, type: urn ? typeOfUrn(urn) : "", name: urn ? nameOfUrn(urn) : "",
                message,
            });
            continue;
        }
        for (const kind of ["policyAnalyzeSummaryEvent", "policyAnalyzeStackSummaryEvent", "policyRemediateSummaryEvent"]) {
            if (!(kind in event)) continue;
            const summary = stringFields(event[kind], SUMMARY_EVENT_FIELDS);
            const passed = isRecord(event[kind]) ? stringList((event[kind] as Record<string, unknown>).passed) : undefined;
            const failed = isRecord(event[kind]) ? stringList((event[kind] as Record<string, unknown>).failed) : undefined;
            if (!summary || !passed || !failed) {
                malformed++;
                continue;
            }
            if (!wanted(summary.policyPackName)) continue;
            policyRecords++;
            const pack = summary.policyPackName!;
            const urn = summary.resourceUrn ?? "";
            noteResource(urn);
            for (const [list, outcome] of [[passed, "passed"], [failed, "failed"]] as const) {
                for (const name of list) {
                    notePolicy(name, pack, summary.policyPackVersion);
                    addCheck({ urn, type: urn ? typeOfUrn(urn) : "", name: urn ? nameOfUrn(urn) : "stack", policy: name, pack, outcome });
                }
            }
        }
    }
    if (malformed > 0) {
        options.warn?.(`${source}: skipped ${malformed} malformed policy event${malformed === 1 ? "" : "s"} (fields of the wrong type)`);
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
        ...runTiming(events),
        ...commonStack([...resources, ...findings.map((finding) => finding.urn), ...checks.map((check) => check.urn)]),
    };
}
