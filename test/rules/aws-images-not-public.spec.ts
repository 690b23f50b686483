import { imagesNotPublic } from "../../policies/aws/images-not-public";
import { describeFix, describeRule, secret, UNKNOWN } from "../harness";

const trusted = "111122223333";
const stranger = "999988887777";
const org = "arn:aws:organizations::111122223333:organization/o-abcdef1234";
const ou = "arn:aws:organizations::111122223333:ou/o-abcdef1234/ou-ab12-cdef3456";
const otherOrg = "arn:aws:organizations::444455556666:organization/o-zyxwvu9876";
const otherOu = "arn:aws:organizations::444455556666:ou/o-zyxwvu9876/ou-zy98-xwvu7654";
const exempt = { exemptions: [{ resource: "subject", reason: "vendor appliance image", expires: "2999-01-01" }] };
const expired = { exemptions: [{ resource: "subject", reason: "vendor appliance image", expires: "2020-01-01" }] };

describeRule(imagesNotPublic, "aws:ec2/amiLaunchPermission:AmiLaunchPermission", [
    { name: "shared with a trusted account", props: { imageId: "ami-1", accountId: trusted }, config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "group omitted, shared with a trusted account", props: { imageId: "ami-1", accountId: trusted }, config: { trustedAccountIds: [stranger, trusted] }, expect: "pass" },
    { name: "every grantee omitted: nothing is shared", props: { imageId: "ami-1" }, expect: "pass" },
    { name: "public: group \"all\"", props: { imageId: "ami-1", group: "all" }, expect: "fail", paths: ["group"], message: /AMI is public .*group "all".* at group; remove `group: "all"`/ },
    { name: "public: group \"ALL\" in upper case", props: { imageId: "ami-1", group: "ALL" }, expect: "fail", paths: ["group"] },
    { name: "public even when accounts are trusted", props: { imageId: "ami-1", group: "all" }, config: { trustedAccountIds: [trusted] }, expect: "fail", paths: ["group"] },
    { name: "shared with an account while no account is trusted (default)", props: { imageId: "ami-1", accountId: trusted }, expect: "fail", paths: ["accountId"], message: /not in trustedAccountIds at accountId; .*add the account to trustedAccountIds in the policy config/ },
    { name: "shared with an account outside the trusted list", props: { imageId: "ami-1", accountId: stranger }, config: { trustedAccountIds: [trusted] }, expect: "fail", paths: ["accountId"] },
    { name: "untrusted account id is never printed", props: { imageId: "ami-1", accountId: stranger }, expect: "fail", message: /^(?![\s\S]*999988887777)/ },
    { name: "secret account id that is trusted", props: { imageId: "ami-1", accountId: secret(trusted) }, config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "secret account id that is not trusted", props: { imageId: "ami-1", accountId: secret(stranger) }, expect: "fail", paths: ["accountId"] },
    { name: "shared with a trusted organization", props: { imageId: "ami-1", organizationArn: org }, config: { trustedOrganizationArns: [org] }, expect: "pass" },
    { name: "shared with an untrusted organization", props: { imageId: "ami-1", organizationArn: otherOrg }, config: { trustedOrganizationArns: [org] }, expect: "fail", paths: ["organizationArn"], message: /not in trustedOrganizationArns at organizationArn/ },
    { name: "shared with an organization while none is trusted (default)", props: { imageId: "ami-1", organizationArn: org }, expect: "fail", paths: ["organizationArn"] },
    { name: "organization trusted by one of its OUs only", props: { imageId: "ami-1", organizationArn: org }, config: { trustedOrganizationArns: [ou] }, expect: "fail", paths: ["organizationArn"] },
    { name: "shared with a trusted OU", props: { imageId: "ami-1", organizationalUnitArn: ou }, config: { trustedOrganizationArns: [ou] }, expect: "pass" },
    { name: "shared with an OU of a trusted organization", props: { imageId: "ami-1", organizationalUnitArn: ou }, config: { trustedOrganizationArns: [org] }, expect: "pass" },
    { name: "shared with an OU of an untrusted organization", props: { imageId: "ami-1", organizationalUnitArn: otherOu }, config: { trustedOrganizationArns: [org] }, expect: "fail", paths: ["organizationalUnitArn"] },
    { name: "trusting accounts does not trust organizations", props: { imageId: "ami-1", organizationArn: org }, config: { trustedAccountIds: [trusted] }, expect: "fail", paths: ["organizationArn"] },
    { name: "account id unknown during preview", props: { imageId: "ami-1", accountId: UNKNOWN }, expect: "defer", message: /accountId is unknown/ },
    { name: "group unknown during preview", props: { imageId: "ami-1", group: UNKNOWN }, expect: "defer" },
    { name: "organization ARN unknown during preview", props: { imageId: "ami-1", organizationArn: UNKNOWN }, config: { trustedOrganizationArns: [org] }, expect: "defer" },
    { name: "image id unknown during preview does not matter", props: { imageId: UNKNOWN, accountId: trusted }, config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "unknown account does not hide a public group", props: { imageId: "ami-1", group: "all", accountId: UNKNOWN }, expect: "fail", paths: ["group"] },
    { name: "public and untrusted report separately", props: { imageId: "ami-1", group: "all", accountId: stranger }, expect: "fail", paths: ["group", "accountId"] },
    { name: "public share exempted with a reason", props: { imageId: "ami-1", group: "all" }, config: exempt, expect: "exempt", message: /vendor appliance image/ },
    { name: "exemption expired", props: { imageId: "ami-1", group: "all" }, config: expired, expect: "fail", paths: ["group"], message: /expired/ },
    { name: "exemption for another resource does not apply", props: { imageId: "ami-1", group: "all" }, config: exempt, resourceName: "other", expect: "fail", paths: ["group"] },
    { name: "invalid trusted account id in config", props: { imageId: "ami-1", accountId: trusted }, config: { trustedAccountIds: ["12"] }, expect: "fail", message: /invalid policy config: .*trustedAccountIds\[0\]/ },
    { name: "invalid trusted organization ARN in config", props: { imageId: "ami-1", organizationArn: org }, config: { trustedOrganizationArns: ["o-abcdef1234"] }, expect: "fail", message: /invalid policy config: .*trustedOrganizationArns\[0\]/ },
]);

