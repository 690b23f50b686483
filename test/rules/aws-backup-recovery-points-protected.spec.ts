import { backupRecoveryPointsProtected } from "../../policies/aws/backup-recovery-points-protected";
import { describeRule, UNKNOWN } from "../harness";

const exempt = { exemptions: [{ resource: "subject", reason: "sandbox vault", expires: "2999-01-01" }] };

describeRule(backupRecoveryPointsProtected, "aws:backup/vault:Vault", [
    { name: "forceDestroy omitted", props: { name: "vault" }, expect: "pass" },
    { name: "forceDestroy false", props: { forceDestroy: false }, expect: "pass" },
    { name: "forceDestroy true", props: { forceDestroy: true }, expect: "fail", paths: ["forceDestroy"], message: /deletes every recovery point/ },
    { name: "unknown during preview", props: { forceDestroy: UNKNOWN }, expect: "defer" },
    { name: "exempted", props: { forceDestroy: true }, config: exempt, expect: "exempt" },
]);

describeRule(backupRecoveryPointsProtected, "aws:backup/vaultLockConfiguration:VaultLockConfiguration", [
    { name: "compliance mode with 30-day minimum", props: { backupVaultName: "v", changeableForDays: 3, minRetentionDays: 30, maxRetentionDays: 365 }, expect: "pass" },
    { name: "changeableForDays omitted: governance mode", props: { backupVaultName: "v", minRetentionDays: 30 }, expect: "fail", paths: ["changeableForDays"], message: /governance mode/ },
    { name: "minRetentionDays omitted", props: { changeableForDays: 3 }, expect: "fail", paths: ["minRetentionDays"] },
    { name: "minimum below the configured minimum", props: { changeableForDays: 3, minRetentionDays: 7 }, config: { minRetentionDays: 30 }, expect: "fail", paths: ["minRetentionDays"], message: /below 30 days/ },
    { name: "changeable days unknown counts as set", props: { changeableForDays: UNKNOWN, minRetentionDays: 30 }, expect: "pass" },
    { name: "minimum unknown during preview", props: { changeableForDays: 3, minRetentionDays: UNKNOWN }, expect: "defer" },
    { name: "governance mode exempted", props: { minRetentionDays: 30 }, config: exempt, expect: "exempt" },
    { name: "invalid minimum in config", props: { changeableForDays: 3, minRetentionDays: 30 }, config: { minRetentionDays: -3 }, expect: "fail", message: /invalid policy config/ },
]);

// aws-native (CloudFormation): the lock is the vault's `lockConfiguration`; there is no forceDestroy.
describeRule(backupRecoveryPointsProtected, "aws-native:backup:BackupVault", [
    { name: "compliance-mode lock with 30-day minimum", props: { backupVaultName: "v", lockConfiguration: { changeableForDays: 3, minRetentionDays: 30 } }, expect: "pass" },
    { name: "lockConfiguration omitted (the stack rule judges missing locks)", props: { backupVaultName: "v" }, expect: "pass" },
    { name: "changeableForDays omitted: governance mode", props: { lockConfiguration: { minRetentionDays: 30 } }, expect: "fail", paths: ["lockConfiguration.changeableForDays"], message: /governance mode .* on lockConfiguration of the aws-native\.backup\.BackupVault/ },
    { name: "minimum below the configured minimum", props: { lockConfiguration: { changeableForDays: 3, minRetentionDays: 7 } }, config: { minRetentionDays: 30 }, expect: "fail", paths: ["lockConfiguration.minRetentionDays"] },
    { name: "lockConfiguration unknown during preview", props: { lockConfiguration: UNKNOWN }, expect: "defer", paths: ["lockConfiguration"] },
    { name: "minimum unknown during preview", props: { lockConfiguration: { changeableForDays: 3, minRetentionDays: UNKNOWN } }, expect: "defer" },
    { name: "governance mode exempted", props: { lockConfiguration: { minRetentionDays: 30 } }, config: exempt, expect: "exempt" },
]);
