import type { AmiLaunchPermissionArgs, ImageBlockPublicAccessArgs } from "@pulumi/aws/ec2";
import type { DistributionConfigurationArgs } from "@pulumi/aws/imagebuilder";
import type { DistributionConfigurationArgs as NativeDistributionConfigurationArgs } from "@pulumi/aws-native/imagebuilder";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { applyEdits, assign, at, eachElement, updateIn, without } from "../../core/fix";
import { asString, enumIn, isSet, isUnknown, prop } from "../../core/values";
import { accountTrust, eachItem, objectAt, organizationTrust, requireBlockingState, requireTrustedList } from "./lib/checks";

type Knobs = "trustedAccountIds" | "trustedOrganizationArns";

const docsUrl = "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/block-public-access-to-amis.html";

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

/**
 * Image Builder distributions: target accounts and launch permissions. `permissionKey` is where the
 * SDK puts the launch permission (`launchPermission` in @pulumi/aws, `launchPermissionConfiguration`
 * in aws-native, as in CloudFormation).
 */
function checkDistributions(props: unknown, config: { trustedAccountIds: string[]; trustedOrganizationArns: string[] }, permissionKey: string, resource: string): Finding[] {
    const findings: Finding[] = [];
    const accounts = accountTrust(config.trustedAccountIds);
    const organizations = organizationTrust(config.trustedOrganizationArns);
    const fixAccount = `remove the account from the ${resource} or add it to trustedAccountIds in the policy config`;
    const fixOrganization = `remove the ARN from the ${resource} or add it (or its organization) to trustedOrganizationArns in the policy config`;
    eachItem(findings, props, "distributions", "", (distribution, path) => {
        const ami = objectAt(findings, distribution, "amiDistributionConfiguration", path);
        if (ami === undefined) return;
        const amiPath = `${path}.amiDistributionConfiguration`;
        requireTrustedList(findings, ami, "targetAccountIds", amiPath, {
            isTrusted: accounts, untrusted: "AMIs are copied to an account that is not in trustedAccountIds", fix: fixAccount,
        });
        const permission = objectAt(findings, ami, permissionKey, amiPath);
        if (permission === undefined) return;
        const permissionPath = `${amiPath}.${permissionKey}`;
        requireTrustedList(findings, permission, "userGroups", permissionPath, {
            isTrusted: () => false,
            untrusted: "AMIs are shared with a user group other than a named account",
            fix: "remove the entry from `userGroups` and share with accounts listed in trustedAccountIds instead",
            publicValue: {
                value: "all",
                problem: "every AMI the pipeline builds is public (user group \"all\")",
                fix: `remove "all" from \`userGroups\` on the ${resource} and share with accounts listed in trustedAccountIds instead`,
            },
        });
        requireTrustedList(findings, permission, "userIds", permissionPath, {
            isTrusted: accounts, untrusted: "AMIs are shared with an account that is not in trustedAccountIds", fix: fixAccount,
        });
        requireTrustedList(findings, permission, "organizationArns", permissionPath, {
            isTrusted: organizations, untrusted: "AMIs are shared with an AWS organization that is not in trustedOrganizationArns", fix: fixOrganization,
        });
        requireTrustedList(findings, permission, "organizationalUnitArns", permissionPath, {
            isTrusted: organizations, untrusted: "AMIs are shared with an organizational unit that is not in trustedOrganizationArns", fix: fixOrganization,
        });
    });
    return findings;
}

/** Remediation: drop the public user group "all" from every distribution's launch permission. */
function dropPublicGroup(permissionKey: string) {
    return (props: Record<string, unknown>) => applyEdits(props, at(["distributions"], eachElement((distribution) =>
        updateIn(distribution, ["amiDistributionConfiguration", permissionKey, "userGroups"],
            without((group) => typeof group === "string" && enumIn(group.trim(), "all") === true)))));
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
        "Image Builder distribution settings publish every AMI a pipeline builds, so a public or untrusted launch " +
        "permission there exposes each new image. AMI block public access is the regional guardrail that stops new public sharing; note that deleting the " +
        "aws.ec2.ImageBlockPublicAccess resource does not revert the setting.",
    remediation:
        "Remove `group: \"all\"` from `aws.ec2.AmiLaunchPermission` and share with named principals instead: `accountId` " +
        "listed in `trustedAccountIds`, or `organizationArn` / `organizationalUnitArn` listed in `trustedOrganizationArns` " +
        "(an OU counts as trusted when its organization is listed). In `aws.imagebuilder.DistributionConfiguration`, drop \"all\" from " +
        "`amiDistributionConfiguration.launchPermission.userGroups` and list only trusted principals in `userIds`, " +
        "`organizationArns`, `organizationalUnitArns` and `targetAccountIds` (`launchPermissionConfiguration` in " +
        "`aws-native.imagebuilder.DistributionConfiguration`). Set `state: \"block-new-sharing\"` on " +
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
            findings.push(...requireTrusted(props, "accountId", accountTrust(config.trustedAccountIds),
                "AMI shared with an account that is not in trustedAccountIds",
                "remove the aws.ec2.AmiLaunchPermission or add the account to trustedAccountIds in the policy config"));
            // An organization ARN is never an OU ARN, so organizationTrust matches it exactly.
            const organizations = organizationTrust(config.trustedOrganizationArns);
            findings.push(...requireTrusted(props, "organizationArn", organizations,
                "AMI shared with an AWS organization that is not in trustedOrganizationArns",
                "remove the aws.ec2.AmiLaunchPermission or add the organization ARN to trustedOrganizationArns in the policy config"));
            findings.push(...requireTrusted(props, "organizationalUnitArn", organizations,
                "AMI shared with an organizational unit that is not in trustedOrganizationArns",
                "remove the aws.ec2.AmiLaunchPermission or add the OU ARN (or its organization's ARN) to trustedOrganizationArns in the policy config"));
            return findings;
        }),

        on<ImageBlockPublicAccessArgs, Knobs>("aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", (props) =>
            requireBlockingState(props, "AMI block public access", ["block-new-sharing"],
                "set `state: \"block-new-sharing\"` on the aws.ec2.ImageBlockPublicAccess (existing public AMIs stay public; make them private too)"),
        (props) => applyEdits(props, at(["state"], assign("block-new-sharing", (current) => enumIn(current, "block-new-sharing") === true)))),

        on<DistributionConfigurationArgs, Knobs>("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", (props, { config }) =>
            checkDistributions(props, config, "launchPermission", "aws.imagebuilder.DistributionConfiguration"), dropPublicGroup("launchPermission")),
        on<NativeDistributionConfigurationArgs, Knobs>("aws-native:imagebuilder:DistributionConfiguration", (props, { config }) =>
            checkDistributions(props, config, "launchPermissionConfiguration", "aws-native.imagebuilder.DistributionConfiguration"),
        dropPublicGroup("launchPermissionConfiguration")),
    ],
});
