import { globMatches, isGlob } from "../../core/glob";
import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asList, asNumber, asString, enumIn, isUnknown, prop } from "../../core/values";
import { eachVolumeAttachment, INSTANCES, N, NATIVE_IDS, providerKey, T, VOLUMES } from "./lib/aws";
import { deferredAt, listOf, present, refKey, StackGraph, tagPairs, tagsOf, violationAt } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/aws-backup/latest/devguide/assigning-resources.html";

type Kind = "VOLUME" | "INSTANCE";

/** Tag selectors, indexed by provider group and `key=value`, with what each selects. */
class Selectors {
    /** `group|key=value` → resource kinds a DLM policy or backup selection picks by that tag. */
    readonly tags = new Map<string, Set<Kind | "ANY">>();
    /** Groups with a DLM default policy per kind. */
    readonly defaults = new Set<string>();
    /** Exact ARNs (any group) and URNs a selection's `resources` depend on. */
    readonly arns = new Set<string>();
    readonly urns = new Set<string>();
    /** Wildcard `resources` patterns, each with the conditions that must also hold. */
    readonly patterns: Array<{ group: string; pattern: string; conditions: Condition[] }> = [];
    /** Groups where a selector could not be read during preview (uncovered resources defer). */
    readonly unreadable = new Set<string>();
    /** Groups with any tag selector (an unknown tag map only matters there). */
    readonly tagGroups = new Set<string>();

    addTag(group: string, key: string, value: string, kind: Kind | "ANY") {
        this.tagGroups.add(group);
        const id = `${group}|${key}=${value}`;
        const kinds = this.tags.get(id) ?? new Set();
        kinds.add(kind);
        this.tags.set(id, kinds);
    }
}

interface Condition {
    tag: string;
    value: string;
    test: "equals" | "like" | "notEquals" | "notLike";
}

/** AWS Backup `resources` and `stringLikes` wildcards, without case (as this rule always read them). */
function wildcardMatches(pattern: string, text: string): boolean {
    return globMatches(pattern, text, { ignoreCase: true });
}

function readDlm(policy: StackResource, selectors: Selectors) {
    const group = providerKey(policy);
    if (enumIn(prop(policy.props, "state"), "DISABLED") === true) return;
    const defaultPolicy = asString(prop(policy.props, "defaultPolicy"));
    if (isUnknown(defaultPolicy)) {
        selectors.unreadable.add(group);
        return;
    }
    if (typeof defaultPolicy === "string" && defaultPolicy.trim() !== "") { // outputs carry "" for custom policies
        selectors.defaults.add(`${group}|${defaultPolicy.toUpperCase()}`);
        return;
    }
    const details = prop(policy.props, "policyDetails");
    const policyType = prop(details, "policyType");
    if (enumIn(policyType, "EVENT_BASED_POLICY") === true) return;
    const types = asList(prop(details, "resourceTypes"));
    const targetTags = prop(details, "targetTags");
    if (isUnknown(details) || isUnknown(policyType) || isUnknown(types) || isUnknown(targetTags)) {
        selectors.unreadable.add(group);
        return;
    }
    const kinds = types.map((type) => asString(type)).filter((type): type is string => typeof type === "string")
        .map((type) => type.toUpperCase()).filter((type): type is Kind => type === "VOLUME" || type === "INSTANCE");
    // A map in @pulumi/aws, `{ key, value }` entries in aws-native.
    const pairs = tagPairs(targetTags);
    if (isUnknown(pairs)) {
        selectors.unreadable.add(group);
        return;
    }
    for (const [key, value] of pairs) {
        if (isUnknown(value)) {
            selectors.unreadable.add(group);
        } else if (typeof value === "string") {
            kinds.forEach((kind) => selectors.addTag(group, key, value, kind));
        }
    }
}

