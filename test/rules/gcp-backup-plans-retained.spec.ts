import { backupPlansRetained } from "../../policies/gcp/backup-plans-retained";
import { describeRule, UNKNOWN } from "../harness";

const PLAN = "gcp:backupdisasterrecovery/backupPlan:BackupPlan";
const schedule = { recurrenceType: "DAILY", timeZone: "UTC", backupWindow: { startHourOfDay: 0, endHourOfDay: 6 } };
const rule = (days: unknown, ruleId = "daily") => ({ ruleId, backupRetentionDays: days, standardSchedule: schedule });
const plan = (rules: unknown) => ({ backupPlanId: "plan", location: "us-central1", backupVault: "vault", resourceType: "compute.googleapis.com/Instance", backupRules: rules });
const exempt = { exemptions: [{ resource: "subject", reason: "scratch environment backups", expires: "2999-01-01" }] };

describeRule(backupPlansRetained, PLAN, [
    { name: "one rule keeping backups 30 days", props: plan([rule(30)]), expect: "pass" },
    { name: "rule at exactly the minimum", props: plan([rule(7)]), expect: "pass" },
    { name: "retention as a numeric string", props: plan([rule("14")]), expect: "pass" },
    { name: "retention below the minimum", props: plan([rule(3)]), expect: "fail", paths: ["backupRules[0].backupRetentionDays"], message: /below the minimum of 7 days \(minRetentionDays\).*set `backupRules\[0\]\.backupRetentionDays` on the gcp\.backupdisasterrecovery\.BackupPlan to at least 7 days/ },
    { name: "second rule too short reports its index", props: plan([rule(30), rule(1, "hourly")]), expect: "fail", paths: ["backupRules[1].backupRetentionDays"] },
    { name: "backup rules omitted", props: { backupPlanId: "plan", location: "us-central1", backupVault: "vault", resourceType: "compute.googleapis.com/Disk" }, expect: "fail", paths: ["backupRules"], message: /no backup rules/ },
    { name: "empty backup rules", props: plan([]), expect: "fail", paths: ["backupRules"] },
    { name: "retention omitted in a rule", props: plan([{ ruleId: "daily", standardSchedule: schedule }]), expect: "fail", paths: ["backupRules[0].backupRetentionDays"], message: /not set/ },
    { name: "retention not a number", props: plan([rule("thirty")]), expect: "fail", paths: ["backupRules[0].backupRetentionDays"], message: /not a number of days/ },
    { name: "backup rules unknown during preview", props: plan(UNKNOWN), expect: "defer", paths: ["backupRules"] },
    { name: "retention unknown during preview", props: plan([rule(UNKNOWN)]), expect: "defer", paths: ["backupRules[0].backupRetentionDays"] },
    { name: "unknown rule does not hide a short one", props: plan([UNKNOWN, rule(2)]), expect: "fail", paths: ["backupRules[1].backupRetentionDays"] },
    { name: "higher minRetentionDays", props: plan([rule(14)]), config: { minRetentionDays: 30 }, expect: "fail", paths: ["backupRules[0].backupRetentionDays"], message: /minimum of 30 days/ },
    { name: "minRetentionDays 1 accepts a day", props: plan([rule(1)]), config: { minRetentionDays: 1 }, expect: "pass" },
    { name: "above maxRetentionDays", props: plan([rule(400)]), config: { maxRetentionDays: 365 }, expect: "fail", paths: ["backupRules[0].backupRetentionDays"], message: /above the maximum of 365 days.*7 to 365 days/ },
    { name: "within maxRetentionDays", props: plan([rule(90)]), config: { maxRetentionDays: 365 }, expect: "pass" },
    { name: "short retention but exempted with a reason", props: plan([rule(1)]), config: exempt, expect: "exempt" },
    { name: "minRetentionDays that is not a number", props: plan([rule(30)]), config: { minRetentionDays: "7" }, expect: "fail", message: /invalid policy config: "gcp-backup-plans-retained\.minRetentionDays"/ },
]);