describeRule(imagesNotPublic, "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", [
    { name: "new public sharing blocked", props: { state: "block-new-sharing" }, expect: "pass" },
    { name: "blocked, written in upper case", props: { state: "BLOCK-NEW-SHARING" }, expect: "pass" },
    { name: "blocked, trust lists do not matter", props: { state: "block-new-sharing" }, config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "guardrail unblocked", props: { state: "unblocked" }, expect: "fail", paths: ["state"], message: /turned off \(state "unblocked"\) at state; set `state: "block-new-sharing"` on the aws.ec2.ImageBlockPublicAccess/ },
    { name: "guardrail UNBLOCKED in upper case", props: { state: "UNBLOCKED" }, expect: "fail", paths: ["state"] },
    { name: "state omitted", props: { region: "eu-west-1" }, expect: "fail", paths: ["state"], message: /state omitted/ },
    { name: "unrecognised state is not echoed", props: { state: "marker-value-42" }, expect: "fail", paths: ["state"], message: /^(?![\s\S]*marker-value-42)/ },
    { name: "state unknown during preview", props: { state: UNKNOWN }, expect: "defer", message: /state is unknown/ },
    { name: "unblocked guardrail exempted with a reason", props: { state: "unblocked" }, config: exempt, expect: "exempt" },
    { name: "exemption expired", props: { state: "unblocked" }, config: expired, expect: "fail", paths: ["state"], message: /expired/ },
    { name: "invalid trusted account id in config", props: { state: "block-new-sharing" }, config: { trustedAccountIds: ["12"] }, expect: "fail", message: /invalid policy config/ },
]);

