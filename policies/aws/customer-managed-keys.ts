import type { LogicallyAirGappedVaultArgs, VaultArgs } from "@pulumi/aws/backup";
import type { BackupVaultArgs, LogicallyAirGappedBackupVaultArgs } from "@pulumi/aws-native/backup";
import type { LifecyclePolicyArgs } from "@pulumi/aws/dlm";
import type { LifecyclePolicyArgs as NativeLifecyclePolicyArgs } from "@pulumi/aws-native/dlm";
import type { ClusterArgs as NativeElasticClusterArgs } from "@pulumi/aws-native/docdbelastic";
import type { DbClusterArgs as NativeNeptuneClusterArgs } from "@pulumi/aws-native/neptune";
import type { DbClusterArgs as NativeDbClusterArgs, DbInstanceArgs as NativeDbInstanceArgs } from "@pulumi/aws-native/rds";
import type { ClusterArgs as NativeRedshiftClusterArgs } from "@pulumi/aws-native/redshift";
import type { NamespaceArgs as NativeNamespaceArgs } from "@pulumi/aws-native/redshiftserverless";
import type { InstanceArgs as NativeInstanceArgs, LaunchTemplateArgs as NativeLaunchTemplateArgs, VolumeArgs as NativeVolumeArgs } from "@pulumi/aws-native/ec2";
import type {
    ContainerRecipeArgs as NativeContainerRecipeArgs, DistributionConfigurationArgs as NativeDistributionConfigurationArgs,
    ImageRecipeArgs as NativeImageRecipeArgs,
} from "@pulumi/aws-native/imagebuilder";
import type { WorkspaceArgs as NativeWorkspaceArgs } from "@pulumi/aws-native/workspaces";
import type { ClusterArgs as DocdbClusterArgs, ElasticClusterArgs } from "@pulumi/aws/docdb";
import type { DefaultKmsKeyArgs, SnapshotCopyArgs as EbsSnapshotCopyArgs, SnapshotImportArgs, VolumeArgs } from "@pulumi/aws/ebs";
import type { AmiCopyArgs, InstanceArgs, LaunchTemplateArgs, SpotFleetRequestArgs, SpotInstanceRequestArgs } from "@pulumi/aws/ec2";
import type { ContainerRecipeArgs, DistributionConfigurationArgs, ImageRecipeArgs } from "@pulumi/aws/imagebuilder";
import type { SnapshotArgs as MemorydbSnapshotArgs } from "@pulumi/aws/memorydb";
import type { ClusterArgs as NeptuneClusterArgs } from "@pulumi/aws/neptune";
import type {
    ClusterArgs as RdsClusterArgs, ClusterSnapshotCopyArgs, InstanceArgs as RdsInstanceArgs,
    InstanceAutomatedBackupsReplicationArgs, SnapshotCopyArgs as RdsSnapshotCopyArgs,
} from "@pulumi/aws/rds";
import type { ClusterArgs as RedshiftClusterArgs, SnapshotCopyGrantArgs } from "@pulumi/aws/redshift";
import type { NamespaceArgs } from "@pulumi/aws/redshiftserverless";
import type { WorkspaceArgs } from "@pulumi/aws/workspaces";
import { defineRule, deferred, on, violation, type CheckContext, type Finding } from "../../core/rule";
import { asString, isSet, isUnknown, prop } from "../../core/values";
import { at, eachItem, encryptionOff, objectAt, type EncryptionOff } from "./lib/checks";
import { ENCRYPTION_SOURCES, inheritsEncryption, storageEncryptionOff } from "./lib/databases";
import { eachEventCopy, eachSchedule, NATIVE_DLM } from "./lib/dlm";

type Knobs = "allowedKeyIds";
type Config = { allowedKeyIds: string[] };

const docsUrl = "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk";

/** An AWS-managed key alias (`alias/aws/ebs`, also inside an alias ARN). */
const awsManagedAlias = /(^|:)alias\/aws\//i;

/** The key id at the end of a key ARN (`…:key/<id>`), or the alias name of an alias ARN (`…:alias/<name>`). */
function shortForm(value: string): string {
    const match = /^arn:aws[a-z-]*:kms:[^:]*:[0-9]*:(key\/.+|alias\/.+)$/.exec(value);
    if (!match) return value;
    return match[1].startsWith("key/") ? match[1].slice(4) : match[1];
}

