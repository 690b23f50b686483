import { backupRetention } from "../../policies/azure/backup-retention";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "scratch disks, rebuilt nightly", expires: "2999-01-01" }] };
const expired = { exemptions: [{ resource: "subject", reason: "scratch disks, rebuilt nightly", expires: "2020-01-01" }] };

const backupRule = {
    objectType: "AzureBackupRule", name: "BackupHourly",
    dataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
    trigger: { objectType: "ScheduleBasedTriggerContext", schedule: { repeatingTimeIntervals: ["R/2026-01-01T00:00:00+00:00/PT4H"] }, taggingCriteria: [] },
};

function retentionRule(...durations: unknown[]) {
    return {
        objectType: "AzureRetentionRule", name: "Default", isDefault: true,
        lifecycles: durations.map((duration) => ({
            deleteAfter: { objectType: "AbsoluteDeleteOption", duration },
            sourceDataStore: { dataStoreType: "OperationalStore", objectType: "DataStoreInfoBase" },
        })),
    };
}

function policy(rules: unknown, datasourceTypes: unknown = ["Microsoft.Compute/disks"]) {
    return { resourceGroupName: "rg", vaultName: "vault", properties: { objectType: "BackupPolicy", datasourceTypes, policyRules: rules } };
}

const lifecycle0 = "properties.policyRules[1].lifecycles[0].deleteAfter.duration";

describeRule(backupRetention, "azure-native:dataprotection:BackupPolicy", [
    { name: "seven days meets the default minimum", props: policy([backupRule, retentionRule("P7D")]), expect: "pass" },
    { name: "four weeks", props: policy([backupRule, retentionRule("P4W")]), expect: "pass" },
    { name: "one month", props: policy([backupRule, retentionRule("P1M")]), expect: "pass" },
    { name: "lower-case duration p30d", props: policy([backupRule, retentionRule("p30d")]), expect: "pass" },
    { name: "lower-case object type azureretentionrule", props: policy([backupRule, { ...retentionRule("P7D"), objectType: "azureretentionrule" }]), expect: "pass" },
    { name: "lower-case data source type", props: policy([backupRule], ["microsoft.compute/DISKS"]), expect: "fail", paths: ["properties.policyRules"] },
    { name: "three days is below the minimum", props: policy([backupRule, retentionRule("P3D")]), expect: "fail", paths: [lifecycle0], message: /less than the minimum of 7 days \(minRetentionDays\)/ },
    { name: "hours only: PT48H", props: policy([backupRule, retentionRule("PT48H")]), expect: "fail", paths: [lifecycle0] },
    { name: "every lifecycle is judged", props: policy([backupRule, retentionRule("P30D", "P1D")]), expect: "fail", paths: ["properties.policyRules[1].lifecycles[1].deleteAfter.duration"] },
    { name: "no retention rule", props: policy([backupRule]), expect: "fail", paths: ["properties.policyRules"], message: /no AzureRetentionRule/ },
    { name: "policy rules omitted", props: { resourceGroupName: "rg", vaultName: "vault", properties: { objectType: "BackupPolicy", datasourceTypes: ["Microsoft.Compute/disks"] } }, expect: "fail", paths: ["properties.policyRules"], message: /policyRules omitted/ },
    { name: "properties omitted", props: { resourceGroupName: "rg", vaultName: "vault" }, expect: "fail", paths: ["properties.policyRules"] },
    { name: "retention rule without lifecycles", props: policy([backupRule, { objectType: "AzureRetentionRule", name: "Default", lifecycles: [] }]), expect: "fail", paths: ["properties.policyRules[1].lifecycles"], message: /no lifecycle/ },
    { name: "duration not ISO 8601, never echoed", props: policy([backupRule, retentionRule("marker-week")]), expect: "fail", paths: [lifecycle0], message: /^(?![\s\S]*marker-week)[\s\S]*not an ISO 8601 duration/ },
    { name: "duration omitted", props: policy([backupRule, { ...retentionRule("P7D"), lifecycles: [{ deleteAfter: { objectType: "AbsoluteDeleteOption" } }] }]), expect: "fail", paths: [lifecycle0], message: /no delete-after duration/ },
    { name: "blob backup policy is out of scope", props: policy([backupRule], ["Microsoft.Storage/storageAccounts/blobServices"]), expect: "pass" },
    { name: "data source types omitted: judged as a disk policy", props: policy([backupRule, retentionRule("P1D")], undefined), expect: "fail", paths: [lifecycle0] },
    { name: "raised minimum: P7D below 30", props: policy([backupRule, retentionRule("P7D")]), config: { minRetentionDays: 30 }, expect: "fail", paths: [lifecycle0], message: /minimum of 30 days/ },
    { name: "raised minimum met by P1M", props: policy([backupRule, retentionRule("P1M")]), config: { minRetentionDays: 30 }, expect: "pass" },
    { name: "above the configured maximum", props: policy([backupRule, retentionRule("P1Y")]), config: { maxRetentionDays: 90 }, expect: "fail", paths: [lifecycle0], message: /more than the maximum of 90 days \(maxRetentionDays\).*7 to 90 days/ },
    { name: "within the configured maximum", props: policy([backupRule, retentionRule("P12W")]), config: { maxRetentionDays: 90 }, expect: "pass" },
    { name: "duration unknown during preview", props: policy([backupRule, retentionRule(UNKNOWN)]), expect: "defer", paths: [lifecycle0] },
    { name: "policy rules unknown during preview", props: policy(UNKNOWN), expect: "defer", paths: ["properties.policyRules"] },
    { name: "data source types unknown during preview", props: policy([backupRule], UNKNOWN), expect: "defer", paths: ["properties.datasourceTypes"] },
    { name: "rule kind unknown while another lifecycle is too short", props: policy([{ ...backupRule, objectType: UNKNOWN }, retentionRule("P1D")]), expect: "fail", paths: [lifecycle0] },
    { name: "rule kind unknown and no other retention rule", props: policy([{ ...backupRule, objectType: UNKNOWN }]), expect: "defer", paths: ["properties.policyRules[0].objectType"] },
    { name: "short retention exempted with a reason", props: policy([backupRule, retentionRule("P1D")]), config: exempt, expect: "exempt" },
    { name: "exemption expired", props: policy([backupRule]), config: expired, expect: "fail", message: /expired/ },
    { name: "maximum below minimum in config", props: policy([backupRule, retentionRule("P7D")]), config: { minRetentionDays: 14, maxRetentionDays: 7 }, expect: "fail", message: /invalid policy config: .*maxRetentionDays/ },
    { name: "minimum as a string in config", props: policy([backupRule, retentionRule("P7D")]), config: { minRetentionDays: "7" }, expect: "fail", message: /invalid policy config/ },
]);
describeRule(backupRetention, "azure-native:dataprotection/v20250901:BackupPolicy", [
    { name: "versioned token: P1D too short", props: policy([backupRule, retentionRule("P1D")]), expect: "fail", paths: [lifecycle0] },
    { name: "versioned token: P14D", props: policy([backupRule, retentionRule("P14D")]), expect: "pass" },
]);

