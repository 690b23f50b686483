import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asString, isUnknown, prop, type Unknown } from "../../core/values";
import { N, providerKey, T } from "./lib/aws";
import { deferredAt, StackGraph, violationAt, violationOn } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/ebs/latest/userguide/block-public-access-snapshots.html";

const EBS_DATA = [T.volume, T.instance, T.snapshot, T.snapshotCopy, N.volume, N.instance];
const IMAGES = [T.ami, T.amiCopy, T.amiFromInstance];

interface Guardrail {
    /** The guardrail's types (@pulumi/aws and, where CloudFormation has one, aws-native). */
    types: readonly string[];
    cls: string;
    /** The kinds of resource that make the guardrail worth having. */
    neededBy: readonly string[];
    what: string;
    fix: string;
}

const GUARDRAILS: readonly Guardrail[] = [
    {
        types: [T.encryptionByDefault], cls: "aws.ebs.EncryptionByDefault", neededBy: [...EBS_DATA, ...IMAGES],
        what: "EBS encryption by default",
        fix: "add an aws.ebs.EncryptionByDefault (`enabled: true`) with the same provider, so every new volume and snapshot copy in the account and region is encrypted",
    },
    {
        types: [T.snapshotBlockPublicAccess, N.snapshotBlockPublicAccess], cls: "aws.ebs.SnapshotBlockPublicAccess", neededBy: EBS_DATA,
        what: "EBS snapshot block public access",
        fix: "add an aws.ebs.SnapshotBlockPublicAccess with `state: \"block-all-sharing\"` and the same provider",
    },
    {
        types: [T.imageBlockPublicAccess], cls: "aws.ec2.ImageBlockPublicAccess", neededBy: IMAGES,
        what: "AMI block public access",
        fix: "add an aws.ec2.ImageBlockPublicAccess with `state: \"block-new-sharing\"` and the same provider",
    },
];

/**
 * Account and region a resource is created in: its provider, and its own `region` when that differs
 * from the provider's (`""` = the provider's region; deployed outputs always carry `region`).
 */
function placement(resource: StackResource): { provider: string; region: string | Unknown } {
    const region = asString(prop(resource.props, "region"));
    const provider = (resource as { provider?: { props?: unknown } }).provider;
    const providerRegion = asString(prop(provider?.props, "region"));
    if (isUnknown(region)) return { provider: providerKey(resource), region };
    return { provider: providerKey(resource), region: region === undefined || region === providerRegion ? "" : region };
}

/** The provider package of a resource: aws-native resources are created by a provider of their own. */
function packageOf(resource: StackResource): string {
    return resource.type.startsWith("aws-native:") ? "aws-native" : "aws";
}

/** The region a resource is created in (its own `region`, else its provider's); undefined when not known. */
function regionOf(resource: StackResource): string | undefined {
    const own = asString(prop(resource.props, "region"));
    if (typeof own === "string" && own.trim() !== "") return own.trim().toLowerCase();
    if (own !== undefined) return undefined;
    const provider = (resource as { provider?: { props?: unknown } }).provider;
    const region = asString(prop(provider?.props, "region"));
    return typeof region === "string" && region.trim() !== "" ? region.trim().toLowerCase() : undefined;
}

