import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asBool, asString, isUnknown, prop, UNKNOWN } from "../../core/values";
import { accountTrust, organizationTrust } from "../aws/lib/checks";
import { accountOf } from "../aws/lib/policy-document";
import { anyBad, deferredAt, listOf, memo, StackGraph, violationAt, type Verdict } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-shared-resources.html";

const R = {
    share: "aws:ram/resourceShare:ResourceShare",
    resourceAssociation: "aws:ram/resourceAssociation:ResourceAssociation",
    principalAssociation: "aws:ram/principalAssociation:PrincipalAssociation",
    /** aws-native (CloudFormation): principals and resources are lists on the share itself. */
    nativeShare: "aws-native:ram:ResourceShare",
} as const;
const SHARES = [R.share, R.nativeShare];

/** Image Builder resources RAM can share; their ARNs are `arn:…:imagebuilder:<region>:<account>:<kind>/…`. */
const IMAGE_BUILDER = [
    "aws:imagebuilder/image:Image",
    "aws:imagebuilder/imageRecipe:ImageRecipe",
    "aws:imagebuilder/containerRecipe:ContainerRecipe",
    "aws:imagebuilder/component:Component",
    "aws-native:imagebuilder:Image",
    "aws-native:imagebuilder:ImageRecipe",
    "aws-native:imagebuilder:ContainerRecipe",
    "aws-native:imagebuilder:Component",
];
const imageBuilderArn = /^arn:aws[a-z-]*:imagebuilder:[a-z0-9-]*:[0-9]{12}:(image|image-recipe|container-recipe|component)\//i;