function allowed(value: string, allowedKeyIds: readonly string[]): boolean {
    const short = shortForm(value);
    return allowedKeyIds.some((entry) => entry === value || shortForm(entry) === short);
}

/**
 * The key field at `container[key]` must name a customer-managed key (and one in allowedKeyIds when that is set).
 * Presence counts an unknown as set; with allowedKeyIds configured an unknown key defers.
 */
function requireKey(container: unknown, key: string, path: string, resource: string, config: Config): Finding[] {
    const fullPath = at(path, key);
    const fix = `set \`${key}\` on ${path === "" ? "" : `${path} of `}the ${resource} to a customer-managed KMS key` +
        (config.allowedKeyIds.length > 0 ? " listed in allowedKeyIds" : "");
    if (!isSet(container, key)) {
        return [violation(fullPath, `encrypted with an AWS-managed key (${key} omitted)`, fix)];
    }
    const value = asString(prop(container, key));
    if (isUnknown(value)) {
        return config.allowedKeyIds.length > 0 ? [deferred(fullPath)] : [];
    }
    if (value === undefined) {
        return [violation(fullPath, "the key is not a key id, ARN or alias", fix)];
    }
    if (awsManagedAlias.test(value.trim())) {
        return [violation(fullPath, "encrypted with an AWS-managed key (an alias/aws/ alias)", fix)];
    }
    if (config.allowedKeyIds.length > 0 && !allowed(value.trim(), config.allowedKeyIds)) {
        return [violation(fullPath, "the key is not in allowedKeyIds", fix)];
    }
    return [];
}

/**
 * The key only matters for encrypted data. Where the data is not encrypted at all, the mandatory
 * encryption rule reports it and this rule stays silent; while that is unknown, only what this rule
 * would report waits for the value.
 */
function whenEncrypted(off: EncryptionOff, findings: Finding[]): Finding[] {
    if (off === true) return [];
    if (off === false || !findings.some((finding) => finding.kind === "violation")) return findings;
    return [...findings.filter((finding) => finding.kind === "deferred"), deferred(off.unknown)];
}

function topKey(key: string, resource: string, encryption?: (props: Record<string, unknown>) => EncryptionOff) {
    return (props: Record<string, unknown>, { config }: CheckContext<Knobs>): Finding[] =>
        whenEncrypted(encryption?.(props) ?? false, requireKey(props, key, "", resource, config));
}

/** `encrypted` flag of the resource itself, omitted meaning unencrypted (EBS volumes, snapshot and AMI copies). */
const encryptedFlag = (props: Record<string, unknown>) => encryptionOff(props, "encrypted", "", false);

/** Extra EBS devices not restored from a snapshot (a snapshot's key carries over). */
function ebsDevices(findings: Finding[], container: unknown, listKey: string, path: string, resource: string, config: Config) {
    eachItem(findings, container, listKey, path, (device, devicePath) => {
        if (!isSet(device, "snapshotId")) {
            findings.push(...whenEncrypted(encryptionOff(device, "encrypted", devicePath, false),
                requireKey(device, "kmsKeyId", devicePath, resource, config)));
        }
    });
}

function instanceKeys(resource: string) {
    return (props: Record<string, unknown>, { config }: CheckContext<Knobs>): Finding[] => {
        const findings: Finding[] = [];
        const root = objectAt(findings, props, "rootBlockDevice", "");
        if (!isUnknown(prop(props, "rootBlockDevice"))) {
            // Omitted means an unencrypted root volume (aws-volumes-encrypted reports it).
            findings.push(...whenEncrypted(encryptionOff(root, "encrypted", "rootBlockDevice", false),
                requireKey(root, "kmsKeyId", "rootBlockDevice", resource, config)));
        }
        ebsDevices(findings, props, "ebsBlockDevices", "", resource, config);
        return findings;
    };
}

/**
 * Block device mappings with an `ebs` block: the mapping's `ebs.kmsKeyId` (instance-store mappings
 * have none). Templates skip volumes restored from a snapshot and read an omitted `encrypted` as
 * unencrypted; Image Builder recipes read it as inherited from the parent image.
 */