export const awsAccountGuardrails = defineStackRule({
    id: "aws-account-guardrails",
    cloud: "aws",
    title: "Stacks that create EBS volumes, snapshots or AMIs also set the account's encryption-by-default and block-public-access guardrails",
    category: "hardening",
    severity: "low",
    defaultLevel: "advisory",
    rationale:
        "Per-resource settings protect only the resources this pack sees. EBS encryption by default, EBS snapshot " +
        "block public access (`block-all-sharing`) and AMI block public access are account- and region-wide switches that " +
        "also cover volumes, snapshots and images created outside Pulumi, by DLM, AWS Backup or the console. For each AWS " +
        "provider (account and region) and each per-resource `region` the stack creates EBS volumes, instances, " +
        "snapshots or AMIs in, the rule recommends the guardrails that are not in the stack. The guardrails' own settings " +
        "(`enabled: false`, `state: \"unblocked\"`) are judged by the AWS resource rules. aws-native volumes and instances " +
        "count too, and an aws-native `ec2.SnapshotBlockPublicAccess` sets that guardrail; a guardrail created with the other " +
        "provider package (CloudFormation has no EncryptionByDefault or ImageBlockPublicAccess) counts when both providers " +
        "name the same region.",
    remediation:
        "Add `aws.ebs.EncryptionByDefault`, `aws.ebs.SnapshotBlockPublicAccess` (`state: \"block-all-sharing\"`) and " +
        "`aws.ec2.ImageBlockPublicAccess` (`state: \"block-new-sharing\"`) with the same provider, usually in the stack " +
        "that owns the account baseline; exempt the provider here when another stack owns them.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_106"],
        "aws-config": ["ec2-ebs-encryption-by-default", "ebs-snapshot-block-public-access"],
        prowler: ["ec2_ebs_default_encryption", "ec2_ebs_snapshot_account_block_public_access", "ec2_ami_account_block_public_access"],
    },
    config: [],
    stackTypes: [
        T.encryptionByDefault, T.snapshotBlockPublicAccess, T.imageBlockPublicAccess,
        T.volume, T.instance, T.snapshot, T.snapshotCopy, T.ami, T.amiCopy, T.amiFromInstance,
        N.snapshotBlockPublicAccess, N.volume, N.instance,
    ],
    checkStack: (resources) => {
        const graph = new StackGraph(resources, {});
        const findings: Finding[] = [];
        for (const guardrail of GUARDRAILS) {
            // Where the guardrail is present: `provider|region` ("" = the provider's region); providers
            // with a guardrail whose region is unknown during preview.
            const present = new Set<string>();
            const pending = new Set<string>();
            // A guardrail set through the other provider package (aws-native has no EncryptionByDefault, so its
            // stacks set that one with @pulumi/aws) counts for the region it is in: `package|region`.
            const regional = new Set<string>();
            for (const resource of graph.of(...guardrail.types)) {
                const { provider, region } = placement(resource);
                if (isUnknown(region)) pending.add(provider);
                else present.add(`${provider}|${region}`);
                const where = regionOf(resource);
                if (where !== undefined) regional.add(`${packageOf(resource)}|${where}`);
            }
            const acrossPackages = (resource: StackResource) => {
                const where = regionOf(resource);
                const other = packageOf(resource) === "aws" ? "aws-native" : "aws";
                return where !== undefined && regional.has(`${other}|${where}`);
            };
            // The first resource in each place that needs the guardrail; reported once per place.
            const needed = new Map<string, StackResource>();
            for (const resource of graph.of(...guardrail.neededBy)) {
                const { provider, region } = placement(resource);
                // A resource whose own region is unknown during preview is taken to be in the provider's.
                const place = `${provider}|${isUnknown(region) ? "" : region}`;
                if (acrossPackages(resource)) continue;
                if (!needed.has(place)) needed.set(place, resource);
            }
            for (const [place, first] of needed) {
                if (present.has(place)) continue;
                const provider = place.slice(0, place.lastIndexOf("|"));
                // Report against the provider resource when there is one, so one exemption covers the account.
                const subject: StackResource = provider !== "" ? { ...first, urn: provider } : first;
                if (pending.has(provider)) {
                    findings.push(deferredAt(subject, "region"));
                    continue;
                }
                findings.push(violationOn(subject,
                    `the stack creates ${guardrail.neededBy === IMAGES ? "AMIs" : "EBS volumes, snapshots or images"} in this account and region but does not set ${guardrail.what} ` +
                    `(no ${guardrail.cls} with the same provider and region in the stack)`,
                    guardrail.fix));
            }
        }
        return findings;
    },
});
