import { backupVaultNotPublic } from "../../policies/aws/backup-vault-not-public";
import { describeRule, UNKNOWN } from "../harness";

const TYPE = "aws:backup/vaultPolicy:VaultPolicy";
const trusted = "111122223333";
const stranger = "999988887777";
const trust = { trustedAccountIds: [trusted] };
const exempt = { exemptions: [{ resource: "subject", reason: "recovery account copy", expires: "2999-01-01" }] };
const policy = (...Statement: unknown[]) => ({ backupVaultName: "vault", policy: JSON.stringify({ Version: "2012-10-17", Statement }) });
const allow = (Principal: unknown, Condition?: unknown) => ({ Effect: "Allow", Principal, Action: "backup:CopyIntoBackupVault", Resource: "*", ...(Condition ? { Condition } : {}) });

describeRule(backupVaultNotPublic, TYPE, [
    { name: "trusted account principal", props: policy(allow({ AWS: `arn:aws:iam::${trusted}:root` })), config: trust, expect: "pass" },
    { name: "wildcard scoped by aws:PrincipalOrgID", props: policy(allow("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })), expect: "pass" },
    { name: "wildcard scoped by aws:SourceAccount (key case differs)", props: policy(allow({ AWS: "*" }, { StringEquals: { "AWS:SourceAccount": trusted } })), expect: "pass" },
    { name: "deny statement with wildcard principal", props: policy({ Effect: "Deny", Principal: "*", Action: "backup:DeleteRecoveryPoint", Resource: "*" }), expect: "pass" },
    { name: "service principal", props: policy(allow({ Service: "backup.amazonaws.com" })), expect: "pass" },
    { name: "statement as a single object, condition omitted, principal \"*\"", props: { policy: JSON.stringify({ Statement: allow("*") }) }, expect: "fail", paths: ["policy.Statement[0].Principal"], message: /every AWS account/ },
    { name: "public: principal \"*\"", props: policy(allow("*")), expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "public: {\"AWS\": \"*\"}", props: policy(allow({ AWS: "*" })), expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "public: \"*\" in a principal list", props: policy(allow({ AWS: [`arn:aws:iam::${trusted}:root`, "*"] })), config: trust, expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "effect in lower case still allows", props: policy({ ...allow("*"), Effect: "allow" }), expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "untrusted account principal (bare id)", props: policy(allow(`arn:aws:iam::${trusted}:root`), allow({ AWS: stranger })), config: trust, expect: "fail", paths: ["policy.Statement[1].Principal"], message: /^(?![\s\S]*999988887777)[\s\S]*not in trustedAccountIds/ },
    { name: "untrusted role principal", props: policy(allow({ AWS: [`arn:aws:iam::${stranger}:role/copy`] })), config: trust, expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "unrelated condition does not scope a wildcard", props: policy(allow("*", { Bool: { "aws:SecureTransport": "true" } })), expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "policy that does not parse is a finding", props: { policy: "{\"Statement\": [marker-value-42" }, expect: "fail", paths: ["policy"], message: /^(?![\s\S]*marker-value-42)[\s\S]*not a JSON policy document/ },
    { name: "policy omitted", props: { backupVaultName: "vault" }, expect: "fail", paths: ["policy"] },
    { name: "policy unknown during preview", props: { backupVaultName: "vault", policy: UNKNOWN }, expect: "defer", message: /policy is unknown/ },
    { name: "policy given as an object with an unknown statement", props: { policy: { Statement: [UNKNOWN] } }, expect: "defer" },
    { name: "policy given as an object, public statement", props: { policy: { Statement: [allow("*")] } }, expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "unknown effect does not hide a public statement", props: { policy: { Statement: [{ ...allow("*"), Effect: UNKNOWN }, allow("*")] } }, expect: "fail", paths: ["policy.Statement[1].Principal"] },
    { name: "public: NotPrincipal with Allow", props: policy({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${trusted}:root` }, Action: "backup:*", Resource: "*" }), config: trust, expect: "fail", paths: ["policy.Statement[0].Principal"] },
    { name: "principal list with an unknown entry during preview", props: { policy: { Statement: [allow({ AWS: [UNKNOWN] })] } }, expect: "defer", paths: ["policy.Statement[0].Principal"] },
    { name: "public vault exempted", props: policy(allow("*")), config: exempt, expect: "exempt" },
    { name: "invalid trusted account id in config", props: policy(allow("*")), config: { trustedAccountIds: ["abc"] }, expect: "fail", message: /invalid policy config/ },
]);

// aws-native (CloudFormation): the vault's own `accessPolicy` (an object or a JSON string); omitted means no resource policy.
for (const [type, resource] of [
    ["aws-native:backup:BackupVault", "aws-native.backup.BackupVault"],
    ["aws-native:backup:LogicallyAirGappedBackupVault", "aws-native.backup.LogicallyAirGappedBackupVault"],
] as const) {
    const vault = (...Statement: unknown[]) => ({ backupVaultName: "vault", minRetentionDays: 7, maxRetentionDays: 35, accessPolicy: { Version: "2012-10-17", Statement } });
    describeRule(backupVaultNotPublic, type, [
        { name: "trusted account principal", props: vault(allow({ AWS: `arn:aws:iam::${trusted}:root` })), config: trust, expect: "pass" },
        { name: "accessPolicy omitted: no resource policy", props: { backupVaultName: "vault" }, expect: "pass" },
        { name: "policy as a JSON string scoped by aws:PrincipalOrgID", props: { accessPolicy: JSON.stringify({ Statement: [allow("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })] }) }, expect: "pass" },
        { name: "wildcard principal", props: vault(allow("*")), expect: "fail", paths: ["accessPolicy.Statement[0].Principal"], message: new RegExp(`every AWS account .*\`accessPolicy\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "untrusted account", props: vault(allow({ AWS: `arn:aws:iam::${trusted}:root` }), allow({ AWS: stranger })), config: trust, expect: "fail", paths: ["accessPolicy.Statement[1].Principal"] },
        { name: "not a policy document", props: { accessPolicy: "not json" }, expect: "fail", paths: ["accessPolicy"] },
        { name: "policy unknown during preview", props: { accessPolicy: UNKNOWN }, expect: "defer", paths: ["accessPolicy"] },
        { name: "principal unknown during preview", props: vault(allow(UNKNOWN)), expect: "defer" },
    ]);
}