function mappingKeys(findings: Finding[], container: unknown, path: string, resource: string, config: Config, template: boolean) {
    eachItem(findings, container, "blockDeviceMappings", path, (mapping, mappingPath) => {
        const ebs = objectAt(findings, mapping, "ebs", mappingPath);
        if (ebs === undefined || (template && isSet(ebs, "snapshotId"))) return;
        const ebsPath = `${mappingPath}.ebs`;
        findings.push(...whenEncrypted(encryptionOff(ebs, "encrypted", ebsPath, !template),
            requireKey(ebs, "kmsKeyId", ebsPath, resource, config)));
    });
}

/**
 * A database's key, when its storage is encrypted. A restore or replica that omits the key keeps its
 * source's (a cross-resource question), as a same-region read replica does.
 */
function databaseKey(key: string, resource: string, sources: readonly string[], aurora = false) {
    return (props: Record<string, unknown>, ctx: CheckContext<Knobs>): Finding[] =>
        inheritsEncryption(props, sources) && !isSet(props, key)
            ? []
            : topKey(key, resource, (db) => storageEncryptionOff(db, sources, aurora))(props, ctx);
}

/** A WorkSpace's key encrypts whichever of its volumes are encrypted; with neither, there is nothing to key. */
function workspaceUnencrypted(props: Record<string, unknown>): EncryptionOff {
    const volumes = [encryptionOff(props, "rootVolumeEncryptionEnabled", "", false), encryptionOff(props, "userVolumeEncryptionEnabled", "", false)];
    if (volumes.includes(false)) return false;
    return volumes.find((volume) => volume !== true) ?? true;
}

