import { awsDataKeysNotShared as rule } from "../../policies/stack/aws-data-keys-not-shared";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const GRANT = "aws:kms/grant:Grant";
const ALIAS = "aws:kms/alias:Alias";
const trusted = "111122223333";
const stranger = "999988887777";
const trust = { trustedAccountIds: [trusted] };
const keyArn = `arn:aws:kms:eu-west-1:${trusted}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const owner = { Sid: "owner", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${trusted}:root` }, Action: "kms:*", Resource: "*" };
const shareWith = (principal: unknown, extra: Record<string, unknown> = {}) =>
    ({ Sid: "share", Effect: "Allow", Principal: principal, Action: ["kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant"], Resource: "*", ...extra });
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const key = (name: string, policy?: unknown, extra: Record<string, unknown> = {}): StackFixture =>
    ({ type: KEY, name, props: { description: name, ...(policy === undefined ? {} : { policy }), ...extra } });
/** A data resource whose key property is the key's ARN output during preview. */
const encrypted = (type: string, name: string, property: string, keyName: string, props: Record<string, unknown> = {}): StackFixture =>
    ({ type, name, props: { ...props, [property]: UNKNOWN }, dependencies: [keyName], propertyDependencies: { [property]: [keyName] } });
const volume = (keyName: string) => encrypted("aws:ebs/volume:Volume", "data", "kmsKeyId", keyName, { availabilityZone: "eu-west-1a", size: 8, encrypted: true });

