import { awsStorageBackedUp as rule } from "../../policies/stack/aws-storage-backed-up";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const VOLUME = "aws:ebs/volume:Volume";
const INSTANCE = "aws:ec2/instance:Instance";
const DLM = "aws:dlm/lifecyclePolicy:LifecyclePolicy";
const SELECTION = "aws:backup/selection:Selection";
const RDS = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";

const volume = (name: string, props: Record<string, unknown> = {}): StackFixture => ({ type: VOLUME, name, props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true, ...props } });
const dlm = (details: Record<string, unknown>, extra: Record<string, unknown> = {}): StackFixture => ({
    type: DLM, name: "daily", props: { description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm", policyDetails: details, ...extra },
});
const selection = (props: Record<string, unknown>, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: SELECTION, name: "sel", props: { iamRoleArn: "arn:aws:iam::111122223333:role/backup", planId: "plan-1", name: "sel", ...props }, ...extra,
});

describeStackRule(rule, [
    { name: "volume tagged for a DLM volume policy", resources: [volume("v", { tags: { backup: "daily" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "pass" },
    { name: "volume without any lifecycle policy", resources: [volume("v")], expect: "report", reported: ["v"], paths: ["tags"], message: /no DLM lifecycle policy or AWS Backup selection/ },
    { name: "volume tags omitted with a tag-based DLM policy", resources: [volume("v"), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "report", reported: ["v"] },
    { name: "tag value differs from the DLM target", resources: [volume("v", { tags: { backup: "weekly" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "report", reported: ["v"] },
    { name: "DLM policy for instances does not select a loose volume", resources: [volume("v", { tags: { backup: "daily" } }), dlm({ resourceTypes: ["INSTANCE"], targetTags: { backup: "daily" } })], expect: "report", reported: ["v"] },
    { name: "disabled DLM policy (enum case) covers nothing", resources: [volume("v", { tags: { backup: "daily" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }, { state: "disabled" })], expect: "report", reported: ["v"] },
    { name: "deployed outputs: an empty defaultPolicy is a custom policy", resources: [volume("v", { tags: { backup: "daily" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }, { defaultPolicy: "" })], expect: "pass" },
    { name: "DLM default volume policy covers every volume of its provider", resources: [volume("v"), dlm({}, { defaultPolicy: "VOLUME" })], expect: "pass" },
    { name: "tagsAll from provider default tags counts", resources: [volume("v", { tags: {}, tagsAll: { backup: "daily" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "pass" },
    { name: "tagsAll unknown during preview: own tags match", resources: [volume("v", { tags: { backup: "daily" }, tagsAll: UNKNOWN }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "pass" },
    { name: "tagsAll unknown during preview: the provider's default tags match (JSON-encoded config)", resources: [
        { ...volume("v", { tags: { Name: "v" }, tagsAll: UNKNOWN }), provider: "eu", providerProps: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { backup: "daily" } }) } },
        { ...dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }), provider: "eu" },
    ], expect: "pass" },
    { name: "tagsAll unknown during preview: no default tags, own tags do not match", resources: [
        { ...volume("v", { tags: { Name: "v" }, tagsAll: UNKNOWN }), provider: "eu", providerProps: { region: "eu-west-1" } },
        { ...dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }), provider: "eu" },
    ], expect: "report", reported: ["v"] },
    { name: "tagsAll and the provider's default tags unknown during preview", resources: [
        { ...volume("v", { tags: { Name: "v" }, tagsAll: UNKNOWN }), provider: "eu", providerProps: { defaultTags: UNKNOWN } },
        { ...dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }), provider: "eu" },
    ], expect: "defer", paths: ["v.tags"] },
    { name: "volume tags unknown during preview with a tag-based policy", resources: [volume("v", { tags: UNKNOWN }), dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } })], expect: "defer", paths: ["v.tags"] },
    { name: "DLM target tags unknown during preview", resources: [volume("v", { tags: { backup: "daily" } }), dlm({ resourceTypes: ["VOLUME"], targetTags: UNKNOWN })], expect: "defer" },
    { name: "backup selection by exact ARN (after deploy)", resources: [volume("v", { arn: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1" }), selection({ resources: ["arn:aws:ec2:eu-west-1:111122223333:volume/vol-1"] })], expect: "pass" },
    { name: "backup selection by reference during preview", resources: [volume("v", { arn: UNKNOWN }), selection({ resources: [UNKNOWN] }, { propertyDependencies: { resources: ["v"] } })], expect: "pass" },
    { name: "backup selection entry unknown during preview without a dependency", resources: [volume("v", { arn: UNKNOWN }), selection({ resources: [UNKNOWN] })], expect: "defer" },
    { name: "backup selection by ARN wildcard", resources: [volume("v", { arn: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1" }), selection({ resources: ["arn:aws:ec2:*:*:volume/*"] })], expect: "pass" },
    { name: "adversarial ARN wildcard against a long ARN is answered (no backtracking)", resources: [volume("v", { arn: `arn:aws:ec2:eu-west-1:111122223333:volume/${"a".repeat(5000)}` }), selection({ resources: ["*a".repeat(40) + "!"] })], expect: "report", reported: ["v"] },
    { name: "adversarial stringLikes condition against a long tag is answered (no backtracking)", resources: [volume("v", { tags: { tier: "a".repeat(5000) } }), selection({ resources: ["*"], conditions: [{ stringLikes: [{ key: "aws:ResourceTag/tier", value: "*a".repeat(40) + "!" }] }] })], expect: "report", reported: ["v"] },
    { name: "backup selection wildcard for another resource type", resources: [volume("v", { arn: "arn:aws:ec2:eu-west-1:111122223333:volume/vol-1" }), selection({ resources: ["arn:aws:rds:*:*:db:*"] })], expect: "report", reported: ["v"] },
    { name: "ARN unknown during preview against a typed wildcard", resources: [volume("v", { arn: UNKNOWN }), selection({ resources: ["arn:aws:ec2:*:*:volume/*"] })], expect: "defer" },
    { name: "ARN unknown during preview against \"*\"", resources: [volume("v", { arn: UNKNOWN }), selection({ resources: ["*"] })], expect: "pass" },
    { name: "\"*\" with a tag condition that holds", resources: [volume("v", { tags: { tier: "prod" } }), selection({ resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/tier", value: "prod" }] }] })], expect: "pass" },
    { name: "\"*\" with a tag condition that fails", resources: [volume("v", { arn: "arn:aws:ec2:eu-west-1:1:volume/vol-1", tags: { tier: "dev" } }), selection({ resources: ["*"], conditions: [{ stringEquals: [{ key: "aws:ResourceTag/tier", value: "prod" }] }] })], expect: "report", reported: ["v"] },
    { name: "backup selection by selection tag", resources: [volume("v", { tags: { backup: "yes" } }), selection({ selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "yes" }] })], expect: "pass" },
    { name: "policies of another provider do not cover", resources: [{ ...volume("v", { tags: { backup: "daily" } }), provider: "us" }, { ...dlm({ resourceTypes: ["VOLUME"], targetTags: { backup: "daily" } }), provider: "eu" }], expect: "report", reported: ["v"] },
    { name: "instance covered by a DLM instance policy covers its attached volume", resources: [
        { type: INSTANCE, name: "web", props: { id: "i-1", tags: { backup: "daily" } } }, volume("v", { id: "vol-1" }),
        { type: "aws:ec2/volumeAttachment:VolumeAttachment", name: "att", props: { deviceName: "/dev/sdh", instanceId: "i-1", volumeId: "vol-1" } },
        dlm({ resourceTypes: ["INSTANCE"], targetTags: { backup: "daily" } }),
    ], expect: "pass" },
    { name: "uncovered instance and volume are both reported", resources: [{ type: INSTANCE, name: "web", props: { ami: "ami-1" } }, volume("v")], expect: "report", reported: ["v", "web"] },
    { name: "RDS instance with enough automated backups", resources: [{ type: RDS, name: "db", props: { backupRetentionPeriod: 7 } }], expect: "pass" },
    { name: "RDS instance with backup retention omitted and no selection", resources: [{ type: RDS, name: "db", props: { engine: "postgres" } }], expect: "report", reported: ["db"], paths: ["backupRetentionPeriod"] },
    { name: "RDS cluster retention omitted (1 day) below the minimum", resources: [{ type: CLUSTER, name: "aurora", props: { engine: "aurora-postgresql" } }], expect: "report", reported: ["aurora"] },
    { name: "RDS cluster with 1 day when minRetentionDays is 1", resources: [{ type: CLUSTER, name: "aurora", props: {} }], config: { minRetentionDays: 1 }, expect: "pass" },
    { name: "RDS instance selected by AWS Backup", resources: [{ type: RDS, name: "db", props: { arn: "arn:aws:rds:eu-west-1:1:db:orders" } }, selection({ resources: ["arn:aws:rds:eu-west-1:1:db:orders"] })], expect: "pass" },
    { name: "RDS retention unknown during preview", resources: [{ type: RDS, name: "db", props: { backupRetentionPeriod: UNKNOWN } }], expect: "defer", paths: ["db.backupRetentionPeriod"] },
    { name: "read replica is covered by its source", resources: [{ type: RDS, name: "replica", props: { replicateSourceDb: "orders" } }], expect: "pass" },
    { name: "exempted volume", resources: [volume("v")], config: { exemptions: [{ resource: "v", reason: "backed up by the organisation backup policy" }] }, expect: "exempt" },
    { name: "invalid config", resources: [volume("v")], config: { minRetentionDays: -1 }, expect: "report", message: /invalid policy config.*minRetentionDays/ },
]);

// ---- aws-native (CloudFormation shapes: tags as { key, value } entries, selections under backupSelection) ----

const NVOLUME = "aws-native:ec2:Volume";
const NINSTANCE = "aws-native:ec2:Instance";
const nvolume = (name: string, props: Record<string, unknown> = {}): StackFixture => ({ type: NVOLUME, name, props: { availabilityZone: "eu-west-1a", size: 8, encrypted: true, ...props } });
const ndlm = (details: Record<string, unknown>, extra: Record<string, unknown> = {}): StackFixture => ({
    type: "aws-native:dlm:LifecyclePolicy", name: "daily", props: { description: "daily", executionRoleArn: "arn:aws:iam::111122223333:role/dlm", policyDetails: details, ...extra },
});
const nselection = (body: Record<string, unknown>, extra: Partial<StackFixture> = {}): StackFixture => ({
    type: "aws-native:backup:BackupSelection", name: "sel", props: { backupPlanId: "plan-1", backupSelection: { iamRoleArn: "arn:aws:iam::111122223333:role/backup", selectionName: "sel", ...body } }, ...extra,
});
const tagged = [{ key: "backup", value: "daily" }];

describeStackRule(rule, [
    { name: "aws-native volume tagged for an aws-native DLM volume policy", resources: [nvolume("v", { tags: tagged }), ndlm({ resourceTypes: ["VOLUME"], targetTags: tagged })], expect: "pass" },
    { name: "aws-native volume without any lifecycle policy", resources: [nvolume("v")], expect: "report", reported: ["v"], paths: ["tags"], message: /aws-native\.dlm\.LifecyclePolicy .* aws-native\.backup\.BackupSelection/ },
    { name: "aws-native tag value differs from the DLM target", resources: [nvolume("v", { tags: [{ key: "backup", value: "weekly" }] }), ndlm({ resourceTypes: ["VOLUME"], targetTags: tagged })], expect: "report", reported: ["v"] },
    { name: "aws-native DLM default policy for volumes", resources: [nvolume("v"), ndlm({}, { defaultPolicy: "VOLUME" })], expect: "pass" },
    { name: "aws-native provider default tags count", resources: [
        { ...nvolume("v", { tags: [{ key: "Name", value: "v" }] }), provider: "pulumi:providers:aws-native::eu", providerProps: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: { backup: "daily" } }) } },
        { ...ndlm({ resourceTypes: ["VOLUME"], targetTags: tagged }), provider: "pulumi:providers:aws-native::eu" },
    ], expect: "pass" },
    { name: "aws-native selection by reference during preview", resources: [nvolume("v"), nselection({ resources: [UNKNOWN] }, { propertyDependencies: { backupSelection: ["v"] } })], expect: "pass" },
    { name: "aws-native selection by tag (listOfTags)", resources: [nvolume("v", { tags: [{ key: "backup", value: "yes" }] }), nselection({ listOfTags: [{ conditionType: "STRINGEQUALS", conditionKey: "backup", conditionValue: "yes" }] })], expect: "pass" },
    { name: "aws-native selection \"*\" with a tag condition that fails", resources: [nvolume("v", { tags: [{ key: "tier", value: "dev" }] }), nselection({ resources: ["*"], conditions: { stringEquals: [{ conditionKey: "aws:ResourceTag/tier", conditionValue: "prod" }] } })], expect: "report", reported: ["v"] },
    { name: "aws-native selection \"*\" with a tag condition that holds", resources: [nvolume("v", { tags: [{ key: "tier", value: "prod" }] }), nselection({ resources: ["*"], conditions: { stringEquals: [{ conditionKey: "aws:ResourceTag/tier", conditionValue: "prod" }] } })], expect: "pass" },
    { name: "aws-native selection body unknown during preview", resources: [nvolume("v"), nselection({}, {}), { ...nselection({}), name: "sel2", props: { backupPlanId: "p", backupSelection: UNKNOWN } }], expect: "defer", paths: ["v.tags"] },
    { name: "aws-native volume tags unknown during preview with a tag-based policy", resources: [nvolume("v", { tags: UNKNOWN }), ndlm({ resourceTypes: ["VOLUME"], targetTags: tagged })], expect: "defer" },
    { name: "aws-native DLM target tag entries unknown during preview", resources: [nvolume("v", { tags: tagged }), ndlm({ resourceTypes: ["VOLUME"], targetTags: [UNKNOWN] })], expect: "defer" },
    { name: "aws-native instance covered by an instance policy covers the volume in its `volumes`", resources: [
        { type: NINSTANCE, name: "web", props: { imageId: "ami-1", tags: tagged, volumes: [{ device: "/dev/sdh", volumeId: UNKNOWN }] }, propertyDependencies: { volumes: ["v"] } }, nvolume("v"),
        ndlm({ resourceTypes: ["INSTANCE"], targetTags: tagged }),
    ], expect: "pass" },
    { name: "aws-native volume attachment to a covered instance", resources: [
        { type: NINSTANCE, name: "web", props: { instanceId: "i-1", tags: tagged } }, nvolume("v", { volumeId: "vol-1" }),
        { type: "aws-native:ec2:VolumeAttachment", name: "att", props: { instanceId: "i-1", volumeId: "vol-1" } },
        ndlm({ resourceTypes: ["INSTANCE"], targetTags: tagged }),
    ], expect: "pass" },
    { name: "uncovered aws-native instance", resources: [{ type: NINSTANCE, name: "web", props: { imageId: "ami-1" } }], expect: "report", reported: ["web"] },
    { name: "aws-native RDS instance: retention omitted (CloudFormation: 1 day)", resources: [{ type: "aws-native:rds:DbInstance", name: "db", props: { engine: "postgres" } }], expect: "report", reported: ["db"], paths: ["backupRetentionPeriod"], message: /aws-native\.rds\.DbInstance to an aws-native\.backup\.BackupSelection/ },
    { name: "aws-native RDS instance with a week of automated backups", resources: [{ type: "aws-native:rds:DbInstance", name: "db", props: { engine: "postgres", backupRetentionPeriod: 7 } }], expect: "pass" },
    { name: "aws-native Aurora instance and read replica are covered through their cluster and source", resources: [
        { type: "aws-native:rds:DbInstance", name: "member", props: { engine: "aurora-postgresql", dbClusterIdentifier: "ledger" } },
        { type: "aws-native:rds:DbInstance", name: "replica", props: { sourceDbInstanceIdentifier: "orders" } },
    ], expect: "pass" },
    { name: "aws-native cluster selected by reference", resources: [{ type: "aws-native:rds:DbCluster", name: "ledger", props: { engine: "aurora-postgresql" } }, nselection({ resources: [UNKNOWN] }, { propertyDependencies: { backupSelection: ["ledger"] } })], expect: "pass" },
    { name: "aws-native cluster retention unknown during preview", resources: [{ type: "aws-native:rds:DbCluster", name: "ledger", props: { backupRetentionPeriod: UNKNOWN } }], expect: "defer" },
]);
