import { defineStackRule, type Finding } from "../../core/rule";
import { DATA_TYPES, K, KmsSharing, SHARING_TYPES } from "./lib/kms";
import { deferredAt } from "./lib/graph";

export const kmsDocsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html";

export const awsDataKeysNotShared = defineStackRule({
    id: "aws-data-keys-not-shared",
    cloud: "aws",
    title: "KMS keys that encrypt the stack's volumes, snapshots, images, databases or backup vaults are never shared publicly or with untrusted accounts",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "An encrypted snapshot or AMI that reaches another account (a share, a copy, a leaked launch permission) is " +
        "readable there exactly when the key is shared too: a key policy statement that allows `kms:Decrypt`, " +
        "`kms:ReEncrypt*`, `kms:CreateGrant`, `kms:*` or `*` to `\"*\"` (or through `NotPrincipal`) without a condition that " +
        "pins the caller to an account or organization, or to an account outside the company, hands over every volume, " +
        "snapshot, image, database and backup it encrypts. This rule judges `policy` on `aws.kms.Key`, `aws.kms.KeyPolicy` " +
        "and decrypt-capable `aws.kms.Grant`s of the keys that encrypt a volume, instance disk, snapshot or image copy, RDS, " +
        "DocumentDB or Neptune database, EBS default key or backup vault of the stack (followed by reference, id, ARN or alias); " +
        "aws-kms-keys-not-shared judges the other keys. aws-native keys (`keyPolicy` on `aws-native.kms.Key` and " +
        "`ReplicaKey`, `aws-native.kms.Alias`) and the aws-native volumes, instance mappings, RDS and Neptune databases and " +
        "backup vaults they encrypt are read the same way.",
    remediation:
        "In the key policy (`policy` on `aws.kms.Key` or `aws.kms.KeyPolicy`), name only trusted accounts as principals of " +
        "statements that allow decryption, or add an `aws:PrincipalOrgID`, `aws:PrincipalAccount` or `kms:CallerAccount` " +
        "condition to `\"*\"` principals; grant `aws.kms.Grant`s only to principals of trusted accounts. `trustedAccountIds` " +
        "is empty by default: list your own accounts there (including the key's account when the policy names it).",
    docsUrl: kmsDocsUrl,
    controls: { prowler: ["kms_key_not_publicly_accessible"], checkov: ["CKV_AWS_33"] },
    config: ["trustedAccountIds"],
    stackTypes: [K.key, K.keyPolicy, K.grant, K.nativeKey, K.nativeReplicaKey, ...DATA_TYPES],
    alsoReads: SHARING_TYPES,
    checkStack: (resources, { config }) => {
        const sharing = new KmsSharing(resources, config.trustedAccountIds);
        const findings: Finding[] = [];
        for (const share of sharing.shares) {
            const data = sharing.protectsData(share);
            if (data === true) {
                findings.push(...share.findings);
            } else if (data === "unknown" && share.findings.length > 0) {
                findings.push(deferredAt(share.holder, share.findings[0].path));
            }
        }
        return findings;
    },
});
