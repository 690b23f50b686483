import type { PlanArgs } from "@pulumi/aws/backup";
import type { BackupPlanArgs as NativeBackupPlanArgs } from "@pulumi/aws-native/backup";
import type { LifecyclePolicyArgs } from "@pulumi/aws/dlm";
import type { LifecyclePolicyArgs as NativeLifecyclePolicyArgs } from "@pulumi/aws-native/dlm";
import type { ClusterArgs as RedshiftClusterArgs, SnapshotCopyArgs as RedshiftSnapshotCopyArgs } from "@pulumi/aws/redshift";
import type { SnapshotArgs as ServerlessSnapshotArgs } from "@pulumi/aws/redshiftserverless";
import type { ClusterArgs as NativeRedshiftClusterArgs } from "@pulumi/aws-native/redshift";
import type { SnapshotArgs as NativeServerlessSnapshotArgs } from "@pulumi/aws-native/redshiftserverless";
import { applyEdits, at as fixAt, assign, eachElement, UNCHANGED, update, updateIn } from "../../core/fix";
import { defineRule, deferred, on, violation, type CheckContext, type Finding } from "../../core/rule";
import { asBool, asNumber, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { at, eachItem, objectAt, readNumber, retentionBounds } from "./lib/checks";
import { eachPlanRule, NATIVE_PLAN, PLAN, type PlanShape } from "./lib/backup-plan";
import { DLM, eachEventCopy, eachSchedule, NATIVE_DLM } from "./lib/dlm";

type Knobs = "minRetentionDays" | "maxRetentionDays" | "defaultRetentionDays";
type Bounds = { minRetentionDays: number; maxRetentionDays: number | undefined };

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/creating-a-backup-plan.html";

/** `lifecycle.deleteAfter` of a backup rule or copy action: set, at least the minimum, at most the maximum. */
function deleteAfter(findings: Finding[], container: unknown, path: string, config: Bounds, what: string, shape: PlanShape = PLAN): void {
    const lifecycle = objectAt(findings, container, "lifecycle", path);
    if (isUnknown(prop(container, "lifecycle"))) return;
    const lifecyclePath = at(path, "lifecycle");
    const name = shape.deleteAfterKey;
    const key = at(lifecyclePath, name);
    const { minRetentionDays: min, maxRetentionDays: max } = config;
    const fix = `set \`lifecycle: { ${name}: <days> }\` on ${path} of the ${shape.resource} to ${retentionBounds(min, max)}`;
    const value = readNumber(lifecycle, name);
    if (value.kind === "unknown") {
        findings.push(deferred(key));
    } else if (value.kind === "omitted") {
        findings.push(violation(key, `${what} never expire (${name} omitted)`, fix));
    } else if (value.kind === "invalid") {
        findings.push(violation(key, `${name} is not a number of days`, fix));
    } else if (value.value < min) {
        findings.push(violation(key, `${what} are deleted before the minimum of ${min} days (minRetentionDays)`, fix));
    } else if (max !== undefined && value.value > max) {
        findings.push(violation(key, `${what} are kept longer than the maximum of ${max} days (maxRetentionDays)`, fix));
    }
}

/**
 * Remediation for backup plans: a rule or copy action whose lifecycle has no `deleteAfter`
 * (`deleteAfterDays` in aws-native) gets defaultRetentionDays, kept within min/maxRetentionDays (plan
 * rules change in place). Lifecycles with `coldStorageAfter` (`moveToColdStorageAfterDays`) are left
 * alone: AWS requires deleteAfter to be 90 days past it. A set value, even an out-of-bounds one, is
 * the owner's to change.
 */
function addDeleteAfter(shape: PlanShape) {
    return (props: Record<string, unknown>, { config }: CheckContext<Knobs>): Record<string, unknown> | undefined => {
        const { minRetentionDays: min, maxRetentionDays: max, defaultRetentionDays } = config;
        const days = Math.max(min, Math.min(defaultRetentionDays, max ?? defaultRetentionDays));
        const expire = (container: unknown) => updateIn(container, ["lifecycle"], (lifecycle) => {
            if (lifecycle !== undefined && (typeof lifecycle !== "object" || lifecycle === null)) return UNCHANGED;
            if (isSet(lifecycle, shape.deleteAfterKey) || isSet(lifecycle, shape.coldStorageKey)) return UNCHANGED;
            return update(lifecycle ?? {}, shape.deleteAfterKey, assign(days));
        });
        return applyEdits(props, fixAt(shape.rulesPath, eachElement((rule) => {
            const withLifecycle = expire(rule);
            const base = withLifecycle === UNCHANGED ? rule : withLifecycle;
            const withCopies = update(base, "copyActions", eachElement(expire));
            return withCopies === UNCHANGED ? withLifecycle : withCopies;
        })));
    };
}

const unitDays: Record<string, number> = { days: 1, weeks: 7, months: 30, years: 365 };

/** A DLM retain rule: present, with a count or an interval, and an interval within maxRetentionDays. */
function retainRule(findings: Finding[], container: unknown, path: string, config: Bounds, what: string, countAllowed: boolean, resource = DLM.resource): void {
    const rulePath = at(path, "retainRule");
    const rule = prop(container, "retainRule");
    if (isUnknown(rule)) {
        findings.push(deferred(rulePath));
        return;
    }
    const fix = countAllowed
        ? `set \`retainRule\` with \`count\` or \`interval\` and \`intervalUnit\` on ${path} of the ${resource}`
        : `set \`retainRule: { interval, intervalUnit }\` on ${path} of the ${resource}`;
    if (rule === undefined) {
        findings.push(violation(rulePath, `${what} are never deleted (retainRule omitted)`, fix));
        return;
    }
    const hasCount = countAllowed && isSet(rule, "count");
    if (!hasCount && !isSet(rule, "interval")) {
        findings.push(violation(rulePath, `${what} are never deleted (retainRule has neither count nor interval)`, fix));
        return;
    }
    const max = config.maxRetentionDays;
    if (max === undefined || !isSet(rule, "interval")) return;
    const interval = asNumber(prop(rule, "interval"));
    const unit = prop(rule, "intervalUnit");
    if (isUnknown(interval) || isUnknown(unit)) {
        findings.push(deferred(`${rulePath}.interval`));
        return;
    }
    const perUnit = typeof unit === "string" ? unitDays[unit.trim().toLowerCase()] : undefined;
    if (interval !== undefined && perUnit !== undefined && interval * perUnit > max) {
        findings.push(violation(`${rulePath}.interval`, `${what} are kept longer than the maximum of ${max} days (maxRetentionDays)`,
            `lower \`interval\` of ${rulePath} on the ${resource} to at most ${max} days`));
    }
}

/**
 * Redshift manual snapshot retention in days; -1 (and the default when omitted) keeps snapshots
 * forever. `of` says whose snapshots the setting governs when that is not obvious from the resource.
 */
function manualRetention(props: unknown, key: string, omitted: number, resource: string, config: Bounds, of?: { whose: string; why: string }): Finding[] {
    const value = readNumber(props, key);
    if (value.kind === "unknown") {
        return [deferred(key)];
    }
    const max = config.maxRetentionDays;
    const fix = `set \`${key}\` on the ${resource} to a number of days${max === undefined ? "" : ` (at most ${max})`} instead of -1` +
        (of ? ` (${of.why})` : "");
    const snapshots = of ? `manual snapshots of ${of.whose}` : "manual snapshots";
    if (value.kind === "invalid") {
        return [violation(key, "the retention is not a number of days", fix)];
    }
    const days = value.kind === "number" ? value.value : omitted;
    if (days < 0) {
        return [violation(key, value.kind === "omitted"
            ? `${snapshots} are kept forever (omitted means ${omitted})`
            : `${snapshots} are kept forever (-1)`, fix)];
    }
    if (max !== undefined && days > max) {
        return [violation(key, `${snapshots} are kept longer than the maximum of ${max} days (maxRetentionDays)`, fix)];
    }
    return [];
}

/**
 * A cluster's `manualSnapshotRetentionPeriod` is the default for every manual snapshot of it, most
 * of them taken outside the program, so it is judged even when the program creates none.
 */
const clusterSnapshots = {
    whose: "this cluster, including those taken outside Pulumi (console, CLI, scripts),",
    why: "the default retention of every manual snapshot of the cluster that does not set its own, whoever takes it",
};

export const backupRetentionBounded = defineRule({
    id: "aws-backup-retention-bounded",
    cloud: "aws",
    title: "Backup plans, lifecycle policies and Redshift snapshots expire within the retention bounds",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Backups and snapshots that never expire accumulate copies of the data long after their purpose ended (and " +
        "keep deleted records recoverable), while ones that expire too soon leave nothing to restore. An AWS Backup rule " +
        "without `deleteAfter` keeps recovery points forever; a disabled Data Lifecycle Manager policy stops both creating " +
        "and deleting snapshots; Redshift keeps manual snapshots forever by default (`-1`). A Redshift cluster's setting " +
        "is the default for every manual snapshot of it, including those taken in the console, the CLI or by scripts, so " +
        "a cluster is judged even when the program creates no snapshot.",
    remediation:
        "Set `lifecycle.deleteAfter` on every `rules[]` and `rules[].copyActions[]` of `aws.backup.Plan` within " +
        "`minRetentionDays` (default 7) and `maxRetentionDays` (when set). Keep `aws.dlm.LifecyclePolicy` `state` " +
        "\"ENABLED\", give every schedule a `retainRule` with `count` or `interval`, and every cross-region copy a " +
        "`retainRule`. Set `manualSnapshotRetentionPeriod` on `aws.redshift.Cluster` and `aws.redshift.SnapshotCopy`, and " +
        "`retentionPeriod` on `aws.redshiftserverless.Snapshot`, to a number of days instead of -1.",
    docsUrl,
    controls: {
        "aws-config": ["backup-plan-min-frequency-and-min-retention-check"],
        kics: ["3d2a1ace-baea-4feb-baa7-a5b1dfcd2409"],
    },
    config: ["minRetentionDays", "maxRetentionDays", "defaultRetentionDays"],
    targets: [
        on<PlanArgs, Knobs>("aws:backup/plan:Plan", (props, { config }) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "rules", "", (rule, path) => {
                deleteAfter(findings, rule, path, config, "recovery points");
                eachItem(findings, rule, "copyActions", path, (copy, copyPath) => {
                    deleteAfter(findings, copy, copyPath, config, "copied recovery points");
                });
            });
            return findings;
        }, addDeleteAfter(PLAN)),
        on<NativeBackupPlanArgs, Knobs>("aws-native:backup:BackupPlan", (props, { config }) => {
            const findings: Finding[] = [];
            eachPlanRule(findings, props, NATIVE_PLAN, (rule, path) => {
                deleteAfter(findings, rule, path, config, "recovery points", NATIVE_PLAN);
                eachItem(findings, rule, "copyActions", path, (copy, copyPath) => {
                    deleteAfter(findings, copy, copyPath, config, "copied recovery points", NATIVE_PLAN);
                });
            });
            return findings;
        }, addDeleteAfter(NATIVE_PLAN)),

        on<LifecyclePolicyArgs, Knobs>("aws:dlm/lifecyclePolicy:LifecyclePolicy", (props, { config }) => {
            const findings: Finding[] = [];
            const disabled = enumIn(prop(props, "state"), "DISABLED");
            if (isUnknown(disabled)) {
                findings.push(deferred("state"));
            } else if (disabled === true) {
                findings.push(violation("state", "the lifecycle policy is disabled, so it neither creates nor deletes snapshots",
                    "set `state: \"ENABLED\"` on the aws.dlm.LifecyclePolicy (or delete it)"));
            }
            const details = objectAt(findings, props, "policyDetails", "");
            eachItem(findings, details, "schedules", "policyDetails", (schedule, path) => {
                retainRule(findings, schedule, path, config, "snapshots this schedule creates", true);
                eachItem(findings, schedule, "crossRegionCopyRules", path, (copy, copyPath) => {
                    retainRule(findings, copy, copyPath, config, "cross-region copies", false);
                });
            });
            const action = objectAt(findings, details, "action", "policyDetails");
            eachItem(findings, action, "crossRegionCopies", "policyDetails.action", (copy, copyPath) => {
                retainRule(findings, copy, copyPath, config, "copies of shared snapshots", false);
            });
            return findings;
        }),

        // aws-native (CloudFormation): schedules, copy rules and event copies are lists; State as in @pulumi/aws.
        on<NativeLifecyclePolicyArgs, Knobs>("aws-native:dlm:LifecyclePolicy", (props, { config }) => {
            const findings: Finding[] = [];
            const resource = NATIVE_DLM.resource;
            const disabled = enumIn(prop(props, "state"), "DISABLED");
            if (isUnknown(disabled)) {
                findings.push(deferred("state"));
            } else if (disabled === true) {
                findings.push(violation("state", "the lifecycle policy is disabled, so it neither creates nor deletes snapshots",
                    `set \`state: "ENABLED"\` on the ${resource} (or delete it)`));
            }
            eachSchedule(findings, props, (schedule, path) => {
                retainRule(findings, schedule, path, config, "snapshots this schedule creates", true, resource);
                eachItem(findings, schedule, "crossRegionCopyRules", path, (copy, copyPath) => {
                    retainRule(findings, copy, copyPath, config, "cross-region copies", false, resource);
                });
            });
            eachEventCopy(findings, props, NATIVE_DLM, (copy, copyPath) => {
                retainRule(findings, copy, copyPath, config, "copies of shared snapshots", false, resource);
            });
            return findings;
        }),

        on<RedshiftClusterArgs, Knobs>("aws:redshift/cluster:Cluster", (props, { config }) =>
            manualRetention(props, "manualSnapshotRetentionPeriod", -1, "aws.redshift.Cluster", config, clusterSnapshots)),
        on<RedshiftSnapshotCopyArgs, Knobs>("aws:redshift/snapshotCopy:SnapshotCopy", (props, { config }) =>
            manualRetention(props, "manualSnapshotRetentionPeriod", -1, "aws.redshift.SnapshotCopy", config)),
        on<ServerlessSnapshotArgs, Knobs>("aws:redshiftserverless/snapshot:Snapshot", (props, { config }) =>
            manualRetention(props, "retentionPeriod", -1, "aws.redshiftserverless.Snapshot", config)),
        // aws-native (CloudFormation): manualSnapshotRetentionPeriod also governs manual snapshots copied to
        // `destinationRegion` (aws.redshift.SnapshotCopy in @pulumi/aws), unless `snapshotCopyManual` applies
        // `snapshotCopyRetentionPeriod` to them instead.
        on<NativeRedshiftClusterArgs, Knobs>("aws-native:redshift:Cluster", (props, { config }) => {
            const findings = manualRetention(props, "manualSnapshotRetentionPeriod", -1, "aws-native.redshift.Cluster", config);
            const manualCopies = asBool(prop(props, "snapshotCopyManual"));
            if (isUnknown(manualCopies)) {
                findings.push(deferred("snapshotCopyManual"));
            } else if (manualCopies === true) {
                findings.push(...manualRetention(props, "snapshotCopyRetentionPeriod", 7, "aws-native.redshift.Cluster", config));
            }
            return findings;
        }),
        on<NativeServerlessSnapshotArgs, Knobs>("aws-native:redshiftserverless:Snapshot", (props, { config }) =>
            manualRetention(props, "retentionPeriod", -1, "aws-native.redshiftserverless.Snapshot", config)),
    ],
});
