import type { VaultPolicyArgs } from "@pulumi/aws/backup";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asList, enumIn, isUnknown, parseJson, prop } from "../../core/values";

type Knobs = "trustedAccountIds";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/create-a-vault-access-policy.html";

/** Condition keys that pin a wildcard principal to an organization or account. */
const scopingKeys = new Set([
    "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:sourceaccount", "aws:sourceorgid",
    "aws:sourceorgpaths", "aws:sourcearn", "aws:principalarn", "aws:resourceaccount",
]);

const accountArn = /^arn:aws[a-z-]*:(?:iam|sts)::([0-9]{12}):/;

/** The account a principal string names, "*" for everyone, or undefined for something else (a service, a federated id). */
function accountOf(principal: string): string | undefined {
    const text = principal.trim();
    if (text === "*") return "*";
    if (/^[0-9]{12}$/.test(text)) return text;
    return accountArn.exec(text)?.[1];
}

function hasScopingCondition(statement: unknown): boolean {
    const condition = prop(statement, "Condition");
    if (isUnknown(condition) || typeof condition !== "object" || condition === null) {
        return false;
    }
    for (const operator of Object.keys(condition)) {
        const clause = prop(condition, operator);
        if (typeof clause === "object" && clause !== null && Object.keys(clause).some((key) => scopingKeys.has(key.toLowerCase()))) {
            return true;
        }
    }
    return false;
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
        "`trustedAccountIds` (including the vault's own account when the policy names it).",
    docsUrl,
    controls: {},
    config: ["trustedAccountIds"],
    targets: [
        on<VaultPolicyArgs, Knobs>("aws:backup/vaultPolicy:VaultPolicy", (props, { config }) => {
            const parsed = parseJson(prop(props, "policy"));
            if (isUnknown(parsed)) {
                return [deferred("policy")];
            }
            const fixFormat = "write `policy` on the aws.backup.VaultPolicy as a JSON IAM policy document (for example with JSON.stringify or aws.iam.getPolicyDocument)";
            if (!parsed.ok || typeof parsed.value !== "object" || parsed.value === null) {
                return [violation("policy", "the vault access policy is not a JSON policy document, so it cannot be checked", fixFormat)];
            }
            const statements = asList(prop(parsed.value, "Statement"));
            if (isUnknown(statements)) {
                return [deferred("policy")];
            }
            const trusted = new Set(config.trustedAccountIds);
            const findings: Finding[] = [];
            statements.forEach((statement, index) => {
                const path = `policy.Statement[${index}]`;
                const allows = enumIn(prop(statement, "Effect"), "Allow");
                if (isUnknown(statement) || isUnknown(allows)) {
                    findings.push(deferred(isUnknown(statement) ? path : `${path}.Effect`));
                    return;
                }
                if (allows !== true) {
                    return;
                }
                const principal = prop(statement, "Principal");
                const principals: unknown[] = [];
                if (isUnknown(principal)) {
                    findings.push(deferred(`${path}.Principal`));
                    return;
                }
                if (typeof principal === "string") {
                    principals.push(principal);
                } else if (typeof principal === "object" && principal !== null && !Array.isArray(principal)) {
                    const aws = asList(prop(principal, "AWS"));
                    if (!isUnknown(aws)) principals.push(...aws);
                }
                const accounts = principals.map((entry) => (typeof entry === "string" ? accountOf(entry) : undefined));
                if (accounts.includes("*")) {
                    if (!hasScopingCondition(statement)) {
                        findings.push(violation(`${path}.Principal`,
                            "the vault allows every AWS account (principal \"*\" without an organization or account condition)",
                            "name the trusted accounts as principals, or add an `aws:PrincipalOrgID` or `aws:SourceAccount` condition to the statement in `policy` on the aws.backup.VaultPolicy"));
                    }
                    return;
                }
                if (accounts.some((account) => account !== undefined && !trusted.has(account))) {
                    findings.push(violation(`${path}.Principal`,
                        "the vault allows an account that is not in trustedAccountIds",
                        "remove the account from the statement in `policy` on the aws.backup.VaultPolicy or add it to trustedAccountIds in the policy config"));
                }
            });
            return findings;
        }),
    ],
});
