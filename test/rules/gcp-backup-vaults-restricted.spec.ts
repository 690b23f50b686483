import { backupVaultsRestricted } from "../../policies/gcp/backup-vaults-restricted";
import { describeRule, UNKNOWN } from "../harness";

const VAULT = "gcp:backupdisasterrecovery/backupVault:BackupVault";
const vault = (extra: Record<string, unknown> = {}) => ({ backupVaultId: "vault", location: "us-central1", backupMinimumEnforcedRetentionDuration: "604800s", ...extra });
const exempt = { exemptions: [{ resource: "subject", reason: "shared recovery vault for the partner DR project", expires: "2999-01-01" }] };

describeRule(backupVaultsRestricted, VAULT, [
    { name: "within the organization", props: vault({ accessRestriction: "WITHIN_ORGANIZATION" }), expect: "pass" },
    { name: "within the project", props: vault({ accessRestriction: "WITHIN_PROJECT" }), expect: "pass" },
    { name: "within the organization but unrestricted for Backup Appliance", props: vault({ accessRestriction: "WITHIN_ORG_BUT_UNRESTRICTED_FOR_BA" }), expect: "pass" },
    { name: "access restriction omitted (default WITHIN_ORGANIZATION)", props: vault(), expect: "pass" },
    { name: "unrestricted", props: vault({ accessRestriction: "UNRESTRICTED" }), expect: "fail", paths: ["accessRestriction"], message: /outside the organization \(UNRESTRICTED\) at accessRestriction; set `accessRestriction` on the gcp\.backupdisasterrecovery\.BackupVault/ },
    { name: "unrestricted in lower case", props: vault({ accessRestriction: "unrestricted" }), expect: "fail", paths: ["accessRestriction"] },
    { name: "access restriction unknown during preview", props: vault({ accessRestriction: UNKNOWN }), expect: "defer", paths: ["accessRestriction"] },
    { name: "unknown other fields do not hide unrestricted", props: vault({ accessRestriction: "UNRESTRICTED", backupMinimumEnforcedRetentionDuration: UNKNOWN }), expect: "fail", paths: ["accessRestriction"] },
    { name: "unrestricted but exempted with a reason", props: vault({ accessRestriction: "UNRESTRICTED" }), config: exempt, expect: "exempt" },
    { name: "unknown config key", props: vault(), config: { trustedDomains: ["example.com"] }, expect: "fail", message: /invalid policy config/ },
]);