function readConditions(selection: StackResource): Condition[] | "unknown" {
    const conditions = listOf(selection.props, "conditions");
    if (isUnknown(conditions)) return "unknown";
    const found: Condition[] = [];
    const tests = [["stringEquals", "equals"], ["stringLikes", "like"], ["stringNotEquals", "notEquals"], ["stringNotLikes", "notLike"]] as const;
    for (const condition of conditions) {
        for (const [key, test] of tests) {
            const entries = listOf(condition, key);
            if (isUnknown(entries)) return "unknown";
            for (const entry of entries) {
                const tagKey = asString(prop(entry, "key"));
                const value = asString(prop(entry, "value"));
                if (isUnknown(tagKey) || isUnknown(value)) return "unknown";
                if (typeof tagKey === "string" && typeof value === "string" && /^aws:ResourceTag\//i.test(tagKey)) {
                    found.push({ tag: tagKey.replace(/^aws:ResourceTag\//i, ""), value, test });
                }
            }
        }
    }
    return found;
}

function readSelection(selection: StackResource, selectors: Selectors) {
    const group = providerKey(selection);
    for (const dependency of selection.propertyDependencies?.resources ?? []) {
        selectors.urns.add(dependency.urn);
    }
    const conditions = readConditions(selection);
    const resources = listOf(selection.props, "resources");
    const tags = listOf(selection.props, "selectionTags");
    if (conditions === "unknown" || isUnknown(resources) || isUnknown(tags)) {
        selectors.unreadable.add(group);
    }
    if (!isUnknown(resources)) {
        for (const entry of resources) {
            const arn = asString(entry);
            if (isUnknown(arn)) {
                // Resolved through propertyDependencies above; without one it could select anything.
                if ((selection.propertyDependencies?.resources ?? []).length === 0) selectors.unreadable.add(group);
                continue;
            }
            if (typeof arn !== "string") continue;
            if (isGlob(arn)) {
                selectors.patterns.push({ group, pattern: arn, conditions: conditions === "unknown" ? [] : conditions });
            } else {
                selectors.arns.add(refKey(arn));
            }
        }
    }
    if (!isUnknown(tags)) {
        for (const entry of tags) {
            const key = asString(prop(entry, "key"));
            const value = asString(prop(entry, "value"));
            if (isUnknown(key) || isUnknown(value)) {
                selectors.unreadable.add(group);
            } else if (typeof key === "string" && typeof value === "string") {
                selectors.addTag(group, key, value, "ANY");
            }
        }
    }
}

/**
 * aws-native (CloudFormation) selection: `backupSelection.resources`, `listOfTags` entries
 * (`conditionKey`/`conditionValue`, STRINGEQUALS) and `conditions.stringEquals`/`stringLike`/
 * `stringNotEquals`/`stringNotLike` with `aws:ResourceTag/` keys. References resolve through the
 * `backupSelection` property's dependencies.
 */
function readNativeSelection(selection: StackResource, selectors: Selectors) {
    const group = providerKey(selection);
    const dependencies = selection.propertyDependencies?.backupSelection ?? [];
    for (const dependency of dependencies) selectors.urns.add(dependency.urn);
    const body = prop(selection.props, "backupSelection");
    if (isUnknown(body)) {
        selectors.unreadable.add(group);
        return;
    }
    const conditions: Condition[] = [];
    let unknownConditions = false;
    const block = prop(body, "conditions");
    if (isUnknown(block)) unknownConditions = true;
    const tests = [["stringEquals", "equals"], ["stringLike", "like"], ["stringNotEquals", "notEquals"], ["stringNotLike", "notLike"]] as const;
    for (const [key, test] of tests) {
        const entries = listOf(block, key);
        if (isUnknown(entries)) {
            unknownConditions = true;
            continue;
        }
        for (const entry of entries) {
            const tagKey = asString(prop(entry, "conditionKey"));
            const value = asString(prop(entry, "conditionValue"));
            if (isUnknown(tagKey) || isUnknown(value)) unknownConditions = true;
            else if (typeof tagKey === "string" && typeof value === "string" && /^aws:ResourceTag\//i.test(tagKey)) {
                conditions.push({ tag: tagKey.replace(/^aws:ResourceTag\//i, ""), value, test });
            }
        }
    }
    if (unknownConditions) selectors.unreadable.add(group);
    const resources = listOf(body, "resources");
    if (isUnknown(resources)) {
        selectors.unreadable.add(group);
    } else {
        for (const entry of resources) {
            const arn = asString(entry);
            if (isUnknown(arn)) {
                if (dependencies.length === 0) selectors.unreadable.add(group);
                continue;
            }
            if (typeof arn !== "string") continue;
            if (isGlob(arn)) selectors.patterns.push({ group, pattern: arn, conditions: unknownConditions ? [] : conditions });
            else selectors.arns.add(refKey(arn));
        }
    }
    const tags = listOf(body, "listOfTags");
    if (isUnknown(tags)) {
        selectors.unreadable.add(group);
        return;
    }
    for (const entry of tags) {
        const key = asString(prop(entry, "conditionKey"));
        const value = asString(prop(entry, "conditionValue"));
        if (isUnknown(key) || isUnknown(value)) selectors.unreadable.add(group);
        else if (typeof key === "string" && typeof value === "string") selectors.addTag(group, key, value, "ANY");
    }
}

function conditionsHold(conditions: readonly Condition[], tags: Map<string, unknown>): boolean {
    return conditions.every((condition) => {
        const value = tags.get(condition.tag);
        const text = typeof value === "string" ? value : undefined;
        switch (condition.test) {
            case "equals": return text === condition.value;
            case "like": return text !== undefined && wildcardMatches(condition.value, text);
            case "notEquals": return text !== condition.value;
            case "notLike": return text === undefined || !wildcardMatches(condition.value, text);
        }
    });
}

type Coverage = "covered" | "uncovered" | "unknown";

/** Whether a DLM policy or backup selection in the stack picks the resource. */
function coverage(resource: StackResource, kind: Kind | undefined, selectors: Selectors): Coverage {
    const group = providerKey(resource);
    if (selectors.urns.has(resource.urn)) return "covered";
    if (kind && selectors.defaults.has(`${group}|${kind}`)) return "covered";
    const arn = asString(prop(resource.props, "arn"));
    if (typeof arn === "string" && selectors.arns.has(refKey(arn))) return "covered";
    const tagged = selectors.tagGroups.has(group);
    const read = tagsOf(resource);
    const tags = isUnknown(read) ? read : read.tags;
    // Only `tags` known (preview): a provider default tag could still match.
    let unknown = (isUnknown(read) || read.partial) && tagged;
    if (!isUnknown(tags)) {
        for (const [key, value] of tags) {
            if (isUnknown(value)) {
                unknown ||= tagged;
                continue;
            }
            const kinds = typeof value === "string" ? selectors.tags.get(`${group}|${key}=${value}`) : undefined;
            if (kinds && (kinds.has("ANY") || (kind !== undefined && kinds.has(kind)))) return "covered";
        }
    }
    for (const { group: patternGroup, pattern, conditions } of selectors.patterns) {
        if (patternGroup !== group) continue;
        // An ARN not known before deploy still matches a pattern that matches every ARN ("*").
        const matches = /^\*+$/.test(pattern) ? true : typeof arn === "string" ? wildcardMatches(pattern, arn) : isUnknown(arn) ? undefined : false;
        if (matches === undefined) {
            unknown = true;
            continue;
        }
        if (!matches) continue;
        if (isUnknown(tags)) {
            unknown ||= conditions.length > 0;
            if (conditions.length === 0) return "covered";
            continue;
        }
        if (conditionsHold(conditions, tags)) return "covered";
    }
    return unknown || selectors.unreadable.has(group) ? "unknown" : "uncovered";
}

export const awsStorageBackedUp = defineStackRule({
    id: "aws-storage-backed-up",
    cloud: "aws",
    title: "Every EBS volume, EC2 instance and RDS database in the stack is covered by a DLM policy or AWS Backup",
    category: "lifecycle",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "A volume or database that no lifecycle policy selects has no recent snapshot to restore from, and nothing " +
        "expires the manual copies people take instead. Coverage is only visible across resources: a DLM lifecycle " +
        "policy selects volumes and instances by `targetTags` and `resourceTypes` (or as a default policy), an AWS Backup " +
        "selection by `resources` ARNs, `selectionTags` and `conditions`. The rule indexes those selectors once and looks " +
        "every volume, instance and database up by tag, ARN and reference; a volume attached to a covered instance is " +
        "covered, and an RDS database with automated backups of at least `minRetentionDays` is covered. Advisory by " +
        "default: many organisations run backup policies outside the stack (AWS Organizations backup policies); a " +
        "platform team whose stacks own their backup policies raises it to mandatory.",
    remediation:
        "Tag the resource with a `targetTags` entry of an `aws.dlm.LifecyclePolicy` whose `resourceTypes` includes it, " +
        "add it to an `aws.backup.Selection` (`resources` with its ARN, or `selectionTags`), or for RDS set " +
        "`backupRetentionPeriod` to at least `minRetentionDays`. Exempt resources whose backups are managed elsewhere. " +
        "aws-native volumes, instances and RDS databases are selected the same way by `aws-native.dlm.LifecyclePolicy` " +
        "(`targetTags` entries) and `aws-native.backup.BackupSelection` (`backupSelection.resources`, `listOfTags`, " +
        "`conditions`); tag selectors match resources of the same provider only.",
    docsUrl,
    controls: {
        checkov: ["CKV2_AWS_9", "CKV2_AWS_8"],
        "aws-config": ["ebs-resources-protected-by-backup-plan", "ec2-resources-protected-by-backup-plan", "rds-resources-protected-by-backup-plan"],
        prowler: ["ec2_ebs_volume_protected_by_backup_plan", "rds_instance_protected_by_backup_plan", "rds_cluster_protected_by_backup_plan"],
    },
    config: ["minRetentionDays"],
    stackTypes: [T.volume, T.instance, T.rdsInstance, T.rdsCluster, N.volume, N.instance, N.dbInstance, N.dbCluster],
    // what covers them
    alsoReads: [
        T.volumeAttachment, N.volumeAttachment, T.dlmPolicy, N.dlmPolicy, T.backupSelection, N.backupSelection,
    ],
    checkStack: (resources, { config }) => {
        const graph = new StackGraph(resources, { [T.volume]: [], [T.instance]: [], ...NATIVE_IDS });
        const selectors = new Selectors();
        graph.of(T.dlmPolicy, N.dlmPolicy).forEach((policy) => readDlm(policy, selectors));
        graph.of(T.backupSelection).forEach((selection) => readSelection(selection, selectors));
        graph.of(N.backupSelection).forEach((selection) => readNativeSelection(selection, selectors));
        const findings: Finding[] = [];
        const native = (resource: StackResource) => graph.type(resource).startsWith("aws-native:");

        const instanceCoverage = new Map<StackResource, Coverage>();
        for (const instance of graph.of(...INSTANCES)) {
            instanceCoverage.set(instance, coverage(instance, "INSTANCE", selectors));
        }
        // Volumes attached to an instance are backed up with it (DLM multi-volume snapshots, AWS Backup of EC2):
        // through a volume attachment, or an aws-native instance's own `volumes`.
        const attachedTo = new Map<StackResource, StackResource[]>();
        const attach = (instances: readonly StackResource[], volumes: readonly StackResource[]) => {
            for (const volume of volumes) attachedTo.set(volume, [...(attachedTo.get(volume) ?? []), ...instances]);
        };
        eachVolumeAttachment(graph, attach, true);
        const fix = "select it with an aws.dlm.LifecyclePolicy (`policyDetails.targetTags` and `resourceTypes`) or an aws.backup.Selection (`resources` or `selectionTags`), or exempt it when backups are managed outside this stack";
        const nativeFix = "select it with an aws-native.dlm.LifecyclePolicy (`policyDetails.targetTags` and `resourceTypes`) or an aws-native.backup.BackupSelection (`backupSelection.resources` or `listOfTags`), or exempt it when backups are managed outside this stack";

        for (const volume of graph.of(...VOLUMES)) {
            let state = coverage(volume, "VOLUME", selectors);
            for (const instance of attachedTo.get(volume) ?? []) {
                const viaInstance = instanceCoverage.get(instance);
                if (viaInstance === "covered") state = "covered";
                else if (viaInstance === "unknown" && state === "uncovered") state = "unknown";
            }
            if (state === "unknown") findings.push(deferredAt(volume, "tags"));
            if (state === "uncovered") {
                findings.push(violationAt(volume, "tags", "no DLM lifecycle policy or AWS Backup selection in this stack selects this EBS volume, so nothing snapshots it", native(volume) ? nativeFix : fix));
            }
        }
        for (const [instance, state] of instanceCoverage) {
            if (state === "unknown") findings.push(deferredAt(instance, "tags"));
            if (state === "uncovered") {
                findings.push(violationAt(instance, "tags", "no DLM lifecycle policy or AWS Backup selection in this stack selects this EC2 instance, so nothing backs up its volumes", native(instance) ? nativeFix : fix));
            }
        }
        const databases = [
            [T.rdsInstance, "aws.rds.Instance", 0, "aws.backup.Selection (`resources` or `selectionTags`)"],
            [T.rdsCluster, "aws.rds.Cluster", 1, "aws.backup.Selection (`resources` or `selectionTags`)"],
            // CloudFormation keeps one day of automated backups when backupRetentionPeriod is omitted.
            [N.dbInstance, "aws-native.rds.DbInstance", 1, "aws-native.backup.BackupSelection (`backupSelection.resources` or `listOfTags`)"],
            [N.dbCluster, "aws-native.rds.DbCluster", 1, "aws-native.backup.BackupSelection (`backupSelection.resources` or `listOfTags`)"],
        ] as const;
        for (const [type, cls, omitted, selection] of databases) {
            for (const database of graph.of(type)) {
                if (type === T.rdsInstance && present(database.props, "replicateSourceDb")) continue; // covered by its source
                // A read replica is covered by its source, an Aurora instance by its cluster.
                if (type === N.dbInstance && (present(database.props, "sourceDbInstanceIdentifier") || present(database.props, "dbClusterIdentifier"))) continue;
                const state = coverage(database, undefined, selectors);
                if (state === "covered") continue;
                const retention = asNumber(prop(database.props, "backupRetentionPeriod"));
                if (isUnknown(retention)) {
                    findings.push(deferredAt(database, "backupRetentionPeriod"));
                    continue;
                }
                if ((retention ?? omitted) >= Math.max(config.minRetentionDays, 1)) continue;
                if (state === "unknown") {
                    findings.push(deferredAt(database, "tags"));
                    continue;
                }
                findings.push(violationAt(database, "backupRetentionPeriod",
                    `no AWS Backup selection in this stack selects this database and its automated backups are kept for fewer than ${config.minRetentionDays} days (minRetentionDays)`,
                    `add the ${cls} to an ${selection} or set \`backupRetentionPeriod\` to at least ${Math.max(config.minRetentionDays, 1)} days`));
            }
        }
        return findings;
    },
});