describeStackRule(rule, [
    { name: "key of an encrypted volume shared with an untrusted account", resources: [key("disk-key", doc(owner, shareWith({ AWS: `arn:aws:iam::${stranger}:root` }))), volume("disk-key")], config: trust,
        expect: "report", reported: ["disk-key"], paths: ["policy.Statement[1].Principal"], message: /^(?![\s\S]*999988887777)[\s\S]*not in trustedAccountIds/ },
    { name: "key of an AMI copy open to every account", resources: [key("ami-key", doc(owner, shareWith("*"))), encrypted("aws:ec2/amiCopy:AmiCopy", "golden-copy", "kmsKeyId", "ami-key", { sourceAmiId: "ami-1", sourceAmiRegion: "eu-west-1", encrypted: true })], config: trust,
        expect: "report", reported: ["ami-key"], message: /every AWS account/ },
    { name: "NotPrincipal with Allow counts as everyone", resources: [key("k", doc({ Effect: "Allow", NotPrincipal: { AWS: `arn:aws:iam::${trusted}:root` }, Action: "kms:*", Resource: "*" })), volume("k")], config: trust, expect: "report", reported: ["k"] },
    { name: "wildcard action kms:ReEncrypt* for an untrusted account", resources: [key("k", doc({ Effect: "Allow", Principal: { AWS: stranger }, Action: "kms:ReEncrypt*", Resource: "*" })), volume("k")], config: trust, expect: "report", reported: ["k"] },
    { name: "\"*\" pinned to the organization by aws:PrincipalOrgID", resources: [key("k", doc(owner, shareWith("*", { Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123def4" } } }))), volume("k")], config: trust, expect: "pass" },
    { name: "untrusted account allowed only to describe the key", resources: [key("k", doc(owner, { Effect: "Allow", Principal: { AWS: stranger }, Action: ["kms:DescribeKey"], Resource: "*" })), volume("k")], config: trust, expect: "pass" },
    { name: "key policy omitted (default key policy)", resources: [key("k"), volume("k")], expect: "pass" },
    { name: "shared key that encrypts nothing in the stack is left to the advisory rule", resources: [key("k", doc(shareWith("*")))], expect: "pass" },
    { name: "key policy unknown during preview", resources: [key("k", UNKNOWN), volume("k")], expect: "defer", paths: ["k.policy"] },
    { name: "principal unknown during preview", resources: [key("k", doc(owner, { Effect: "Allow", Principal: { AWS: UNKNOWN }, Action: "kms:Decrypt", Resource: "*" })), volume("k")], config: trust, expect: "defer" },
    { name: "volume key unknown without a dependency: a shared key may protect it", resources: [key("k", doc(shareWith("*"))), { type: "aws:ebs/volume:Volume", name: "data", props: { encrypted: true, kmsKeyId: UNKNOWN } }], expect: "defer" },
    { name: "key policy that does not parse", resources: [key("k", "{not json"), volume("k")], expect: "report", reported: ["k"], paths: ["policy"] },

    { name: "separate aws.kms.KeyPolicy of a backup vault key, by ARN", resources: [
        key("vault-key", undefined, { arn: keyArn, keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
        { type: "aws:backup/vault:Vault", name: "backups", props: { kmsKeyArn: keyArn } },
        { type: KEY_POLICY, name: "vault-key-policy", props: { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", policy: doc(owner, shareWith({ AWS: [stranger] })) } },
    ], config: trust, expect: "report", reported: ["vault-key-policy"] },
    { name: "key policy whose key is unknown during preview", resources: [key("k"), volume("k"), { type: KEY_POLICY, name: "kp", props: { keyId: UNKNOWN, policy: doc(shareWith("*")) } }], expect: "defer", paths: ["kp.policy"] },
    { name: "grant of Decrypt to an untrusted role, key reached through an alias", resources: [
        key("db-key"),
        { type: ALIAS, name: "db-alias", props: { name: "alias/db", targetKeyId: UNKNOWN }, propertyDependencies: { targetKeyId: ["db-key"] } },
        { type: "aws:rds/instance:Instance", name: "db", props: { engine: "postgres", storageEncrypted: true, kmsKeyId: "alias/db" } },
        { type: GRANT, name: "partner-grant", props: { keyId: UNKNOWN, granteePrincipal: `arn:aws:iam::${stranger}:role/reader`, operations: ["Decrypt", "DescribeKey"] }, propertyDependencies: { keyId: ["db-key"] } },
    ], config: trust, expect: "report", reported: ["partner-grant"], paths: ["granteePrincipal"] },
    { name: "grant to a trusted account", resources: [key("k"), volume("k"), { type: GRANT, name: "g", props: { keyId: UNKNOWN, granteePrincipal: `arn:aws:iam::${trusted}:role/r`, operations: ["Decrypt"] }, propertyDependencies: { keyId: ["k"] } }], config: trust, expect: "pass" },
    { name: "grant without decrypt operations", resources: [key("k"), volume("k"), { type: GRANT, name: "g", props: { keyId: UNKNOWN, granteePrincipal: `arn:aws:iam::${stranger}:role/r`, operations: ["Encrypt", "GenerateDataKey"] }, propertyDependencies: { keyId: ["k"] } }], config: trust, expect: "pass" },
    { name: "grantee unknown during preview", resources: [key("k"), volume("k"), { type: GRANT, name: "g", props: { keyId: UNKNOWN, granteePrincipal: UNKNOWN, operations: ["Decrypt"] }, propertyDependencies: { keyId: ["k"] } }], expect: "defer", paths: ["g.granteePrincipal"] },

    { name: "every kind of data resource makes its key a data key", resources: [
        key("k", doc(shareWith("*"))),
        encrypted("aws:ebs/volume:Volume", "v", "kmsKeyId", "k"),
        encrypted("aws:ebs/snapshotCopy:SnapshotCopy", "sc", "kmsKeyId", "k"),
        encrypted("aws:ec2/amiCopy:AmiCopy", "ac", "kmsKeyId", "k"),
        { type: "aws:ec2/instance:Instance", name: "i", props: { rootBlockDevice: { encrypted: true, kmsKeyId: UNKNOWN }, ebsBlockDevices: [{ deviceName: "/dev/sdf", kmsKeyId: UNKNOWN }] }, propertyDependencies: { rootBlockDevice: ["k"], ebsBlockDevices: ["k"] } },
        encrypted("aws:ebs/defaultKmsKey:DefaultKmsKey", "dk", "keyArn", "k"),
        encrypted("aws:rds/instance:Instance", "ri", "kmsKeyId", "k"),
        encrypted("aws:rds/cluster:Cluster", "rc", "kmsKeyId", "k"),
        encrypted("aws:rds/snapshotCopy:SnapshotCopy", "rsc", "kmsKeyId", "k"),
        encrypted("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "rcsc", "kmsKeyId", "k"),
        encrypted("aws:docdb/cluster:Cluster", "dc", "kmsKeyId", "k"),
        encrypted("aws:neptune/cluster:Cluster", "nc", "kmsKeyArn", "k"),
        encrypted("aws:backup/vault:Vault", "bv", "kmsKeyArn", "k"),
    ], expect: "report", reported: ["k"] },
    { name: "instance disk key names the key by its ARN after deploy", resources: [key("k", doc(shareWith("*")), { arn: keyArn }), { type: "aws:ec2/instance:Instance", name: "i", props: { ebsBlockDevices: [{ deviceName: "/dev/sdf", kmsKeyId: keyArn }] } }], expect: "report", reported: ["k"] },

    { name: "exempted shared key", resources: [key("k", doc(shareWith("*"))), volume("k")], config: { exemptions: [{ resource: "k", reason: "marketplace AMI key", expires: "2999-01-01" }] }, expect: "exempt" },
]);

// ---- aws-native keys and the aws-native data they encrypt -----------------------------------------

const nativeKey = (name: string, keyPolicy?: unknown, extra: Record<string, unknown> = {}): StackFixture =>
    ({ type: "aws-native:kms:Key", name, props: { description: name, ...(keyPolicy === undefined ? {} : { keyPolicy }), ...extra } });
const open = { Version: "2012-10-17", Statement: [owner, shareWith("*")] };

describeStackRule(rule, [
    ...([
        ["aws-native:ec2:Volume", "kmsKeyId", { availabilityZone: "eu-west-1a", encrypted: true }],
        ["aws-native:rds:DbInstance", "kmsKeyId", { engine: "postgres", storageEncrypted: true }],
        ["aws-native:rds:DbCluster", "kmsKeyId", { engine: "aurora-postgresql", storageEncrypted: true }],
        ["aws-native:neptune:DbCluster", "kmsKeyId", { storageEncrypted: true }],
        ["aws-native:backup:BackupVault", "encryptionKeyArn", { backupVaultName: "v" }],
    ] as const).map(([type, property, props]) => ({
        name: `aws-native key of an ${type.split(":").slice(1).join(".")} open to every account`,
        resources: [nativeKey("nkey", open), encrypted(type, "data", property, "nkey", props)], config: trust,
        expect: "report" as const, reported: ["nkey"], paths: ["keyPolicy.Statement[1].Principal"],
    })),
    { name: "aws-native instance mapping encrypted with an aws key shared with an untrusted account", resources: [
        key("disk-key", doc(owner, shareWith({ AWS: `arn:aws:iam::${stranger}:root` }))),
        { type: "aws-native:ec2:Instance", name: "web", props: { imageId: "ami-1", blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: true, kmsKeyId: UNKNOWN } }] }, propertyDependencies: { blockDeviceMappings: ["disk-key"] } },
    ], config: trust, expect: "report", reported: ["disk-key"] },
    { name: "aws-native volume encrypted through an aws-native alias of an open key", resources: [
        nativeKey("nkey", open, { keyId: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
        { type: "aws-native:kms:Alias", name: "alias", props: { aliasName: "alias/disks", targetKeyId: "1234abcd-12ab-34cd-56ef-1234567890ab" } },
        { type: "aws-native:ec2:Volume", name: "data", props: { encrypted: true, kmsKeyId: "alias/disks" } },
    ], config: trust, expect: "report", reported: ["nkey"] },
    { name: "aws-native replica key of a backup vault shared with a trusted account", resources: [
        { type: "aws-native:kms:ReplicaKey", name: "replica", props: { primaryKeyArn: keyArn, keyPolicy: doc(owner, shareWith({ AWS: trusted })) } },
        encrypted("aws-native:backup:BackupVault", "vault", "encryptionKeyArn", "replica", { backupVaultName: "v" }),
    ], config: trust, expect: "pass" },
    { name: "aws-native key policy unknown during preview", resources: [nativeKey("nkey", UNKNOWN), encrypted("aws-native:ec2:Volume", "data", "kmsKeyId", "nkey")], expect: "defer", paths: ["nkey.keyPolicy"] },
]);
