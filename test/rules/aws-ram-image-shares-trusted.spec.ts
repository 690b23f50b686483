import { awsRamImageSharesTrusted as rule } from "../../policies/stack/aws-ram-image-shares-trusted";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const SHARE = "aws:ram/resourceShare:ResourceShare";
const RESOURCE = "aws:ram/resourceAssociation:ResourceAssociation";
const PRINCIPAL = "aws:ram/principalAssociation:PrincipalAssociation";
const IMAGE = "aws:imagebuilder/image:Image";
const RECIPE = "aws:imagebuilder/imageRecipe:ImageRecipe";
const CONTAINER_RECIPE = "aws:imagebuilder/containerRecipe:ContainerRecipe";
const COMPONENT = "aws:imagebuilder/component:Component";
const trusted = "111122223333";
const stranger = "999988887777";
const org = "arn:aws:organizations::111122223333:organization/o-abc123def4";
const trust = { trustedAccountIds: [trusted], trustedOrganizationArns: [org] };

const share = (name: string, allowExternalPrincipals?: unknown): StackFixture =>
    ({ type: SHARE, name, props: allowExternalPrincipals === undefined ? { name } : { name, allowExternalPrincipals } });
const builder = (type: string, name: string): StackFixture => ({ type, name, props: { name, arn: UNKNOWN } });
/** Associations that reference their share (and resource) by output during preview. */
const holds = (name: string, shareName: string, resourceName: string): StackFixture =>
    ({ type: RESOURCE, name, props: { resourceArn: UNKNOWN, resourceShareArn: UNKNOWN }, propertyDependencies: { resourceArn: [resourceName], resourceShareArn: [shareName] } });
const grants = (name: string, shareName: string, principal: unknown): StackFixture =>
    ({ type: PRINCIPAL, name, props: { principal, resourceShareArn: UNKNOWN }, propertyDependencies: { resourceShareArn: [shareName] } });
const imageShare = (external: unknown, principal: unknown) => [
    share("images", external), builder(IMAGE, "golden"), holds("golden-in-share", "images", "golden"), grants("partner", "images", principal),
];

describeStackRule(rule, [
    { name: "Image Builder image shared with an untrusted account", resources: imageShare(true, stranger), config: trust, expect: "report", reported: ["partner"], paths: ["principal"], message: /^(?![\s\S]*999988887777)[\s\S]*outside trustedAccountIds/ },
    { name: "image shared with an untrusted organization", resources: imageShare(true, "arn:aws:organizations::999988887777:organization/o-zzz999yyy8"), config: trust, expect: "report", reported: ["partner"] },
    { name: "image shared with an untrusted IAM role", resources: imageShare("true", `arn:aws:iam::${stranger}:role/builder`), config: trust, expect: "report", reported: ["partner"] },
    { name: "image shared with a trusted account", resources: imageShare(true, trusted), config: trust, expect: "pass" },
    { name: "image shared with an OU of a trusted organization", resources: imageShare(true, "arn:aws:organizations::111122223333:ou/o-abc123def4/ou-ab12-cdef3456"), config: trust, expect: "pass" },
    { name: "allowExternalPrincipals false keeps the share in the organization", resources: imageShare(false, stranger), config: trust, expect: "pass" },
    { name: "allowExternalPrincipals omitted (default false)", resources: imageShare(undefined, stranger), config: trust, expect: "pass" },
    { name: "share that holds no Image Builder resource", resources: [share("subnets", true), { type: RESOURCE, name: "subnet", props: { resourceArn: "arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-1", resourceShareArn: UNKNOWN }, propertyDependencies: { resourceShareArn: ["subnets"] } }, grants("partner", "subnets", stranger)], config: trust, expect: "pass" },
    { name: "recipe, container recipe and component of another stack by ARN", resources: [
        share("recipes", true), builder(RECIPE, "recipe"), builder(CONTAINER_RECIPE, "container"), builder(COMPONENT, "component"),
        { type: RESOURCE, name: "by-arn", props: { resourceArn: "arn:aws:imagebuilder:eu-west-1:111122223333:component/hardening/1.0.0/1", resourceShareArn: UNKNOWN }, propertyDependencies: { resourceShareArn: ["recipes"] } },
        grants("partner", "recipes", stranger),
    ], config: trust, expect: "report", reported: ["partner"] },
    { name: "recipe in the stack by reference", resources: [share("recipes", true), builder(RECIPE, "recipe"), holds("r", "recipes", "recipe"), grants("partner", "recipes", stranger)], expect: "report", reported: ["partner"] },
    { name: "principal unknown during preview", resources: imageShare(true, UNKNOWN), config: trust, expect: "defer", paths: ["partner.principal"] },
    { name: "allowExternalPrincipals unknown during preview", resources: imageShare(UNKNOWN, stranger), config: trust, expect: "defer", paths: ["partner.resourceShareArn"] },
    { name: "shared resource unknown without a dependency", resources: [share("s", true), { type: RESOURCE, name: "r", props: { resourceArn: UNKNOWN, resourceShareArn: UNKNOWN }, propertyDependencies: { resourceShareArn: ["s"] } }, grants("partner", "s", stranger)], config: trust, expect: "defer" },
    { name: "principal association to a share outside the stack", resources: [builder(IMAGE, "golden"), { type: PRINCIPAL, name: "p", props: { principal: stranger, resourceShareArn: "arn:aws:ram:eu-west-1:111122223333:resource-share/abc" } }], config: trust, expect: "pass" },
    { name: "exempted share with a vendor", resources: imageShare(true, stranger), config: { ...trust, exemptions: [{ resource: "partner", reason: "vendor builds our images", expires: "2999-01-01" }] }, expect: "exempt" },
]);