function vmPolicy(retentionPolicy: unknown, backupManagementType: unknown = "AzureIaasVM") {
    return {
        resourceGroupName: "rg", vaultName: "vault",
        properties: {
            backupManagementType,
            schedulePolicy: { schedulePolicyType: "SimpleSchedulePolicy", scheduleRunFrequency: "Daily", scheduleRunTimes: ["2026-01-01T02:00:00Z"] },
            ...(retentionPolicy === undefined ? {} : { retentionPolicy }),
        },
    };
}

function daily(count: unknown, durationType: unknown = "Days") {
    return { retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionTimes: ["2026-01-01T02:00:00Z"], retentionDuration: { count, durationType } } };
}

const dailyCount = "properties.retentionPolicy.dailySchedule.retentionDuration.count";

describeRule(backupRetention, "azure-native:recoveryservices:ProtectionPolicy", [
    { name: "seven daily restore points", props: vmPolicy(daily(7)), expect: "pass" },
    { name: "thirty days", props: vmPolicy(daily(30)), expect: "pass" },
    { name: "count as a numeric string", props: vmPolicy(daily("14")), expect: "pass" },
    { name: "lower-case days", props: vmPolicy(daily(7, "days")), expect: "pass" },
    { name: "lower-case management type azureiaasvm", props: vmPolicy(daily(3), "azureiaasvm"), expect: "fail", paths: [dailyCount] },
    { name: "three days is below the minimum", props: vmPolicy(daily(3)), expect: "fail", paths: [dailyCount], message: /less than the minimum of 7 days.*retentionDuration/ },
    { name: "two weeks counts as fourteen days", props: vmPolicy(daily(2, "Weeks")), config: { minRetentionDays: 14 }, expect: "pass" },
    { name: "duration type omitted counts as days", props: vmPolicy({ retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionDuration: { count: 3 } } }), expect: "fail", paths: [dailyCount] },
    { name: "unrecognised duration type", props: vmPolicy(daily(7, "Fortnights")), expect: "fail", paths: ["properties.retentionPolicy.dailySchedule.retentionDuration.durationType"] },
    { name: "retention policy omitted", props: vmPolicy(undefined), expect: "fail", paths: ["properties.retentionPolicy"], message: /retentionPolicy omitted/ },
    { name: "daily schedule omitted", props: vmPolicy({ retentionPolicyType: "LongTermRetentionPolicy", weeklySchedule: { daysOfTheWeek: ["Sunday"] } }), expect: "fail", paths: ["properties.retentionPolicy.dailySchedule.retentionDuration"], message: /omitted/ },
    { name: "count omitted", props: vmPolicy({ retentionPolicyType: "LongTermRetentionPolicy", dailySchedule: { retentionDuration: { durationType: "Days" } } }), expect: "fail", paths: [dailyCount] },
    { name: "simple retention policy of ten days", props: vmPolicy({ retentionPolicyType: "SimpleRetentionPolicy", retentionDuration: { count: 10, durationType: "Days" } }), expect: "pass" },
    { name: "simple retention policy of two days", props: vmPolicy({ retentionPolicyType: "SimpleRetentionPolicy", retentionDuration: { count: 2, durationType: "Days" } }), expect: "fail", paths: ["properties.retentionPolicy.retentionDuration.count"] },
    { name: "above the configured maximum", props: vmPolicy(daily(1, "Years")), config: { maxRetentionDays: 180 }, expect: "fail", paths: [dailyCount], message: /maximum of 180 days/ },
    { name: "file share policy is out of scope", props: vmPolicy(daily(1), "AzureStorage"), expect: "pass" },
    { name: "count unknown during preview", props: vmPolicy(daily(UNKNOWN)), expect: "defer", paths: [dailyCount] },
    { name: "management type unknown during preview", props: vmPolicy(daily(1), UNKNOWN), expect: "defer", paths: ["properties.backupManagementType"] },
    { name: "retention policy unknown during preview", props: vmPolicy(UNKNOWN), expect: "defer", paths: ["properties.retentionPolicy"] },
    { name: "short retention exempted with a reason", props: vmPolicy(daily(1)), config: exempt, expect: "exempt" },
    { name: "invalid minimum in config", props: vmPolicy(daily(7)), config: { minRetentionDays: -1 }, expect: "fail", message: /invalid policy config: .*minRetentionDays/ },
]);
describeRule(backupRetention, "azure-native:recoveryservices/v20240401:ProtectionPolicy", [
    { name: "versioned token: one day", props: vmPolicy(daily(1)), expect: "fail", paths: [dailyCount] },
    { name: "versioned token: seven days", props: vmPolicy(daily(7)), expect: "pass" },
]);

