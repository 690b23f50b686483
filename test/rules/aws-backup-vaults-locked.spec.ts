import { awsBackupVaultsLocked as rule } from "../../policies/stack/aws-backup-vaults-locked";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const VAULT = "aws:backup/vault:Vault";
const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

const vault = (name: string, props: Record<string, unknown> = { name }): StackFixture => ({ type: VAULT, name, props });
const lock = (name: string, backupVaultName: unknown, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: LOCK, name, props: { backupVaultName, minRetentionDays: 7, changeableForDays: 3 }, ...extra,
});
/** A lock whose `backupVaultName` is the vault's `name` output during preview. */
const lockOf = (name: string, target: string): StackFixture => lock(name, UNKNOWN, { dependencies: [target], propertyDependencies: { backupVaultName: [target] } });

describeStackRule(rule, [
    { name: "vault locked by reference during preview", resources: [vault("backups", { name: UNKNOWN }), lockOf("backups-lock", "backups")], expect: "pass" },
    { name: "vault locked by name", resources: [vault("backups"), lock("backups-lock", "backups")], expect: "pass" },
    { name: "vault locked by its id after deploy (the id is the name)", resources: [vault("backups", { id: "backups-1a2b", name: "backups-1a2b", arn: "arn:aws:backup:eu-west-1:111122223333:backup-vault:backups-1a2b" }), lock("backups-lock", "backups-1a2b")], expect: "pass" },
    { name: "vault without a lock", resources: [vault("backups")], expect: "report", reported: ["backups"], paths: ["name"], message: /no aws\.backup\.VaultLockConfiguration in this stack locks this backup vault/ },
    { name: "vault name omitted and no lock", resources: [vault("backups", {})], expect: "report", reported: ["backups"] },
    { name: "lock names a vault outside the stack", resources: [vault("backups"), lock("other-lock", "legacy-vault")], expect: "report", reported: ["backups"] },
    { name: "several vaults, one locked by reference, one by name", resources: [
        vault("a", { name: UNKNOWN }), vault("b"), vault("c"), lockOf("a-lock", "a"), lock("b-lock", "b"),
    ], expect: "report", reported: ["c"] },
    { name: "each unlocked vault is reported once", resources: [vault("a"), vault("b"), lock("a-lock", "a"), lock("a-lock-2", "a")], expect: "report", reported: ["b"] },
    { name: "lock in another provider does not lock a same-named vault", resources: [{ ...vault("backups"), provider: "eu" }, { ...lock("backups-lock", "backups"), provider: "us" }], expect: "report", reported: ["backups"] },
    { name: "lock with its own region does not lock a same-named vault in another region", resources: [vault("backups", { name: "backups", region: "eu-west-1" }), lock("backups-lock", "backups", { props: { backupVaultName: "backups", region: "us-east-1" } })], expect: "report", reported: ["backups"] },
    { name: "lock and vault in the same provider by name", resources: [{ ...vault("backups"), provider: "eu" }, { ...lock("backups-lock", "backups"), provider: "eu" }], expect: "pass" },
    { name: "lock target unknown during preview without a dependency", resources: [vault("backups"), lock("backups-lock", UNKNOWN)], expect: "defer", paths: ["backups.name"] },
    { name: "lock target unknown in another provider does not hide an unlocked vault", resources: [{ ...vault("backups"), provider: "eu" }, { ...lock("backups-lock", UNKNOWN), provider: "us" }], expect: "report", reported: ["backups"] },
    { name: "vault name unknown during preview and a lock naming a vault not found", resources: [vault("backups", { name: UNKNOWN }), lock("backups-lock", "backups-prod")], expect: "defer", paths: ["backups.name"] },
    { name: "vault name unknown during preview and no lock at all", resources: [vault("backups", { name: UNKNOWN })], expect: "report", reported: ["backups"] },
    { name: "lock without a vault in the stack", resources: [lock("backups-lock", "legacy-vault")], expect: "pass" },
    { name: "stack without backup vaults", resources: [{ type: "aws:s3/bucket:Bucket", name: "logs", props: {} }], expect: "pass" },
    { name: "exempted vault (locked by the security stack)", resources: [vault("backups")], config: { exemptions: [{ resource: "backups", reason: "the security stack locks every vault" }] }, expect: "exempt" },
    { name: "invalid config", resources: [vault("backups")], config: { exemptions: [{ resource: "backups", reason: "" }] }, expect: "report", message: /invalid policy config/ },
]);

// aws-native (CloudFormation): the lock is the vault's own `lockConfiguration`.
const NVAULT = "aws-native:backup:BackupVault";
describeStackRule(rule, [
    { name: "aws-native vault with a lockConfiguration", resources: [{ type: NVAULT, name: "nbackups", props: { backupVaultName: "nbackups", lockConfiguration: { minRetentionDays: 7, changeableForDays: 3 } } }], expect: "pass" },
    { name: "aws-native vault without a lock (lockConfiguration omitted)", resources: [{ type: NVAULT, name: "nbackups", props: { backupVaultName: "nbackups" } }], expect: "report", reported: ["nbackups"], paths: ["lockConfiguration"], message: /on the aws-native\.backup\.BackupVault/ },
    { name: "aws-native vault locked by an aws lock that references it", resources: [{ type: NVAULT, name: "nbackups", props: { backupVaultName: UNKNOWN } }, lockOf("lock", "nbackups")], expect: "pass" },
    { name: "aws-native vault lock unknown during preview counts as set", resources: [{ type: NVAULT, name: "nbackups", props: { backupVaultName: "nbackups", lockConfiguration: UNKNOWN } }], expect: "pass" },
    { name: "an aws lock on an aws-native vault leaves an unlocked aws vault reported", resources: [vault("backups"), { type: NVAULT, name: "nbackups", props: { backupVaultName: UNKNOWN } }, lockOf("lock", "nbackups")], expect: "report", reported: ["backups"] },
]);