// ---- aws-native (CloudFormation): principals and resources on the share; external principals allowed by default ----

const NSHARE = "aws-native:ram:ResourceShare";
const nshare = (name: string, props: Record<string, unknown>, resources: string[] = []): StackFixture =>
    ({ type: NSHARE, name, props: { name, ...props }, ...(resources.length > 0 ? { propertyDependencies: { resourceArns: resources } } : {}) });
const nbuilder = (kind: string, name: string): StackFixture => ({ type: `aws-native:imagebuilder:${kind}`, name, props: { arn: UNKNOWN } });

describeStackRule(rule, [
    { name: "aws-native share of an aws-native image with an untrusted account (allowExternalPrincipals omitted means true)", resources: [
        nbuilder("Image", "golden"), nshare("images", { principals: [trusted, stranger], resourceArns: [UNKNOWN] }, ["golden"]),
    ], config: trust, expect: "report", reported: ["images"], paths: ["principals[1]"], message: /`principals` of the aws-native\.ram\.ResourceShare/ },
    { name: "aws-native share kept in the organization", resources: [
        nbuilder("ImageRecipe", "recipe"), nshare("images", { allowExternalPrincipals: false, principals: [stranger], resourceArns: [UNKNOWN] }, ["recipe"]),
    ], config: trust, expect: "pass" },
    { name: "aws-native share of a recipe by ARN with a trusted organization", resources: [
        nshare("images", { principals: [org], resourceArns: ["arn:aws:imagebuilder:eu-west-1:111122223333:image-recipe/golden/1.0.0"] }),
    ], config: trust, expect: "pass" },
    { name: "aws-native share without Image Builder resources", resources: [
        nshare("subnets", { principals: [stranger], resourceArns: ["arn:aws:ec2:eu-west-1:111122223333:subnet/subnet-1"] }),
    ], config: trust, expect: "pass" },
    { name: "aws-native share holding a container recipe and a component", resources: [
        nbuilder("ContainerRecipe", "api"), nbuilder("Component", "hardening"), nshare("images", { principals: [stranger], resourceArns: [UNKNOWN, UNKNOWN] }, ["api", "hardening"]),
    ], config: trust, expect: "report", reported: ["images"] },
    { name: "aws-native share principals unknown during preview", resources: [
        nshare("images", { principals: UNKNOWN, resourceArns: ["arn:aws:imagebuilder:eu-west-1:111122223333:image/golden/1.0.0/1"] }),
    ], config: trust, expect: "defer", paths: ["images.principals"] },
    { name: "aws principal association on an aws-native share of an image", resources: [
        nshare("images", { resourceArns: ["arn:aws:imagebuilder:eu-west-1:111122223333:image/golden/1.0.0/1"] }), grants("partner", "images", stranger),
    ], config: trust, expect: "report", reported: ["partner"] },
]);
