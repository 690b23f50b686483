import { defineStackRule, type Finding } from "../../core/rule";
import { kmsDocsUrl } from "./aws-data-keys-not-shared";
import { K, KmsSharing, SHARING_TYPES } from "./lib/kms";

export const awsKmsKeysNotShared = defineStackRule({
    id: "aws-kms-keys-not-shared",
    cloud: "aws",
    title: "KMS keys are never shared for decryption publicly or with untrusted accounts",
    category: "exposure",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A key that every AWS account, or an account outside the company, may decrypt with protects nothing against " +
        "that party: whatever is encrypted with it later (a volume, a snapshot copy, an image built by another stack) is " +
        "readable there once the data itself is shared. Keys that already encrypt data of the stack are judged by the " +
        "mandatory aws-data-keys-not-shared; this advisory rule judges the stack's other keys, with the same reading of " +
        "`policy` on `aws.kms.Key` and `aws.kms.KeyPolicy` and of `aws.kms.Grant`, and of `keyPolicy` on " +
        "`aws-native.kms.Key` and `aws-native.kms.ReplicaKey`.",
    remediation:
        "Name only trusted accounts as principals of key policy statements that allow `kms:Decrypt`, `kms:ReEncrypt*`, " +
        "`kms:CreateGrant`, `kms:*` or `*`, or pin `\"*\"` with an `aws:PrincipalOrgID` or `kms:CallerAccount` condition; " +
        "grant `aws.kms.Grant`s only to principals of trusted accounts. List your own accounts in `trustedAccountIds`.",
    docsUrl: kmsDocsUrl,
    controls: { prowler: ["kms_key_not_publicly_accessible"] },
    config: ["trustedAccountIds"],
    stackTypes: [K.key, K.keyPolicy, K.grant, K.nativeKey, K.nativeReplicaKey],
    alsoReads: SHARING_TYPES,
    checkStack: (resources, { config }) => {
        const sharing = new KmsSharing(resources, config.trustedAccountIds);
        const findings: Finding[] = [];
        for (const share of sharing.shares) {
            if (sharing.protectsData(share) !== true) findings.push(...share.findings);
        }
        return findings;
    },
});
