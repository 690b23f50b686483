import { backupVaultsEnforceRetention } from "../../policies/gcp/backup-vaults-enforce-retention";
import { describeRule, UNKNOWN } from "../harness";

const VAULT = "gcp:backupdisasterrecovery/backupVault:BackupVault";
const PATH = "backupMinimumEnforcedRetentionDuration";
const vault = (duration: unknown, extra: Record<string, unknown> = {}) => ({ backupVaultId: "v", location: "us-central1", [PATH]: duration, ...extra });

describeRule(backupVaultsEnforceRetention, VAULT, [
    { name: "enforces 14 days", props: vault("1209600s"), expect: "pass" },
    { name: "enforces exactly 7 days", props: vault("604800s"), expect: "pass" },
    { name: "fractional seconds", props: vault("604800.5s"), expect: "pass" },
    { name: "enforces one day", props: vault("86400s"), expect: "fail", paths: [PATH], message: /shorter than the minimum of 7 days \(minRetentionDays\) at backupMinimumEnforcedRetentionDuration; set `backupMinimumEnforcedRetentionDuration` on the gcp\.backupdisasterrecovery\.BackupVault to at least "604800s"/ },
    { name: "duration omitted", props: { backupVaultId: "v", location: "us-central1" }, expect: "fail", paths: [PATH], message: /no minimum retention/ },
    { name: "duration without a unit", props: vault("604800"), expect: "fail", paths: [PATH], message: /not a duration in seconds/ },
    { name: "duration in days is not accepted", props: vault("7d"), expect: "fail", paths: [PATH] },
    { name: "duration unknown during preview", props: vault(UNKNOWN), expect: "defer", paths: [PATH] },
    { name: "force delete", props: vault("604800s", { forceDelete: true }), expect: "fail", paths: ["forceDelete"], message: /still holds backups at forceDelete; remove `forceDelete`/ },
    { name: "ignore inactive data sources", props: vault("604800s", { ignoreInactiveDatasources: "true" }), expect: "fail", paths: ["ignoreInactiveDatasources"] },
    { name: "force delete false", props: vault("604800s", { forceDelete: false, ignoreInactiveDatasources: false }), expect: "pass" },
    { name: "short duration and force delete report both", props: vault("3600s", { forceDelete: true }), expect: "fail", paths: [PATH, "forceDelete"] },
    { name: "force delete unknown during preview", props: vault("604800s", { forceDelete: UNKNOWN }), expect: "defer", paths: ["forceDelete"] },
    { name: "unknown duration does not hide force delete", props: vault(UNKNOWN, { forceDelete: true }), expect: "fail", paths: ["forceDelete"] },
    { name: "minRetentionDays 1 accepts a day", props: vault("86400s"), config: { minRetentionDays: 1 }, expect: "pass" },
    { name: "minRetentionDays 30", props: vault("1209600s"), config: { minRetentionDays: 30 }, expect: "fail", paths: [PATH], message: /"2592000s"/ },
    { name: "minRetentionDays 0 accepts an omitted duration", props: { backupVaultId: "v" }, config: { minRetentionDays: 0 }, expect: "pass" },
    { name: "short but exempted with a reason", props: vault("86400s"), config: { exemptions: [{ resource: "subject", reason: "test vault" }] }, expect: "exempt" },
    { name: "negative minRetentionDays", props: vault("604800s"), config: { minRetentionDays: -1 }, expect: "fail", message: /invalid policy config: "gcp-backup-vaults-enforce-retention\.minRetentionDays"/ },
]);
