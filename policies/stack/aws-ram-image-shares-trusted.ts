import { defineStackRule, type Finding, type StackResource } from "../../core/rule";
import { asBool, asString, isUnknown, prop, UNKNOWN } from "../../core/values";
import { accountTrust, organizationTrust } from "../aws/lib/checks";
import { accountOf } from "../aws/lib/policy-document";
import { anyBad, deferredAt, memo, StackGraph, violationAt, type Verdict } from "./lib/graph";

const docsUrl = "https://docs.aws.amazon.com/imagebuilder/latest/userguide/manage-shared-resources.html";

const R = {
    share: "aws:ram/resourceShare:ResourceShare",
    resourceAssociation: "aws:ram/resourceAssociation:ResourceAssociation",
    principalAssociation: "aws:ram/principalAssociation:PrincipalAssociation",
} as const;

/** Image Builder resources RAM can share; their ARNs are `arn:…:imagebuilder:<region>:<account>:<kind>/…`. */
const IMAGE_BUILDER = [
    "aws:imagebuilder/image:Image",
    "aws:imagebuilder/imageRecipe:ImageRecipe",
    "aws:imagebuilder/containerRecipe:ContainerRecipe",
    "aws:imagebuilder/component:Component",
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
        "OUs) through `aws.ram.PrincipalAssociation`. Both lists are empty by default; list your own accounts there.",
    docsUrl,
    controls: {},
    config: ["trustedAccountIds", "trustedOrganizationArns"],
    stackTypes: [R.share, R.resourceAssociation, R.principalAssociation, ...IMAGE_BUILDER],
    checkStack: (resources, { config }) => {
        const graph = new StackGraph(resources, { [R.share]: [], ...Object.fromEntries(IMAGE_BUILDER.map((type) => [type, []])) });
        const accounts = accountTrust(config.trustedAccountIds);
        const organizations = organizationTrust(config.trustedOrganizationArns);

        /** Per share: does it hold an Image Builder resource (true, false, UNKNOWN)? */
        const holds = new Map<StackResource, Verdict[]>();
        let unknownShare = false;
        for (const association of graph.of(R.resourceAssociation)) {
            const value = prop(association.props, "resourceArn");
            const text = asString(value);
            const found = graph.resolveIn(association, "resourceArn", value, IMAGE_BUILDER);
            const image: Verdict = typeof text === "string" && imageBuilderArn.test(text.trim())
                ? true : isUnknown(found) ? UNKNOWN : found.length > 0;
            if (image === false) continue;
            const shares = graph.resolve(association, "resourceShareArn", [R.share]);
            if (isUnknown(shares)) {
                unknownShare = true;
                continue;
            }
            for (const share of shares) holds.set(share, [...(holds.get(share) ?? []), image]);
        }
        const holdsImages = memo((share: StackResource): Verdict => anyBad(holds.get(share) ?? []), false);

        const findings: Finding[] = [];
        for (const association of graph.of(R.principalAssociation)) {
            const principal = asString(prop(association.props, "principal"));
            const trusted = isUnknown(principal) ? UNKNOWN : principal === undefined ? true : isTrustedPrincipal(principal.trim(), accounts, organizations);
            if (trusted === true) continue;
            const shares = graph.resolve(association, "resourceShareArn", [R.share]);
            if (isUnknown(shares)) {
                if (holds.size > 0 || unknownShare) findings.push(deferredAt(association, "resourceShareArn"));
                continue;
            }
            const verdicts = shares.map((share): Verdict => {
                const external = asBool(prop(share.props, "allowExternalPrincipals"));
                if (external === false || external === undefined) return false;
                const images = holdsImages(share);
                if (images === false) return false;
                return isUnknown(external) ? UNKNOWN : images;
            });
            const exposed = anyBad(verdicts);
            if (exposed === false) continue;
            if (isUnknown(exposed) || isUnknown(trusted)) {
                findings.push(deferredAt(association, isUnknown(trusted) ? "principal" : "resourceShareArn"));
                continue;
            }
            findings.push(violationAt(association, "principal",
                "an Image Builder image, recipe or component is shared through AWS RAM with a principal outside trustedAccountIds and trustedOrganizationArns",
                "associate only trusted principals with the aws.ram.ResourceShare, set `allowExternalPrincipals: false` on it, or add the principal to trustedAccountIds / trustedOrganizationArns in the policy config"));
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
