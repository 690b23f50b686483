import { gallerySharingTrusted } from "../../policies/azure/gallery-sharing-trusted";
import { describeRule, UNKNOWN } from "../harness";

const gallery = { resourceGroupName: "rg", location: "westeurope" };
const sub = "11111111-1111-1111-1111-111111111111";
const otherSub = "22222222-2222-2222-2222-222222222222";
const tenant = "33333333-3333-3333-3333-333333333333";
const trusted = { trustedSubscriptionIds: [sub], trustedTenantIds: [tenant] };
const exempt = { exemptions: [{ resource: "subject", reason: "shared with the partner tenant under contract", expires: "2999-01-01" }] };

function groups(...entries: Array<{ type: unknown; ids: unknown }>) {
    return { ...gallery, sharingProfile: { permissions: "Groups", groups: entries } };
}

const rows = [
    { name: "private gallery", props: { ...gallery, sharingProfile: { permissions: "Private" } }, expect: "pass" as const },
    { name: "sharing profile omitted", props: { ...gallery }, expect: "pass" as const },
    { name: "community gallery is the mandatory rule's finding", props: { ...gallery, sharingProfile: { permissions: "Community" } }, expect: "pass" as const },
    { name: "groups sharing with targets not shown in the program", props: { ...gallery, sharingProfile: { permissions: "Groups" } }, expect: "fail" as const, paths: ["sharingProfile.permissions"], message: /shared with groups \(permissions Groups\) whose subscriptions and tenants the program does not show/ },
    { name: "lower-case groups", props: { ...gallery, sharingProfile: { permissions: "groups" } }, expect: "fail" as const, paths: ["sharingProfile.permissions"] },
    { name: "visible targets and no trust list: counts, never ids", props: groups({ type: "Subscriptions", ids: [sub, otherSub] }, { type: "AADTenants", ids: [tenant] }), expect: "fail" as const, paths: ["sharingProfile.permissions"], message: /^(?![\s\S]*11111111)[\s\S]*2 subscriptions and 1 tenant \(permissions Groups\) that no trust list covers/ },
    { name: "all visible targets trusted", props: groups({ type: "Subscriptions", ids: [sub] }, { type: "AADTenants", ids: [tenant] }), config: trusted, expect: "pass" as const },
    { name: "tenants visible but only subscriptions configured", props: groups({ type: "AADTenants", ids: [tenant] }), config: { trustedSubscriptionIds: [sub] }, expect: "fail" as const, paths: ["sharingProfile.permissions"], message: /0 subscriptions and 1 tenant/ },
    { name: "visible untrusted subscription", props: groups({ type: "SUBSCRIPTIONS", ids: [otherSub] }), config: trusted, expect: "fail" as const, paths: ["sharingProfile.groups[0].ids[0]"] },
    { name: "permissions unknown during preview", props: { ...gallery, sharingProfile: { permissions: UNKNOWN } }, expect: "defer" as const, paths: ["sharingProfile.permissions"] },
    { name: "group type unknown during preview", props: groups({ type: UNKNOWN, ids: [sub] }), config: trusted, expect: "defer" as const, paths: ["sharingProfile.groups[0].type"] },
    { name: "groups sharing exempted with a reason", props: { ...gallery, sharingProfile: { permissions: "Groups" } }, config: exempt, expect: "exempt" as const },
    { name: "invalid tenant id in config", props: { ...gallery }, config: { trustedTenantIds: ["contoso.onmicrosoft.com"] }, expect: "fail" as const, message: /invalid policy config: .*trustedTenantIds\[0\]/ },
];

describeRule(gallerySharingTrusted, "azure-native:compute:Gallery", rows);
describeRule(gallerySharingTrusted, "azure-native:compute/v20230703:Gallery", [
    { name: "versioned token: groups sharing", props: { ...gallery, sharingProfile: { permissions: "Groups" } }, expect: "fail", paths: ["sharingProfile.permissions"] },
    { name: "versioned token: private", props: { ...gallery, sharingProfile: { permissions: "Private" } }, expect: "pass" },
]);

// Classic azure (azurerm): `sharing.permission`; the group targets never appear in the program.
describeRule(gallerySharingTrusted, "azure:compute/sharedImageGallery:SharedImageGallery", [
    { name: "private gallery", props: { resourceGroupName: "rg", sharing: { permission: "Private" } }, expect: "pass" },
    { name: "sharing omitted (private)", props: { resourceGroupName: "rg" }, expect: "pass" },
    { name: "community gallery is the mandatory rule's finding", props: { resourceGroupName: "rg", sharing: { permission: "Community" } }, expect: "pass" },
    { name: "shared with groups", props: { resourceGroupName: "rg", sharing: { permission: "Groups" } }, config: trusted, expect: "fail", paths: ["sharing.permission"], message: /whose subscriptions and tenants the program does not show.*azure\.compute\.SharedImageGallery/ },
    { name: "permission unknown during preview", props: { resourceGroupName: "rg", sharing: { permission: UNKNOWN } }, expect: "defer" },
    { name: "group sharing exempted", props: { resourceGroupName: "rg", sharing: { permission: "Groups" } }, config: exempt, expect: "exempt" },
]);