const DIST = "aws:imagebuilder/distributionConfiguration:DistributionConfiguration";
const dist = (ami: Record<string, unknown>) => ({ name: "golden", distributions: [{ region: "eu-west-1", amiDistributionConfiguration: ami }] });

describeRule(imagesNotPublic, DIST, [
    { name: "distributed to a trusted account", props: dist({ launchPermission: { userIds: [trusted] }, targetAccountIds: [trusted] }), config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "launch permission omitted: images stay private", props: dist({ name: "img-{{ imagebuilder:buildDate }}" }), expect: "pass" },
    { name: "amiDistributionConfiguration omitted (container distribution)", props: { distributions: [{ region: "eu-west-1", containerDistributionConfiguration: { targetRepository: { repositoryName: "r", service: "ECR" } } }] }, expect: "pass" },
    { name: "public: userGroups contains \"all\"", props: dist({ launchPermission: { userGroups: ["all"] } }), expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.launchPermission.userGroups[0]"], message: /public \(user group "all"\)/ },
    { name: "public: \"ALL\" in upper case, in the second distribution", props: { distributions: [{ region: "eu-west-1" }, { region: "us-east-1", amiDistributionConfiguration: { launchPermission: { userGroups: ["ALL"] } } }] }, expect: "fail", paths: ["distributions[1].amiDistributionConfiguration.launchPermission.userGroups[0]"] },
    { name: "untrusted user id and target account", props: dist({ launchPermission: { userIds: [trusted, stranger] }, targetAccountIds: [stranger] }), config: { trustedAccountIds: [trusted] }, expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.targetAccountIds[0]", "distributions[0].amiDistributionConfiguration.launchPermission.userIds[1]"] },
    { name: "untrusted organization and OU", props: dist({ launchPermission: { organizationArns: [otherOrg], organizationalUnitArns: [otherOu] } }), config: { trustedOrganizationArns: [org] }, expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.launchPermission.organizationArns[0]", "distributions[0].amiDistributionConfiguration.launchPermission.organizationalUnitArns[0]"] },
    { name: "OU of a trusted organization", props: dist({ launchPermission: { organizationalUnitArns: [ou] } }), config: { trustedOrganizationArns: [org] }, expect: "pass" },
    { name: "account id never printed", props: dist({ launchPermission: { userIds: [stranger] } }), expect: "fail", message: /^(?![\s\S]*999988887777)/ },
    { name: "user ids unknown during preview", props: dist({ launchPermission: { userIds: UNKNOWN } }), expect: "defer", message: /userIds is unknown/ },
    { name: "one user id unknown during preview", props: dist({ launchPermission: { userIds: [UNKNOWN] } }), config: { trustedAccountIds: [trusted] }, expect: "defer" },
    { name: "distributions unknown during preview", props: { distributions: UNKNOWN }, expect: "defer" },
    { name: "unknown user ids do not hide a public group", props: dist({ launchPermission: { userIds: UNKNOWN, userGroups: ["all"] } }), expect: "fail", paths: ["distributions[0].amiDistributionConfiguration.launchPermission.userGroups[0]"] },
    { name: "public distribution exempted", props: dist({ launchPermission: { userGroups: ["all"] } }), config: exempt, expect: "exempt" },
    { name: "invalid trusted account id in config", props: dist({}), config: { trustedAccountIds: ["x"] }, expect: "fail", message: /invalid policy config/ },
]);

// ---- Remediation -------------------------------------------------------------------------------

describeFix(imagesNotPublic, "aws:ec2/imageBlockPublicAccess:ImageBlockPublicAccess", [
    { name: "unblocked becomes block-new-sharing", props: { state: "unblocked" }, expect: "fixed", fixed: { state: "block-new-sharing" } },
    { name: "state omitted is set", props: { region: "eu-west-1" }, expect: "fixed", fixed: { region: "eu-west-1", state: "block-new-sharing" } },
    { name: "compliant: nothing changes", props: { state: "BLOCK-NEW-SHARING" }, expect: "unchanged" },
    { name: "state unknown: nothing changes", props: { state: UNKNOWN }, expect: "unchanged" },
    { name: "exempted: nothing changes", props: { state: "unblocked" }, config: exempt, expect: "unchanged" },
]);
describeFix(imagesNotPublic, DIST, [
    { name: "\"all\" dropped from userGroups, other settings kept", props: dist({ name: "img", launchPermission: { userGroups: ["all"], userIds: [trusted] } }), config: { trustedAccountIds: [trusted] }, expect: "fixed",
        fixed: dist({ name: "img", launchPermission: { userGroups: [], userIds: [trusted] } }) },
    { name: "\"ALL\" in the second distribution; the first has none", props: { distributions: [{ region: "eu-west-1" }, { region: "us-east-1", amiDistributionConfiguration: { launchPermission: { userGroups: ["ALL"] } } }] }, expect: "fixed",
        fixed: { distributions: [{ region: "eu-west-1" }, { region: "us-east-1", amiDistributionConfiguration: { launchPermission: { userGroups: [] } } }] } },
    { name: "untrusted account left to the owner: the rule still reports", props: dist({ launchPermission: { userGroups: ["all"], userIds: [stranger] } }), expect: "partial",
        fixed: dist({ launchPermission: { userGroups: [], userIds: [stranger] } }) },
    { name: "untrusted account only: nothing to fix", props: dist({ launchPermission: { userIds: [stranger] } }), expect: "unchanged" },
    { name: "distributions unknown: nothing changes", props: { distributions: UNKNOWN }, expect: "unchanged" },
]);

// ---- aws-native: CloudFormation names the launch permission `launchPermissionConfiguration` ----

const NATIVE_DIST = "aws-native:imagebuilder:DistributionConfiguration";
const nativePermission = "distributions[0].amiDistributionConfiguration.launchPermissionConfiguration";

describeRule(imagesNotPublic, NATIVE_DIST, [
    { name: "shared with a trusted account", props: dist({ launchPermissionConfiguration: { userIds: [trusted] }, targetAccountIds: [trusted] }), config: { trustedAccountIds: [trusted] }, expect: "pass" },
    { name: "launch permission omitted: images stay private", props: dist({ name: "img-{{ imagebuilder:buildDate }}" }), expect: "pass" },
    { name: "public: userGroups contains \"all\"", props: dist({ launchPermissionConfiguration: { userGroups: ["all"] } }), expect: "fail", paths: [`${nativePermission}.userGroups[0]`],
        message: /public \(user group "all"\).*aws-native\.imagebuilder\.DistributionConfiguration/ },
    { name: "shared with an untrusted account", props: dist({ launchPermissionConfiguration: { userIds: ["999988887777"] } }), config: { trustedAccountIds: [trusted] }, expect: "fail", paths: [`${nativePermission}.userIds[0]`] },
    { name: "the @pulumi/aws field name is not read on aws-native", props: dist({ launchPermission: { userGroups: ["all"] } }), expect: "pass" },
    { name: "user groups unknown during preview", props: dist({ launchPermissionConfiguration: { userGroups: UNKNOWN } }), expect: "defer" },
]);

describeFix(imagesNotPublic, NATIVE_DIST, [
    { name: "drops \"all\" from the launch permission", props: dist({ launchPermissionConfiguration: { userGroups: ["all"], userIds: [trusted] } }), config: { trustedAccountIds: [trusted] }, expect: "fixed",
        fixed: dist({ launchPermissionConfiguration: { userGroups: [], userIds: [trusted] } }) },
]);