export const customerManagedKeys = defineRule({
    id: "aws-customer-managed-keys",
    cloud: "aws",
    title: "Volumes, snapshots, images, databases and backup vaults are encrypted with customer-managed KMS keys",
    category: "encryption",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "Data encrypted with an AWS-managed key (`aws/ebs`, `aws/rds`, `aws/backup`, …) can be decrypted by anyone in the " +
        "account with access to the resource, its key policy cannot be changed, and snapshots encrypted with it cannot " +
        "be shared with another account. A customer-managed key lets the organisation control and audit who can decrypt, " +
        "revoke access by disabling the key, and share encrypted copies deliberately.",
    remediation:
        "Set the resource's key field to a customer-managed KMS key (`kmsKeyId`; `kmsKeyArn` on Neptune, MemoryDB and " +
        "backup vaults; `encryptionKeyArn` on air-gapped vaults; `cmkArn` in DLM copy rules; `volumeEncryptionKey` on " +
        "WorkSpaces; `keyArn` on `aws.ebs.DefaultKmsKey`, not `alias/aws/ebs`). List approved keys in `allowedKeyIds` to " +
        "restrict which keys count. Data that is not encrypted at all is reported by the encryption rules " +
        "(`aws-volumes-encrypted`, `aws-snapshots-encrypted`, `aws-databases-encrypted`), not here; restored databases and " +
        "read replicas that omit the key keep their source's. Advisory by default; raise the level to mandatory to block.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_189", "CKV_AWS_183", "CKV_AWS_236", "CKV_AWS_200", "CKV_AWS_199", "CKV_AWS_256", "CKV_AWS_254", "CKV_AWS_166", "CKV_AWS_327", "CKV_AWS_182", "CKV_AWS_347", "CKV_AWS_142", "CKV_AWS_266", "CKV_AWS_245", "CKV_AWS_281", "CKV_AWS_282", "CKV_AWS_278"],
        trivy: ["AWS-0027", "AWS-0079", "AWS-0022", "AWS-0128"],
    },
    config: ["allowedKeyIds"],
    targets: [
        on<VolumeArgs, Knobs>("aws:ebs/volume:Volume", topKey("kmsKeyId", "aws.ebs.Volume", encryptedFlag)),
        on<EbsSnapshotCopyArgs, Knobs>("aws:ebs/snapshotCopy:SnapshotCopy", topKey("kmsKeyId", "aws.ebs.SnapshotCopy", encryptedFlag)),
        on<SnapshotImportArgs, Knobs>("aws:ebs/snapshotImport:SnapshotImport", topKey("kmsKeyId", "aws.ebs.SnapshotImport", encryptedFlag)),
        on<DefaultKmsKeyArgs, Knobs>("aws:ebs/defaultKmsKey:DefaultKmsKey", topKey("keyArn", "aws.ebs.DefaultKmsKey")),
        on<AmiCopyArgs, Knobs>("aws:ec2/amiCopy:AmiCopy", topKey("kmsKeyId", "aws.ec2.AmiCopy", encryptedFlag)),
        on<InstanceArgs, Knobs>("aws:ec2/instance:Instance", instanceKeys("aws.ec2.Instance")),
        on<SpotInstanceRequestArgs, Knobs>("aws:ec2/spotInstanceRequest:SpotInstanceRequest", instanceKeys("aws.ec2.SpotInstanceRequest")),
        on<SpotFleetRequestArgs, Knobs>("aws:ec2/spotFleetRequest:SpotFleetRequest", (props, { config }) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "launchSpecifications", "", (specification, path) => {
                eachItem(findings, specification, "rootBlockDevices", path, (device, devicePath) => {
                    findings.push(...whenEncrypted(encryptionOff(device, "encrypted", devicePath, false),
                        requireKey(device, "kmsKeyId", devicePath, "aws.ec2.SpotFleetRequest", config)));
                });
                ebsDevices(findings, specification, "ebsBlockDevices", path, "aws.ec2.SpotFleetRequest", config);
            });
            return findings;
        }),
        on<LaunchTemplateArgs, Knobs>("aws:ec2/launchTemplate:LaunchTemplate", (props, { config }) => {
            const findings: Finding[] = [];
            mappingKeys(findings, props, "", "aws.ec2.LaunchTemplate", config, true);
            return findings;
        }),
        on<ImageRecipeArgs, Knobs>("aws:imagebuilder/imageRecipe:ImageRecipe", (props, { config }) => {
            const findings: Finding[] = [];
            mappingKeys(findings, props, "", "aws.imagebuilder.ImageRecipe", config, false);
            return findings;
        }),
        on<ContainerRecipeArgs, Knobs>("aws:imagebuilder/containerRecipe:ContainerRecipe", topKey("kmsKeyId", "aws.imagebuilder.ContainerRecipe")),
        on<DistributionConfigurationArgs, Knobs>("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", (props, { config }) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "distributions", "", (distribution, path) => {
                const ami = objectAt(findings, distribution, "amiDistributionConfiguration", path);
                if (ami !== undefined) {
                    findings.push(...requireKey(ami, "kmsKeyId", `${path}.amiDistributionConfiguration`, "aws.imagebuilder.DistributionConfiguration", config));
                }
            });
            return findings;
        }),
        on<LifecyclePolicyArgs, Knobs>("aws:dlm/lifecyclePolicy:LifecyclePolicy", (props, { config }) => {
            const findings: Finding[] = [];
            const details = objectAt(findings, props, "policyDetails", "");
            eachItem(findings, details, "schedules", "policyDetails", (schedule, path) => {
                eachItem(findings, schedule, "crossRegionCopyRules", path, (rule, rulePath) => {
                    findings.push(...whenEncrypted(encryptionOff(rule, "encrypted", rulePath, false),
                        requireKey(rule, "cmkArn", rulePath, "aws.dlm.LifecyclePolicy", config)));
                });
            });
            const action = objectAt(findings, details, "action", "policyDetails");
            eachItem(findings, action, "crossRegionCopies", "policyDetails.action", (copy, copyPath) => {
                const encryption = objectAt(findings, copy, "encryptionConfiguration", copyPath);
                if (!isUnknown(prop(copy, "encryptionConfiguration"))) {
                    const encryptionPath = `${copyPath}.encryptionConfiguration`;
                    findings.push(...whenEncrypted(encryptionOff(encryption, "encrypted", encryptionPath, false),
                        requireKey(encryption, "cmkArn", encryptionPath, "aws.dlm.LifecyclePolicy", config)));
                }
            });
            return findings;
        }),
        on<VaultArgs, Knobs>("aws:backup/vault:Vault", topKey("kmsKeyArn", "aws.backup.Vault")),
        on<LogicallyAirGappedVaultArgs, Knobs>("aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault", topKey("encryptionKeyArn", "aws.backup.LogicallyAirGappedVault")),
        on<RdsInstanceArgs, Knobs>("aws:rds/instance:Instance", (props, ctx) => {
            // A same-region read replica takes the source's key; a cross-region one names kmsKeyId and is
            // checked (its storageEncrypted is ignored).
            if (isSet(props, "replicateSourceDb")) {
                return isSet(props, "kmsKeyId") ? topKey("kmsKeyId", "aws.rds.Instance")(props, ctx) : [];
            }
            return databaseKey("kmsKeyId", "aws.rds.Instance", ENCRYPTION_SOURCES.rdsInstance)(props, ctx);
        }),
        on<RdsClusterArgs, Knobs>("aws:rds/cluster:Cluster", databaseKey("kmsKeyId", "aws.rds.Cluster", ENCRYPTION_SOURCES.rdsCluster, true)),
        on<RdsSnapshotCopyArgs, Knobs>("aws:rds/snapshotCopy:SnapshotCopy", topKey("kmsKeyId", "aws.rds.SnapshotCopy")),
        on<ClusterSnapshotCopyArgs, Knobs>("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", topKey("kmsKeyId", "aws.rds.ClusterSnapshotCopy")),
        on<InstanceAutomatedBackupsReplicationArgs, Knobs>("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", topKey("kmsKeyId", "aws.rds.InstanceAutomatedBackupsReplication")),
        on<DocdbClusterArgs, Knobs>("aws:docdb/cluster:Cluster", databaseKey("kmsKeyId", "aws.docdb.Cluster", ENCRYPTION_SOURCES.docdbCluster)),
        on<ElasticClusterArgs, Knobs>("aws:docdb/elasticCluster:ElasticCluster", topKey("kmsKeyId", "aws.docdb.ElasticCluster")),
        on<NeptuneClusterArgs, Knobs>("aws:neptune/cluster:Cluster", databaseKey("kmsKeyArn", "aws.neptune.Cluster", ENCRYPTION_SOURCES.neptuneCluster)),
        // Redshift encrypts new clusters unless `encrypted` is false.
        on<RedshiftClusterArgs, Knobs>("aws:redshift/cluster:Cluster", topKey("kmsKeyId", "aws.redshift.Cluster", (cluster) => encryptionOff(cluster, "encrypted", "", true))),
        on<SnapshotCopyGrantArgs, Knobs>("aws:redshift/snapshotCopyGrant:SnapshotCopyGrant", topKey("kmsKeyId", "aws.redshift.SnapshotCopyGrant")),
        on<NamespaceArgs, Knobs>("aws:redshiftserverless/namespace:Namespace", topKey("kmsKeyId", "aws.redshiftserverless.Namespace")),
        on<MemorydbSnapshotArgs, Knobs>("aws:memorydb/snapshot:Snapshot", topKey("kmsKeyArn", "aws.memorydb.Snapshot")),
        on<WorkspaceArgs, Knobs>("aws:workspaces/workspace:Workspace", topKey("volumeEncryptionKey", "aws.workspaces.Workspace", workspaceUnencrypted)),

        // aws-native (CloudFormation shapes)
        // CloudFormation defaults `Encrypted`/`StorageEncrypted` to false: unencrypted data is aws-databases-encrypted's and aws-volumes-encrypted's.
        on<NativeVolumeArgs, Knobs>("aws-native:ec2:Volume", topKey("kmsKeyId", "aws-native.ec2.Volume", encryptedFlag)),
        // Mappings restored from a snapshot keep its key; an instance without mappings (the AMI's root) or launched
        // from a template is judged by aws-volumes-encrypted and on the template.
        on<NativeInstanceArgs, Knobs>("aws-native:ec2:Instance", (props, { config }) => {
            const findings: Finding[] = [];
            mappingKeys(findings, props, "", "aws-native.ec2.Instance", config, true);
            return findings;
        }),
        on<NativeLaunchTemplateArgs, Knobs>("aws-native:ec2:LaunchTemplate", (props, { config }) => {
            const findings: Finding[] = [];
            const data = objectAt(findings, props, "launchTemplateData", "");
            mappingKeys(findings, data, "launchTemplateData", "aws-native.ec2.LaunchTemplate", config, true);
            return findings;
        }),
        on<NativeImageRecipeArgs, Knobs>("aws-native:imagebuilder:ImageRecipe", (props, { config }) => {
            const findings: Finding[] = [];
            mappingKeys(findings, props, "", "aws-native.imagebuilder.ImageRecipe", config, false);
            return findings;
        }),
        on<NativeContainerRecipeArgs, Knobs>("aws-native:imagebuilder:ContainerRecipe", topKey("kmsKeyId", "aws-native.imagebuilder.ContainerRecipe")),
        on<NativeDistributionConfigurationArgs, Knobs>("aws-native:imagebuilder:DistributionConfiguration", (props, { config }) => {
            const findings: Finding[] = [];
            eachItem(findings, props, "distributions", "", (distribution, path) => {
                const ami = objectAt(findings, distribution, "amiDistributionConfiguration", path);
                if (ami !== undefined) {
                    findings.push(...requireKey(ami, "kmsKeyId", `${path}.amiDistributionConfiguration`, "aws-native.imagebuilder.DistributionConfiguration", config));
                }
            });
            return findings;
        }),
        on<NativeDbInstanceArgs, Knobs>("aws-native:rds:DbInstance", (props, ctx) => {
            const findings: Finding[] = [];
            // An Aurora instance's data is the cluster's; a same-region read replica takes the source's key.
            const replica = isSet(props, "sourceDbInstanceIdentifier") && !isSet(props, "kmsKeyId");
            if (!isSet(props, "dbClusterIdentifier") && !replica) {
                findings.push(...databaseKey("kmsKeyId", "aws-native.rds.DbInstance", ENCRYPTION_SOURCES.nativeDbInstance)(props, ctx));
            }
            // Cross-region replicated backups (aws.rds.InstanceAutomatedBackupsReplication in @pulumi/aws).
            if (isSet(props, "automaticBackupReplicationRegion")) {
                findings.push(...topKey("automaticBackupReplicationKmsKeyId", "aws-native.rds.DbInstance")(props, ctx));
            }
            return findings;
        }),
        on<NativeDbClusterArgs, Knobs>("aws-native:rds:DbCluster", databaseKey("kmsKeyId", "aws-native.rds.DbCluster", ENCRYPTION_SOURCES.nativeDbCluster, true)),
        on<NativeNeptuneClusterArgs, Knobs>("aws-native:neptune:DbCluster", databaseKey("kmsKeyId", "aws-native.neptune.DbCluster", ENCRYPTION_SOURCES.nativeNeptuneCluster)),
        on<NativeElasticClusterArgs, Knobs>("aws-native:docdbelastic:Cluster", topKey("kmsKeyId", "aws-native.docdbelastic.Cluster")),
        on<NativeRedshiftClusterArgs, Knobs>("aws-native:redshift:Cluster", topKey("kmsKeyId", "aws-native.redshift.Cluster", (cluster) => encryptionOff(cluster, "encrypted", "", true))),
        on<NativeNamespaceArgs, Knobs>("aws-native:redshiftserverless:Namespace", topKey("kmsKeyId", "aws-native.redshiftserverless.Namespace")),
        on<NativeWorkspaceArgs, Knobs>("aws-native:workspaces:Workspace", topKey("volumeEncryptionKey", "aws-native.workspaces.Workspace", workspaceUnencrypted)),
        on<BackupVaultArgs, Knobs>("aws-native:backup:BackupVault", topKey("encryptionKeyArn", "aws-native.backup.BackupVault")),
        on<LogicallyAirGappedBackupVaultArgs, Knobs>("aws-native:backup:LogicallyAirGappedBackupVault", topKey("encryptionKeyArn", "aws-native.backup.LogicallyAirGappedBackupVault")),
        on<NativeLifecyclePolicyArgs, Knobs>("aws-native:dlm:LifecyclePolicy", (props, { config }) => {
            const findings: Finding[] = [];
            eachSchedule(findings, props, (schedule, path) => {
                eachItem(findings, schedule, "crossRegionCopyRules", path, (rule, rulePath) => {
                    findings.push(...requireKey(rule, "cmkArn", rulePath, NATIVE_DLM.resource, config));
                });
            });
            eachEventCopy(findings, props, NATIVE_DLM, (copy, copyPath) => {
                const encryption = objectAt(findings, copy, "encryptionConfiguration", copyPath);
                if (!isUnknown(prop(copy, "encryptionConfiguration"))) {
                    findings.push(...requireKey(encryption, "cmkArn", `${copyPath}.encryptionConfiguration`, NATIVE_DLM.resource, config));
                }
            });
            return findings;
        }),
    ],
});
