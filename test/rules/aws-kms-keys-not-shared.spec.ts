import { awsKmsKeysNotShared as rule } from "../../policies/stack/aws-kms-keys-not-shared";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const KEY = "aws:kms/key:Key";
const KEY_POLICY = "aws:kms/keyPolicy:KeyPolicy";
const GRANT = "aws:kms/grant:Grant";
const trusted = "111122223333";
const stranger = "999988887777";
const trust = { trustedAccountIds: [trusted] };
const doc = (...Statement: unknown[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (Principal: unknown, Action: unknown = "kms:Decrypt") => ({ Effect: "Allow", Principal, Action, Resource: "*" });
const key = (name: string, policy?: unknown): StackFixture => ({ type: KEY, name, props: policy === undefined ? { description: name } : { description: name, policy } });

describeStackRule(rule, [
    { name: "spare key open to every account", resources: [key("spare", doc(allow({ AWS: "*" }, "kms:*")))], expect: "report", reported: ["spare"], paths: ["policy.Statement[0].Principal"] },
    { name: "spare key with \"*\" action for an untrusted account", resources: [key("spare", doc(allow({ AWS: `arn:aws:iam::${stranger}:root` }, "*")))], config: trust, expect: "report", reported: ["spare"] },
    { name: "key that encrypts a volume is left to the mandatory rule", resources: [key("k", doc(allow("*"))), { type: "aws:ebs/volume:Volume", name: "v", props: { kmsKeyId: UNKNOWN }, propertyDependencies: { kmsKeyId: ["k"] } }], expect: "pass" },
    { name: "key shared with a trusted account", resources: [key("k", doc(allow({ AWS: trusted })))], config: trust, expect: "pass" },
    { name: "key policy omitted", resources: [key("k")], expect: "pass" },
    { name: "key policy unknown during preview", resources: [key("k", UNKNOWN)], expect: "defer", paths: ["k.policy"] },
    { name: "key policy resource for a key outside the stack", resources: [{ type: KEY_POLICY, name: "kp", props: { keyId: "mrk-1", policy: doc(allow({ AWS: stranger }, ["kms:CreateGrant"])) } }], config: trust, expect: "report", reported: ["kp"] },
    { name: "grant to an untrusted account", resources: [{ type: GRANT, name: "g", props: { keyId: "mrk-1", granteePrincipal: `arn:aws:iam::${stranger}:role/r`, operations: ["ReEncryptFrom"] } }], config: trust, expect: "report", reported: ["g"] },
    { name: "grant operations unknown during preview", resources: [{ type: GRANT, name: "g", props: { keyId: "mrk-1", granteePrincipal: `arn:aws:iam::${stranger}:role/r`, operations: UNKNOWN } }], expect: "defer", paths: ["g.operations"] },
]);

// aws-native (CloudFormation): `keyPolicy` on keys and replica keys, as an object or JSON.
describeStackRule(rule, [
    { name: "aws-native key open to every account", resources: [{ type: "aws-native:kms:Key", name: "nkey", props: { keyPolicy: { Version: "2012-10-17", Statement: [allow({ AWS: "*" }, "kms:*")] } } }], expect: "report", reported: ["nkey"], paths: ["keyPolicy.Statement[0].Principal"], message: /`keyPolicy` on the aws-native\.kms\.Key/ },
    { name: "aws-native replica key shared with an untrusted account", resources: [{ type: "aws-native:kms:ReplicaKey", name: "replica", props: { primaryKeyArn: "arn", keyPolicy: doc(allow({ AWS: stranger })) } }], config: trust, expect: "report", reported: ["replica"] },
    { name: "aws-native key policy omitted (default policy)", resources: [{ type: "aws-native:kms:Key", name: "nkey", props: { description: "k" } }], expect: "pass" },
    { name: "aws-native key policy unknown during preview", resources: [{ type: "aws-native:kms:Key", name: "nkey", props: { keyPolicy: UNKNOWN } }], expect: "defer", paths: ["nkey.keyPolicy"] },
]);
