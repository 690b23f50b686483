import { galleriesNotPublic } from "../../policies/azure/galleries-not-public";
import { describeRule, UNKNOWN, type Row } from "../harness";

const gallery = { resourceGroupName: "rg", location: "westeurope" };
const sub = "11111111-1111-1111-1111-111111111111";
const otherSub = "22222222-2222-2222-2222-222222222222";
const tenant = "33333333-3333-3333-3333-333333333333";
const trusted = { trustedSubscriptionIds: [sub], trustedTenantIds: [tenant] };
const exempt = { exemptions: [{ resource: "subject", reason: "public marketplace images, reviewed by security", expires: "2999-01-01" }] };

/** `groups` only appears in recorded state (outputs); the SDK inputs have no field for the targets. */
function groups(...entries: Array<{ type: unknown; ids: unknown }>) {
    return { ...gallery, sharingProfile: { permissions: "Groups", groups: entries } };
}

const rows: Row[] = [
    { name: "private gallery", props: { ...gallery, sharingProfile: { permissions: "Private" } }, expect: "pass" },
    { name: "sharing profile omitted: private by default", props: { ...gallery }, expect: "pass" },
    { name: "permissions omitted: private by default", props: { ...gallery, sharingProfile: {} }, expect: "pass" },
    { name: "community gallery", props: { ...gallery, sharingProfile: { permissions: "Community", communityGalleryInfo: { publisherUri: "https://example.com" } } }, expect: "fail", paths: ["sharingProfile.permissions"], message: /community gallery, public to every Azure user.*sharingProfile.permissions` to "Private"/ },
    { name: "lower-case community", props: { ...gallery, sharingProfile: { permissions: "community" } }, expect: "fail", paths: ["sharingProfile.permissions"] },
    { name: "upper-case COMMUNITY", props: { ...gallery, sharingProfile: { permissions: "COMMUNITY" } }, expect: "fail", paths: ["sharingProfile.permissions"] },
    { name: "upper-case PRIVATE", props: { ...gallery, sharingProfile: { permissions: "PRIVATE" } }, expect: "pass" },
    { name: "permissions unknown during preview", props: { ...gallery, sharingProfile: { permissions: UNKNOWN } }, expect: "defer", paths: ["sharingProfile.permissions"] },
    { name: "sharing profile unknown during preview", props: { ...gallery, sharingProfile: UNKNOWN }, expect: "defer", paths: ["sharingProfile.permissions"] },

    // Groups sharing: blocked only for visible targets outside configured trust lists.
    { name: "groups sharing with targets not visible, no trust lists", props: { ...gallery, sharingProfile: { permissions: "Groups" } }, expect: "pass" },
    { name: "groups sharing with targets not visible, trust lists configured", props: { ...gallery, sharingProfile: { permissions: "Groups" } }, config: trusted, expect: "pass" },
    { name: "groups sharing with an untrusted subscription but no trust lists", props: groups({ type: "Subscriptions", ids: [otherSub] }), expect: "pass" },
    { name: "groups sharing with trusted subscription and tenant", props: groups({ type: "Subscriptions", ids: [sub] }, { type: "AADTenants", ids: [tenant] }), config: trusted, expect: "pass" },
    { name: "trusted ids compared case-insensitively", props: groups({ type: "subscriptions", ids: [sub.toUpperCase()] }), config: trusted, expect: "pass" },
    { name: "groups sharing with an untrusted subscription", props: groups({ type: "Subscriptions", ids: [sub, otherSub] }), config: trusted, expect: "fail", paths: ["sharingProfile.groups[0].ids[1]"], message: /subscription that is not in trustedSubscriptionIds/ },
    { name: "groups sharing with an untrusted tenant", props: groups({ type: "AADTenants", ids: [otherSub] }), config: trusted, expect: "fail", paths: ["sharingProfile.groups[0].ids[0]"], message: /tenant that is not in trustedTenantIds/ },
    { name: "tenant list configured, subscription list omitted: subscriptions not checked", props: groups({ type: "Subscriptions", ids: [otherSub] }, { type: "AADTenants", ids: [tenant] }), config: { trustedTenantIds: [tenant] }, expect: "pass" },
    { name: "lower-case groups and aadtenants", props: { ...gallery, sharingProfile: { permissions: "groups", groups: [{ type: "aadtenants", ids: [otherSub] }] } }, config: trusted, expect: "fail", paths: ["sharingProfile.groups[0].ids[0]"] },
    { name: "group ids unknown during preview", props: groups({ type: "Subscriptions", ids: UNKNOWN }), config: trusted, expect: "defer", paths: ["sharingProfile.groups[0].ids"] },
    { name: "one group id unknown, another untrusted", props: groups({ type: "Subscriptions", ids: [UNKNOWN, otherSub] }), config: trusted, expect: "fail", paths: ["sharingProfile.groups[0].ids[1]"] },

    // Policy config.
    { name: "community gallery exempted with a reason", props: { ...gallery, sharingProfile: { permissions: "Community" } }, config: exempt, expect: "exempt" },
    { name: "invalid subscription id in config", props: { ...gallery }, config: { trustedSubscriptionIds: ["not-a-guid"] }, expect: "fail", message: /invalid policy config: .*trustedSubscriptionIds\[0\]/ },
    { name: "AWS account list is not a setting of this rule", props: { ...gallery }, config: { trustedAccountIds: [] }, expect: "fail", message: /invalid policy config: .*not a setting of this rule/ },
];

describeRule(galleriesNotPublic, "azure-native:compute:Gallery", rows);
describeRule(galleriesNotPublic, "azure-native:compute/v20240303:Gallery", [
    { name: "versioned token: community gallery", props: { ...gallery, sharingProfile: { permissions: "Community" } }, expect: "fail", paths: ["sharingProfile.permissions"] },
    { name: "versioned token: private gallery", props: { ...gallery, sharingProfile: { permissions: "Private" } }, expect: "pass" },
    { name: "versioned token: permissions unknown", props: { ...gallery, sharingProfile: { permissions: UNKNOWN } }, expect: "defer" },
]);

// Classic azure provider: `sharing.permission` on azure.compute.SharedImageGallery.
const sharedGallery = { resourceGroupName: "rg", location: "westeurope" };

describeRule(galleriesNotPublic, "azure:compute/sharedImageGallery:SharedImageGallery", [
    { name: "private gallery", props: { ...sharedGallery, sharing: { permission: "Private" } }, expect: "pass" },
    { name: "sharing omitted: private", props: { ...sharedGallery }, expect: "pass" },
    { name: "shared with groups (targets are set outside the resource)", props: { ...sharedGallery, sharing: { permission: "Groups" } }, expect: "pass" },
    { name: "community gallery", props: { ...sharedGallery, sharing: { permission: "Community", communityGallery: { eula: "https://example.com/eula", prefix: "contoso", publisherEmail: "a@example.com", publisherUri: "https://example.com" } } },
        expect: "fail", paths: ["sharing.permission"], message: /community gallery, public to every Azure user.*`sharing.permission` to "Private".*azure\.compute\.SharedImageGallery/ },
    { name: "community in lower case", props: { ...sharedGallery, sharing: { permission: "community" } }, expect: "fail", paths: ["sharing.permission"] },
    { name: "permission unknown during preview", props: { ...sharedGallery, sharing: { permission: UNKNOWN } }, expect: "defer", paths: ["sharing.permission"] },
    { name: "exempted with a reason", props: { ...sharedGallery, sharing: { permission: "Community" } }, config: exempt, expect: "exempt" },
]);
