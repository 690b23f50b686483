import type { PolicyVMArgs } from "@pulumi/azure/backup";
import type { BackupPolicyDiskArgs } from "@pulumi/azure/dataprotection";
import type { BackupPolicyArgs } from "@pulumi/azure-native/dataprotection";
import type { ProtectionPolicyArgs } from "@pulumi/azure-native/recoveryservices";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import type { KnobValues } from "../../core/config";
import { asList, asNumber, asString, dig, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { DAYS_PER_MONTH, DAYS_PER_YEAR, isoDurationDays } from "./lib/iso-duration";

type Knobs = "minRetentionDays" | "maxRetentionDays";
type Bounds = Pick<KnobValues, Knobs>;

function boundsText({ minRetentionDays: min, maxRetentionDays: max }: Bounds): string {
    return max === undefined ? `at least ${min} days` : `${min} to ${max} days`;
}

/** A retention in days against the configured bounds. */
function judgeDays(days: number, path: string, bounds: Bounds, fix: string): Finding[] {
    if (days < bounds.minRetentionDays) {
        return [violation(path, `backups are kept for less than the minimum of ${bounds.minRetentionDays} days (minRetentionDays)`, fix)];
    }
    if (bounds.maxRetentionDays !== undefined && days > bounds.maxRetentionDays) {
        return [violation(path, `backups are kept for more than the maximum of ${bounds.maxRetentionDays} days (maxRetentionDays)`, fix)];
    }
    return [];
}

/** An ISO 8601 duration at `container[key]` against the bounds; unknown defers, omitted is `missing`. */
function judgeDuration(container: unknown, key: string, path: string, bounds: Bounds, fix: string, missing: string): Finding[] {
    const duration = asString(prop(container, key));
    if (isUnknown(duration)) {
        return [deferred(path)];
    }
    const days = duration === undefined ? undefined : isoDurationDays(duration);
    if (days === undefined) {
        return [violation(path, duration === undefined && !isSet(container, key) ? missing : "the retention duration is not an ISO 8601 duration", fix)];
    }
    return judgeDays(days, path, bounds, fix);
}

const DISKS = "Microsoft.Compute/disks";

function checkBackupPolicy(props: Record<string, unknown>, bounds: Bounds): Finding[] {
    const fix = "add an `AzureRetentionRule` to `properties.policyRules` of the azure-native.dataprotection.BackupPolicy whose " +
        `\`lifecycles[].deleteAfter.duration\` is an ISO 8601 duration of ${boundsText(bounds)} (e.g. "P7D", "P4W", "P1M")`;
    const properties = prop(props, "properties");
    const types = asList(prop(properties, "datasourceTypes"));
    if (isUnknown(types)) {
        return [deferred("properties.datasourceTypes")];
    }
    // The retention requirement is about managed-disk backups; an omitted list is judged anyway.
    if (types.length > 0) {
        const matches = types.map((type) => enumIn(type, DISKS));
        if (!matches.includes(true)) {
            return matches.some(isUnknown) ? [deferred("properties.datasourceTypes")] : [];
        }
    }
    const rules = asList(prop(properties, "policyRules"));
    if (isUnknown(rules)) {
        return [deferred("properties.policyRules")];
    }
    const findings: Finding[] = [];
    let retentionRules = 0;
    let unknownKinds = 0;
    rules.forEach((rule, i) => {
        const kind = enumIn(prop(rule, "objectType"), "AzureRetentionRule");
        if (isUnknown(kind)) {
            unknownKinds++;
            findings.push(deferred(`properties.policyRules[${i}].objectType`));
            return;
        }
        if (!kind) {
            return;
        }
        retentionRules++;
        const base = `properties.policyRules[${i}].lifecycles`;
        const lifecycles = asList(prop(rule, "lifecycles"));
        if (isUnknown(lifecycles)) {
            findings.push(deferred(base));
            return;
        }
        if (lifecycles.length === 0) {
            findings.push(violation(base, "the retention rule has no lifecycle, so it sets no retention", fix));
        }
        lifecycles.forEach((lifecycle, j) => {
            findings.push(...judgeDuration(prop(lifecycle, "deleteAfter"), "duration", `${base}[${j}].deleteAfter.duration`, bounds, fix,
                "the lifecycle has no delete-after duration"));
        });
    });
    if (retentionRules === 0 && unknownKinds === 0) {
        const problem = rules.length === 0 && !isSet(properties, "policyRules")
            ? "the backup policy has no rules (policyRules omitted), so no retention is set"
            : "the backup policy has no AzureRetentionRule, so no retention is set";
        findings.push(violation("properties.policyRules", problem, fix));
    }
    return findings;
}

const unitDays: Record<string, number | undefined> = { days: 1, weeks: 7, months: DAYS_PER_MONTH, years: DAYS_PER_YEAR };

function checkProtectionPolicy(props: Record<string, unknown>, bounds: Bounds): Finding[] {
    const properties = prop(props, "properties");
    const management = enumIn(prop(properties, "backupManagementType"), "AzureIaasVM");
    if (isUnknown(management)) {
        return [deferred("properties.backupManagementType")];
    }
    if (!management) {
        return [];
    }
    const fix = "set `properties.retentionPolicy.dailySchedule.retentionDuration` (`count` with `durationType: \"Days\"`) on the " +
        `azure-native.recoveryservices.ProtectionPolicy to ${boundsText(bounds)}`;
    const retention = prop(properties, "retentionPolicy");
    if (isUnknown(retention)) {
        return [deferred("properties.retentionPolicy")];
    }
    if (retention === undefined) {
        return [violation("properties.retentionPolicy", "the VM backup policy has no retention policy (retentionPolicy omitted)", fix)];
    }
    const kind = prop(retention, "retentionPolicyType");
    const simple = enumIn(kind, "SimpleRetentionPolicy");
    if (isUnknown(simple)) {
        return [deferred("properties.retentionPolicy.retentionPolicyType")];
    }
    const durationPath = simple ? "properties.retentionPolicy.retentionDuration" : "properties.retentionPolicy.dailySchedule.retentionDuration";
    const duration = simple ? prop(retention, "retentionDuration") : dig(retention, "dailySchedule", "retentionDuration");
    if (isUnknown(duration)) {
        return [deferred(durationPath)];
    }
    if (duration === undefined) {
        return [violation(durationPath, "daily backups have no retention (dailySchedule.retentionDuration omitted)", fix)];
    }
    const count = asNumber(prop(duration, "count"));
    const unit = prop(duration, "durationType");
    if (isUnknown(count)) {
        return [deferred(`${durationPath}.count`)];
    }
    if (isUnknown(unit)) {
        return [deferred(`${durationPath}.durationType`)];
    }
    if (count === undefined) {
        return [violation(`${durationPath}.count`, "the daily retention has no count of days", fix)];
    }
    // Omitted durationType is read as days, the unit of a daily schedule.
    const perUnit = unit === undefined ? 1 : typeof unit === "string" ? unitDays[unit.toLowerCase()] : undefined;
    if (perUnit === undefined) {
        return [violation(`${durationPath}.durationType`, "the retention unit is not Days, Weeks, Months or Years", fix)];
    }
    return judgeDays(count * perUnit, `${durationPath}.count`, bounds, fix);
}

/** Classic azure `dataprotection.BackupPolicyDisk`: `defaultRetentionDuration` and each `retentionRules[].duration`. */
function checkClassicDiskPolicy(props: Record<string, unknown>, bounds: Bounds): Finding[] {
    const fix = "set `defaultRetentionDuration` (and each `retentionRules[].duration`) of the azure.dataprotection.BackupPolicyDisk " +
        `to an ISO 8601 duration of ${boundsText(bounds)} (e.g. "P7D", "P4W", "P1M")`;
    const findings = judgeDuration(props, "defaultRetentionDuration", "defaultRetentionDuration", bounds, fix,
        "the disk backup policy has no default retention (defaultRetentionDuration omitted)");
    const rules = asList(prop(props, "retentionRules"));
    if (isUnknown(rules)) {
        return [...findings, deferred("retentionRules")];
    }
    rules.forEach((rule, i) => findings.push(...judgeDuration(rule, "duration", `retentionRules[${i}].duration`, bounds, fix,
        "the retention rule has no duration")));
    return findings;
}

/** Classic azure `backup.PolicyVM`: `retentionDaily.count` in days. */
function checkClassicVmPolicy(props: Record<string, unknown>, bounds: Bounds): Finding[] {
    const fix = `set \`retentionDaily: { count: N }\` on the azure.backup.PolicyVM with N ${boundsText(bounds)}`;
    const daily = prop(props, "retentionDaily");
    if (isUnknown(daily)) {
        return [deferred("retentionDaily")];
    }
    if (daily === undefined) {
        return [violation("retentionDaily", "the VM backup policy keeps no daily restore points (retentionDaily omitted)", fix)];
    }
    const count = asNumber(prop(daily, "count"));
    if (isUnknown(count)) {
        return [deferred("retentionDaily.count")];
    }
    if (count === undefined) {
        return [violation("retentionDaily.count", "the daily retention has no count of days", fix)];
    }
    return judgeDays(count, "retentionDaily.count", bounds, fix);
}

export const backupRetention = defineRule({
    id: "azure-backup-retention",
    cloud: "azure",
    title: "Disk and VM backup policies keep backups for the required number of days",
    category: "lifecycle",
    severity: "high",
    defaultLevel: "mandatory",
    rationale:
        "Backups only help when restore points exist for as long as problems take to notice: a ransomware infection or a " +
        "silent corruption found after a week needs restore points older than a week. A Backup vault policy for managed " +
        "disks without a retention rule, or a VM protection policy whose daily retention is shorter than the organisation's " +
        "minimum, loses them; retention longer than the maximum keeps copies of the data beyond their purpose.",
    remediation:
        "On `azure-native.dataprotection.BackupPolicy` for `Microsoft.Compute/disks` add an `AzureRetentionRule` to " +
        "`properties.policyRules` whose every `lifecycles[].deleteAfter.duration` (ISO 8601, e.g. \"P7D\", \"P4W\", \"P1M\"; " +
        "months count as 30 days, years as 365) is within `minRetentionDays` (default 7) and `maxRetentionDays` (when set). " +
        "On `azure-native.recoveryservices.ProtectionPolicy` for `AzureIaasVM` set " +
        "`properties.retentionPolicy.dailySchedule.retentionDuration` to at least `minRetentionDays` days. With the classic provider, " +
        "set `defaultRetentionDuration` (and `retentionRules[].duration`) on `azure.dataprotection.BackupPolicyDisk` and " +
        "`retentionDaily.count` on `azure.backup.PolicyVM` within the same bounds.",
    docsUrl: "https://learn.microsoft.com/en-us/azure/backup/disk-backup-overview",
    controls: { prowler: ["vm_sufficient_daily_backup_retention_period", "recovery_vault_backup_policy_retention_adequate"] },
    config: ["minRetentionDays", "maxRetentionDays"],
    targets: [
        on<BackupPolicyArgs, Knobs>("azure-native:dataprotection:BackupPolicy", (props, { config }) => checkBackupPolicy(props, config)),
        on<ProtectionPolicyArgs, Knobs>("azure-native:recoveryservices:ProtectionPolicy", (props, { config }) => checkProtectionPolicy(props, config)),
        on<BackupPolicyDiskArgs, Knobs>("azure:dataprotection/backupPolicyDisk:BackupPolicyDisk", (props, { config }) => checkClassicDiskPolicy(props, config)),
        on<PolicyVMArgs, Knobs>("azure:backup/policyVM:PolicyVM", (props, { config }) => checkClassicVmPolicy(props, config)),
    ],
});
