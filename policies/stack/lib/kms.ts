// Which KMS keys of the stack are shared beyond the trusted accounts, and which of them encrypt
// the stack's volumes, snapshots, images, databases or backup vaults. Both KMS stack rules read
// this one analysis: the mandatory rule reports the keys that protect data, the advisory rule the
// others, so no key is reported twice.

import type { Finding, StackResource } from "../../../core/rule";
import { asList, asString, dig, isUnknown, prop } from "../../../core/values";
import { allows, grantedActions, principalReach, readPolicyDocument, accountOf } from "../../aws/lib/policy-document";
import { deferredAt, StackGraph, violationAt } from "./graph";

export const K = {
    key: "aws:kms/key:Key",
    keyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    grant: "aws:kms/grant:Grant",
    alias: "aws:kms/alias:Alias",
    nativeKey: "aws-native:kms:Key",
    nativeReplicaKey: "aws-native:kms:ReplicaKey",
    nativeAlias: "aws-native:kms:Alias",
} as const;

/** Key types of both providers (aws-native keys carry their policy in `keyPolicy`). */
const KEYS: readonly string[] = [K.key, K.nativeKey, K.nativeReplicaKey];
const ALIASES: readonly string[] = [K.alias, K.nativeAlias];

/** Key policy actions that let the grantee read data the key encrypts (directly or by delegation). */
export const DECRYPT_ACTIONS = ["kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:CreateGrant"] as const;
/** Grant operations with the same effect. */
const DECRYPT_OPERATIONS = new Set(["decrypt", "reencryptfrom", "reencryptto", "creategrant"]);

/**
 * Data resources of the stack and the property that names their KMS key (top-level, or inside a
 * block or each element of a list; `field` may be a path, e.g. `ebs.kmsKeyId`).
 */
const DATA_KEYS: ReadonlyArray<[type: string, key: string, nested?: "object" | "list", field?: string]> = [
    ["aws:ebs/volume:Volume", "kmsKeyId"],
    ["aws:ebs/snapshotCopy:SnapshotCopy", "kmsKeyId"],
    ["aws:ec2/amiCopy:AmiCopy", "kmsKeyId"],
    ["aws:ec2/instance:Instance", "rootBlockDevice", "object", "kmsKeyId"],
    ["aws:ec2/instance:Instance", "ebsBlockDevices", "list", "kmsKeyId"],
    ["aws:ebs/defaultKmsKey:DefaultKmsKey", "keyArn"],
    ["aws:rds/instance:Instance", "kmsKeyId"],
    ["aws:rds/cluster:Cluster", "kmsKeyId"],
    ["aws:rds/snapshotCopy:SnapshotCopy", "kmsKeyId"],
    ["aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", "kmsKeyId"],
    ["aws:docdb/cluster:Cluster", "kmsKeyId"],
    ["aws:neptune/cluster:Cluster", "kmsKeyArn"],
    ["aws:backup/vault:Vault", "kmsKeyArn"],
    // aws-native (CloudFormation field names)
    ["aws-native:ec2:Volume", "kmsKeyId"],
    ["aws-native:ec2:Instance", "blockDeviceMappings", "list", "ebs.kmsKeyId"],
    ["aws-native:rds:DbInstance", "kmsKeyId"],
    ["aws-native:rds:DbCluster", "kmsKeyId"],
    ["aws-native:neptune:DbCluster", "kmsKeyId"],
    ["aws-native:backup:BackupVault", "encryptionKeyArn"],
];

export const DATA_TYPES = [...new Set(DATA_KEYS.map(([type]) => type))];

/** Every type KmsSharing reads: keys, their policies, grants and aliases, and the data they encrypt. */
export const SHARING_TYPES: readonly string[] = [...Object.values(K), ...DATA_TYPES];

/** One resource that shares a key (a key with its policy, a key policy, a grant) and what it shares. */
export interface KeyShare {
    holder: StackResource;
    /** Keys of the stack the holder governs; "unknown" when its key reference cannot be resolved yet. */
    keys: StackResource[] | "unknown";
    findings: Finding[];
}

const HOLDER_CLASSES: Readonly<Record<string, string>> = {
    [K.key]: "aws.kms.Key", [K.keyPolicy]: "aws.kms.KeyPolicy", [K.grant]: "aws.kms.Grant",
    [K.nativeKey]: "aws-native.kms.Key", [K.nativeReplicaKey]: "aws-native.kms.ReplicaKey",
};

function holderClass(type: string): string {
    return HOLDER_CLASSES[type] ?? "aws.kms.Grant";
}