// ---- Classic azure provider ----------------------------------------------------------------

const diskPolicy = (extra: Record<string, unknown>) => ({ vaultId: "/subscriptions/0000/backupVaults/v", backupRepeatingTimeIntervals: ["R/2026-01-01T00:00:00+00:00/PT4H"], ...extra });

describeRule(backupRetention, "azure:dataprotection/backupPolicyDisk:BackupPolicyDisk", [
    { name: "default retention of a week", props: diskPolicy({ defaultRetentionDuration: "P7D" }), expect: "pass" },
    { name: "default retention of a day", props: diskPolicy({ defaultRetentionDuration: "P1D" }), expect: "fail", paths: ["defaultRetentionDuration"], message: /less than the minimum of 7 days.*azure\.dataprotection\.BackupPolicyDisk/ },
    { name: "default retention omitted", props: diskPolicy({}), expect: "fail", paths: ["defaultRetentionDuration"], message: /defaultRetentionDuration omitted/ },
    { name: "default retention not ISO 8601, never echoed", props: diskPolicy({ defaultRetentionDuration: "marker-week" }), expect: "fail", paths: ["defaultRetentionDuration"], message: /^(?![\s\S]*marker-week)[\s\S]*not an ISO 8601 duration/ },
    { name: "a retention rule beyond maxRetentionDays", props: diskPolicy({ defaultRetentionDuration: "P7D", retentionRules: [{ name: "weekly", priority: 20, duration: "P1Y", criteria: { absoluteCriteria: "FirstOfWeek" } }] }), config: { maxRetentionDays: 90 }, expect: "fail", paths: ["retentionRules[0].duration"], message: /more than the maximum of 90 days/ },
    { name: "default retention unknown during preview", props: diskPolicy({ defaultRetentionDuration: UNKNOWN }), expect: "defer", paths: ["defaultRetentionDuration"] },
    { name: "exempted with a reason", props: diskPolicy({ defaultRetentionDuration: "P1D" }), config: exempt, expect: "exempt" },
]);

const classicVmPolicy = (extra: Record<string, unknown>) => ({ resourceGroupName: "rg", recoveryVaultName: "v", backup: { frequency: "Daily", time: "23:00" }, ...extra });

describeRule(backupRetention, "azure:backup/policyVM:PolicyVM", [
    { name: "daily retention of 14 days", props: classicVmPolicy({ retentionDaily: { count: 14 } }), expect: "pass" },
    { name: "daily retention of 3 days", props: classicVmPolicy({ retentionDaily: { count: 3 } }), expect: "fail", paths: ["retentionDaily.count"], message: /less than the minimum of 7 days.*retentionDaily: \{ count: N \}` on the azure\.backup\.PolicyVM/ },
    { name: "daily retention omitted", props: classicVmPolicy({}), expect: "fail", paths: ["retentionDaily"], message: /retentionDaily omitted/ },
    { name: "daily retention above maxRetentionDays", props: classicVmPolicy({ retentionDaily: { count: 400 } }), config: { maxRetentionDays: 35 }, expect: "fail", paths: ["retentionDaily.count"] },
    { name: "daily count unknown during preview", props: classicVmPolicy({ retentionDaily: { count: UNKNOWN } }), expect: "defer", paths: ["retentionDaily.count"] },
    { name: "daily retention block unknown during preview", props: classicVmPolicy({ retentionDaily: UNKNOWN }), expect: "defer", paths: ["retentionDaily"] },
]);
