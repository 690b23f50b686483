import type { VaultPolicyArgs } from "@pulumi/aws/backup";
import type { BackupVaultArgs, LogicallyAirGappedBackupVaultArgs } from "@pulumi/aws-native/backup";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { isUnknown, prop } from "../../core/values";
import { allows, principalReach, readPolicyDocument } from "./lib/policy-document";

type Knobs = "trustedAccountIds";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html";

/**
 * The vault access policy document held in `key`. `optional`: omitted means the vault has no
 * resource policy (aws-native vaults); on aws.backup.VaultPolicy the document is required, and a
 * missing one cannot be checked.
 */
function accessPolicy(key: string, resource: string, optional = false) {
    return (props: Record<string, unknown>, { config }: { config: { trustedAccountIds: string[] } }): Finding[] => {
        const raw = prop(props, key);
        if (raw === undefined && optional) {
            return [];
        }
        const document = readPolicyDocument(raw);
        if (document.kind === "unknown") {
            return [deferred(key)];
        }
        const fixFormat = `write \`${key}\` on the ${resource} as a JSON IAM policy document (for example with JSON.stringify or aws.iam.getPolicyDocument)`;
        if (document.kind === "invalid") {
            return [violation(key, "the vault access policy is not a JSON policy document, so it cannot be checked", fixFormat)];
        }
        if (isUnknown(document.statements)) {
            return [deferred(key)];
        }
        const findings: Finding[] = [];
        document.statements.forEach((statement, index) => {
            const path = `${key}.Statement[${index}]`;
            const allowed = allows(statement);
            if (isUnknown(allowed)) {
                findings.push(deferred(isUnknown(statement) ? path : `${path}.Effect`));
                return;
            }
            if (!allowed) {
                return;
            }
            const reach = principalReach(statement, config.trustedAccountIds);
            if (isUnknown(reach)) {
                findings.push(deferred(`${path}.Principal`));
            } else if (reach === "public") {
                findings.push(violation(`${path}.Principal`,
                    "the vault allows every AWS account (principal \"*\" without an organization or account condition)",
                    `name the trusted accounts as principals, or add an \`aws:PrincipalOrgID\` or \`aws:SourceAccount\` condition to the statement in \`${key}\` on the ${resource}`));
            } else if (reach === "untrusted") {
                findings.push(violation(`${path}.Principal`,
                    "the vault allows an account that is not in trustedAccountIds",
                    `remove the account from the statement in \`${key}\` on the ${resource} or add it to trustedAccountIds in the policy config`));
            }
        });
        return findings;
    };
}

export const backupVaultNotPublic = defineRule({
    id: "aws-backup-vault-not-public",
    cloud: "aws",
    title: "Backup vault access policies never grant access to everyone or to untrusted accounts",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "An AWS Backup vault holds the recovery points of EBS volumes, databases and file systems. An `Allow` statement " +
        "for the principal `*` without a condition that pins it to the organization or an account lets any AWS account " +
        "copy or restore them; an account principal outside the company's control does the same for that party.",
    remediation:
        "In `policy` on `aws.backup.VaultPolicy`, replace the `*` principal with the account ARNs that need access, or add a " +
        "condition such as `aws:PrincipalOrgID` or `aws:SourceAccount`; list every account the policy names in " +
        "`trustedAccountIds` (including the vault's own account when the policy names it). With aws-native the policy is " +
        "`accessPolicy` on `aws-native.backup.BackupVault` and `LogicallyAirGappedBackupVault`.",
    docsUrl,
    controls: {},
    config: ["trustedAccountIds"],
    targets: [
        on<VaultPolicyArgs, Knobs>("aws:backup/vaultPolicy:VaultPolicy", accessPolicy("policy", "aws.backup.VaultPolicy")),
        // aws-native (CloudFormation): the vault carries its access policy; omitted means no resource policy.
        on<BackupVaultArgs, Knobs>("aws-native:backup:BackupVault", accessPolicy("accessPolicy", "aws-native.backup.BackupVault", true)),
        on<LogicallyAirGappedBackupVaultArgs, Knobs>("aws-native:backup:LogicallyAirGappedBackupVault", accessPolicy("accessPolicy", "aws-native.backup.LogicallyAirGappedBackupVault", true)),
    ],
});