/** Findings for a key policy document held in `policy` of a key or key policy (`keyPolicy` in aws-native). */
function judgePolicy(holder: StackResource, trustedAccountIds: readonly string[]): Finding[] {
    const key = holder.type.startsWith("aws-native:") ? "keyPolicy" : "policy";
    const raw = prop(holder.props, key);
    if (raw === undefined) return []; // the default key policy trusts only the key's own account
    const cls = holderClass(holder.type);
    const document = readPolicyDocument(raw);
    if (document.kind === "unknown") return [deferredAt(holder, key)];
    if (document.kind === "invalid") {
        return [violationAt(holder, key, "the key policy is not a JSON policy document, so it cannot be checked",
            `write \`${key}\` on the ${cls} as a JSON policy document (for example with JSON.stringify or aws.iam.getPolicyDocument)`)];
    }
    if (isUnknown(document.statements)) return [deferredAt(holder, `${key}.Statement`)];
    const findings: Finding[] = [];
    document.statements.forEach((statement, index) => {
        const path = `${key}.Statement[${index}]`;
        const allowed = allows(statement);
        if (allowed === false) return;
        const actions = isUnknown(allowed) ? allowed : grantedActions(statement, DECRYPT_ACTIONS);
        if (!isUnknown(actions) && actions.length === 0) return;
        const reach = principalReach(statement, trustedAccountIds);
        if (reach === "trusted") return;
        if (isUnknown(reach) || isUnknown(actions)) {
            findings.push(deferredAt(holder, isUnknown(reach) ? `${path}.Principal` : path));
        } else if (reach === "public") {
            findings.push(violationAt(holder, `${path}.Principal`,
                "the key policy lets every AWS account decrypt with this key (principal \"*\" or NotPrincipal without an account or organization condition)",
                `name only trusted accounts as principals of this statement in \`${key}\` on the ${cls}, or add an \`aws:PrincipalOrgID\` or \`kms:CallerAccount\` condition`));
        } else {
            findings.push(violationAt(holder, `${path}.Principal`,
                "the key policy lets an account that is not in trustedAccountIds decrypt with this key",
                `remove the account from this statement in \`${key}\` on the ${cls}, or add it to trustedAccountIds in the policy config (list your own accounts there too)`));
        }
    });
    return findings;
}

/** Findings for a grant: decrypt-capable operations for a principal of an untrusted account. */
function judgeGrant(grant: StackResource, trustedAccountIds: readonly string[]): Finding[] {
    const operations = asList(prop(grant.props, "operations"));
    if (isUnknown(operations)) return [deferredAt(grant, "operations")];
    const decrypts = operations.some((operation) => isUnknown(operation) || (typeof operation === "string" && DECRYPT_OPERATIONS.has(operation.trim().toLowerCase())));
    if (!decrypts) return [];
    const principal = asString(prop(grant.props, "granteePrincipal"));
    if (isUnknown(principal)) return [deferredAt(grant, "granteePrincipal")];
    const account = principal === undefined ? undefined : accountOf(principal);
    if (account === undefined || trustedAccountIds.includes(account)) return [];
    if (operations.some(isUnknown)) return [deferredAt(grant, "operations")];
    return [violationAt(grant, "granteePrincipal", "the grant lets a principal of an account that is not in trustedAccountIds decrypt with this key",
        "grant the key only to principals of accounts listed in trustedAccountIds (list your own accounts there too), or remove the aws.kms.Grant")];
}

/** Every key share of the stack with its findings, and the keys that encrypt the stack's data. */
export class KmsSharing {
    readonly shares: KeyShare[] = [];
    /** Keys some volume, snapshot, image, database or backup vault of the stack is encrypted with. */
    readonly dataKeys = new Set<StackResource>();
    /** True when a data resource names a key that is unknown and cannot be resolved yet. */
    unresolvedDataKey = false;

    constructor(resources: readonly StackResource[], trustedAccountIds: readonly string[]) {
        const graph = new StackGraph(resources, {
            [K.key]: ["keyId"], [K.alias]: ["name"], [K.nativeKey]: ["keyId"], [K.nativeReplicaKey]: ["keyId"], [K.nativeAlias]: ["aliasName"],
        });
        const keysOf = (owner: StackResource, key: string, value: unknown): StackResource[] | "unknown" => {
            const found = graph.resolveIn(owner, key, value, [...KEYS, ...ALIASES]);
            if (isUnknown(found)) return "unknown";
            const keys: StackResource[] = [];
            for (const target of found) {
                if (KEYS.includes(graph.type(target))) {
                    keys.push(target);
                    continue;
                }
                const behind = graph.resolve(target, "targetKeyId", KEYS);
                if (isUnknown(behind)) return "unknown";
                keys.push(...behind);
            }
            return keys;
        };

        for (const [type, key, nested, field] of DATA_KEYS) {
            for (const resource of graph.of(type)) {
                const container = prop(resource.props, key);
                const values = nested === undefined ? [container]
                    : isUnknown(container) ? [container]
                        : nested === "object" ? [dig(container, ...field!.split("."))]
                            : (() => { const list = asList(container); return isUnknown(list) ? [list] : list.map((item) => dig(item, ...field!.split("."))); })();
                for (const value of values) {
                    if (value === undefined) continue;
                    const keys = keysOf(resource, key, value);
                    if (keys === "unknown") this.unresolvedDataKey = true;
                    else keys.forEach((found) => this.dataKeys.add(found));
                }
            }
        }

        for (const key of graph.of(...KEYS)) {
            this.shares.push({ holder: key, keys: [key], findings: judgePolicy(key, trustedAccountIds) });
        }
        for (const policy of graph.of(K.keyPolicy)) {
            this.shares.push({ holder: policy, keys: keysOf(policy, "keyId", prop(policy.props, "keyId")), findings: judgePolicy(policy, trustedAccountIds) });
        }
        for (const grant of graph.of(K.grant)) {
            this.shares.push({ holder: grant, keys: keysOf(grant, "keyId", prop(grant.props, "keyId")), findings: judgeGrant(grant, trustedAccountIds) });
        }
    }

    /** True, false, or "unknown" (the share's key, or some data resource's key, is not resolved yet). */
    protectsData(share: KeyShare): boolean | "unknown" {
        if (share.keys !== "unknown" && share.keys.some((key) => this.dataKeys.has(key))) return true;
        return share.keys === "unknown" || this.unresolvedDataKey ? "unknown" : false;
    }
}
