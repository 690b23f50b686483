import type { AmiLaunchPermissionArgs, ImageBlockPublicAccessArgs } from "@pulumi/aws/ec2";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asString, enumIn, isSet, isUnknown, prop } from "../../core/values";

type Knobs = "trustedAccountIds" | "trustedOrganizationArns";

const docsUrl = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html";

// arn:<partition>:organizations::<management account>:ou/<organization id>/<ou id>
const organizationalUnitArn = /^arn:(aws[a-z-]*):organizations::([0-9]{12}):ou\/(o-[a-z0-9]+)\/ou-[a-z0-9-]+$/;

/** The ARN of the organization an OU ARN belongs to, or undefined when it is not an OU ARN. */
function organizationOf(ouArn: string): string | undefined {
    const match = organizationalUnitArn.exec(ouArn);
    return match ? `arn:${match[1]}:organizations::${match[2]}:organization/${match[3]}` : undefined;
}

/**
 * A grantee field must name a trusted principal. Omitted means no share through that field; a set
 * value that is not a string cannot be matched and counts as untrusted. The value is never printed.
 */
function requireTrusted(
    props: unknown, key: string, isTrusted: (value: string) => boolean, problem: string, fix: string,
): Finding[] {
    const value = asString(prop(props, key));
    if (isUnknown(value)) {
        return [deferred(key)];
    }
    if (value === undefined ? !isSet(props, key) : isTrusted(value.trim())) {
        return [];
    }
    return [violation(key, problem, fix)];
}

export const imagesNotPublic = defineRule({
    id: "aws-images-not-public",
    cloud: "aws",
    title: "Machine images are never shared publicly or with untrusted accounts",
    category: "exposure",
    severity: "critical",
    defaultLevel: "mandatory",
    rationale:
        "An AMI holds full copies of its volumes: whoever may launch it can read every file, key and record on them. " +
        "A launch permission for the group \"all\" makes the image public to every AWS account, and a share with an account, " +
        "organization or OU outside the company's control hands the data to that party. " +
        "AMI block public access is the regional guardrail that stops new public sharing; note that deleting the " +
        "aws.ec2.ImageBlockPublicAccess resource does not revert the setting.",
    remediation:
        "Remove `group: \"all\"` from `aws.ec2.AmiLaunchPermission` and share with named principals instead: `accountId` " +
        "listed in `trustedAccountIds`, or `organizationArn` / `organizationalUnitArn` listed in `trustedOrganizationArns` " +
        "(an OU counts as trusted when its organization is listed). Set `state: \"block-new-sharing\"` on " +
        "`aws.ec2.ImageBlockPublicAccess` in every region. Both trust lists are empty by default, so every cross-account " +
        "share is blocked until the platform team lists the principal in the policy config.",
    docsUrl,
    controls: {
        checkov: ["CKV_AWS_205"],
        kics: ["ba4e0031-3e9d-4d7d-b0d6-bd8f003f8698"],
        prowler: ["ec2_ami_public", "ec2_ami_account_block_public_access"],
    },
    config: ["trustedAccountIds", "trustedOrganizationArns"],
    targets: [
        on<AmiLaunchPermissionArgs, Knobs>("aws:ec2/amiLaunchPermission:AmiLaunchPermission", (props, { config }) => {
            const findings: Finding[] = [];
            const group = enumIn(prop(props, "group"), "all");
            if (isUnknown(group)) {
                findings.push(deferred("group"));
            } else if (group === true) {
                findings.push(violation("group", "AMI is public (group \"all\" lets every AWS account launch it)",
                    "remove `group: \"all\"` from the aws.ec2.AmiLaunchPermission and share with an accountId listed in trustedAccountIds instead"));
            }
            const accounts = new Set(config.trustedAccountIds);
            findings.push(...requireTrusted(props, "accountId", (id) => accounts.has(id),
                "AMI shared with an account that is not in trustedAccountIds",
                "remove the aws.ec2.AmiLaunchPermission or add the account to trustedAccountIds in the policy config"));
            const organizations = new Set(config.trustedOrganizationArns);
            findings.push(...requireTrusted(props, "organizationArn", (arn) => organizations.has(arn),
                "AMI shared with an AWS organization that is not in trustedOrganizationArns",
                "remove the aws.ec2.AmiLaunchPermission or add the organization ARN to trustedOrganizationArns in the policy config"));
            findings.push(...requireTrusted(props, "organizationalUnitArn",
                (arn) => organizations.has(arn) || organizations.has(organizationOf(arn) ?? ""),
                "AMI shared with an organizational unit that is not in trustedOrganizationArns",
                "remove the aws.ec2.AmiLaunchPermission or add the OU ARN (or its organization's ARN) to trustedOrganizationArns in the policy config"));
            return findings;
        }),

        on<ImageBlockPublicAccessArgs, Knobs>("aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", (props) => {
            const state = prop(props, "state");
            const blocked = enumIn(state, "block-new-sharing");
            if (isUnknown(blocked)) {
                return [deferred("state")];
            }
            if (blocked === true) {
                return [];
            }
            const problem = enumIn(state, "unblocked") === true
                ? "AMI block public access is turned off (state \"unblocked\")"
                : isSet(props, "state")
                    ? "AMI block public access is not turned on (state is not \"block-new-sharing\")"
                    : "AMI block public access is not set (state omitted)";
            return [violation("state", problem,
                "set `state: \"block-new-sharing\"` on the aws.ec2.ImageBlockPublicAccess (existing public AMIs stay public; make them private too)")];
        }),
    ],
});