export const awsRamImageSharesTrusted = defineStackRule({
    id: "aws-ram-image-shares-trusted",
    cloud: "aws",
    title: "Image Builder images, recipes and components are shared through AWS RAM only with trusted principals",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "AWS Resource Access Manager shares Image Builder images, image and container recipes and components without " +
        "touching an AMI launch permission: an `aws.ram.ResourceAssociation` puts the image into an `aws.ram.ResourceShare`, " +
        "and each `aws.ram.PrincipalAssociation` hands it to an account, organization or OU. With `allowExternalPrincipals` " +
        "true the share may leave the organization, so every principal outside `trustedAccountIds` / " +
        "`trustedOrganizationArns` receives the image and what was baked into it. The rule follows the associations by " +
        "reference or ARN; a share with `allowExternalPrincipals` false (the default) stays inside the organization.",
    remediation:
        "Set `allowExternalPrincipals: false` on the `aws.ram.ResourceShare` that holds images, recipes or components, or " +
        "associate only principals listed in `trustedAccountIds` (accounts) or `trustedOrganizationArns` (organizations and " +
        "OUs) through `aws.ram.PrincipalAssociation`. Both lists are empty by default; list your own accounts there. An " +
        "`aws-native.ram.ResourceShare` lists its `principals` and `resourceArns` itself and allows external principals " +
        "unless `allowExternalPrincipals: false` (CloudFormation's default is true).",
    docsUrl,
    controls: {},
    config: ["trustedAccountIds", "trustedOrganizationArns"],
    stackTypes: [R.share, R.resourceAssociation, R.principalAssociation, R.nativeShare, ...IMAGE_BUILDER],
    checkStack: (resources, { config }) => {
        const graph = new StackGraph(resources, { [R.share]: [], [R.nativeShare]: [], ...Object.fromEntries(IMAGE_BUILDER.map((type) => [type, []])) });
        const accounts = accountTrust(config.trustedAccountIds);
        const organizations = organizationTrust(config.trustedOrganizationArns);

        /** Is this resource ARN (read from `key` of `owner`) an Image Builder resource (true, false, UNKNOWN)? */
        const isImage = (owner: StackResource, key: string, value: unknown): Verdict => {
            const text = asString(value);
            const found = graph.resolveIn(owner, key, value, IMAGE_BUILDER);
            return typeof text === "string" && imageBuilderArn.test(text.trim()) ? true : isUnknown(found) ? UNKNOWN : found.length > 0;
        };
        /** Per share: does it hold an Image Builder resource (true, false, UNKNOWN)? */
        const holds = new Map<StackResource, Verdict[]>();
        let unknownShare = false;
        for (const share of graph.of(R.nativeShare)) {
            const arns = listOf(share.props, "resourceArns");
            const verdicts: Verdict[] = isUnknown(arns) ? [UNKNOWN as Verdict] : arns.map((arn) => isImage(share, "resourceArns", arn));
            if (verdicts.length > 0) holds.set(share, verdicts);
        }
        for (const association of graph.of(R.resourceAssociation)) {
            const image = isImage(association, "resourceArn", prop(association.props, "resourceArn"));
            if (image === false) continue;
            const shares = graph.resolve(association, "resourceShareArn", SHARES);
            if (isUnknown(shares)) {
                unknownShare = true;
                continue;
            }
            for (const share of shares) holds.set(share, [...(holds.get(share) ?? []), image]);
        }
        const holdsImages = memo((share: StackResource): Verdict => anyBad(holds.get(share) ?? []), false);
        /** The share may leave the organization and holds an image: CloudFormation allows external principals by default. */
        const exposed = (share: StackResource): Verdict => {
            const external = asBool(prop(share.props, "allowExternalPrincipals"));
            const allowed = external === undefined ? graph.type(share) === R.nativeShare : external;
            if (allowed === false) return false;
            const images = holdsImages(share);
            if (images === false) return false;
            return isUnknown(allowed) ? UNKNOWN : images;
        };

        const findings: Finding[] = [];
        for (const association of graph.of(R.principalAssociation)) {
            const principal = asString(prop(association.props, "principal"));
            const trusted = isUnknown(principal) ? UNKNOWN : principal === undefined ? true : isTrustedPrincipal(principal.trim(), accounts, organizations);
            if (trusted === true) continue;
            const shares = graph.resolve(association, "resourceShareArn", SHARES);
            if (isUnknown(shares)) {
                if (holds.size > 0 || unknownShare) findings.push(deferredAt(association, "resourceShareArn"));
                continue;
            }
            const reach = anyBad(shares.map(exposed));
            if (reach === false) continue;
            if (isUnknown(reach) || isUnknown(trusted)) {
                findings.push(deferredAt(association, isUnknown(trusted) ? "principal" : "resourceShareArn"));
                continue;
            }
            findings.push(violationAt(association, "principal",
                "an Image Builder image, recipe or component is shared through AWS RAM with a principal outside trustedAccountIds and trustedOrganizationArns",
                "associate only trusted principals with the aws.ram.ResourceShare, set `allowExternalPrincipals: false` on it, or add the principal to trustedAccountIds / trustedOrganizationArns in the policy config"));
        }
        // aws-native shares name their principals themselves.
        for (const share of graph.of(R.nativeShare)) {
            const reach = exposed(share);
            if (reach === false) continue;
            const principals = listOf(share.props, "principals");
            if (isUnknown(principals)) {
                findings.push(deferredAt(share, "principals"));
                continue;
            }
            principals.forEach((entry, index) => {
                const principal = asString(entry);
                const trusted = isUnknown(principal) ? UNKNOWN : principal === undefined ? true : isTrustedPrincipal(principal.trim(), accounts, organizations);
                if (trusted === true) return;
                const path = `principals[${index}]`;
                if (isUnknown(reach) || isUnknown(trusted)) {
                    findings.push(deferredAt(share, isUnknown(trusted) ? path : "allowExternalPrincipals"));
                    return;
                }
                findings.push(violationAt(share, path,
                    "an Image Builder image, recipe or component is shared through AWS RAM with a principal outside trustedAccountIds and trustedOrganizationArns",
                    "remove the principal from `principals` of the aws-native.ram.ResourceShare, set `allowExternalPrincipals: false` on it (CloudFormation's default is true), or add the principal to trustedAccountIds / trustedOrganizationArns in the policy config"));
            });
        }
        return findings;
    },
});

/** An account id, IAM principal ARN, organization or OU ARN is trusted when its list names it; service principals are. */
function isTrustedPrincipal(principal: string, accounts: (value: string) => boolean, organizations: (value: string) => boolean): boolean {
    if (/^arn:aws[a-z-]*:organizations::/.test(principal)) return organizations(principal);
    const account = accountOf(principal);
    if (account !== undefined) return account !== "*" && accounts(account);
    return !/^arn:/.test(principal) && principal.includes(".amazonaws.com");
}
