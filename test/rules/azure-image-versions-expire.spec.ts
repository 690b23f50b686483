import { imageVersionsExpire } from "../../policies/azure/image-versions-expire";
import { describeRule, UNKNOWN } from "../harness";

// The harness clock is 2026-06-15T12:00:00Z.
const version = { resourceGroupName: "rg", galleryName: "images", galleryImageName: "ubuntu", storageProfile: { source: { id: "/subscriptions/0000/images/base" } } };
const exempt = { exemptions: [{ resource: "subject", reason: "golden image kept until the platform migration", expires: "2999-01-01" }] };

function withEol(endOfLifeDate: unknown) {
    return { ...version, publishingProfile: { targetRegions: [{ name: "westeurope" }], endOfLifeDate } };
}

const rows = [
    { name: "end-of-life date-time in the future", props: withEol("2027-01-31T00:00:00Z"), expect: "pass" as const },
    { name: "end-of-life plain date in the future", props: withEol("2026-12-31"), expect: "pass" as const },
    { name: "end-of-life with an offset", props: withEol("2026-07-01T00:00:00+02:00"), expect: "pass" as const },
    { name: "end-of-life omitted", props: { ...version, publishingProfile: { targetRegions: [{ name: "westeurope" }] } }, expect: "fail" as const, paths: ["publishingProfile.endOfLifeDate"], message: /no end-of-life date, so nothing retires it.*publishingProfile.endOfLifeDate` to a date/ },
    { name: "publishing profile omitted", props: { ...version }, expect: "fail" as const, paths: ["publishingProfile.endOfLifeDate"] },
    { name: "end-of-life date in the past", props: withEol("2025-01-01T00:00:00Z"), expect: "fail" as const, paths: ["publishingProfile.endOfLifeDate"], message: /has passed/ },
    { name: "end-of-life not a date, never echoed", props: withEol("marker-soon"), expect: "fail" as const, paths: ["publishingProfile.endOfLifeDate"], message: /^(?![\s\S]*marker-soon)[\s\S]*not an ISO 8601 date/ },
    { name: "end-of-life not a string", props: withEol(20270131), expect: "fail" as const, paths: ["publishingProfile.endOfLifeDate"], message: /not a date/ },
    { name: "end-of-life unknown during preview", props: withEol(UNKNOWN), expect: "defer" as const, paths: ["publishingProfile.endOfLifeDate"] },
    { name: "publishing profile unknown during preview", props: { ...version, publishingProfile: UNKNOWN }, expect: "defer" as const },
    { name: "exempted with a reason", props: { ...version }, config: exempt, expect: "exempt" as const },
    { name: "retention knobs are not settings of this rule", props: withEol("2027-01-31"), config: { maxRetentionDays: 30 }, expect: "fail" as const, message: /invalid policy config/ },
];

describeRule(imageVersionsExpire, "azure-native:compute:GalleryImageVersion", rows);
describeRule(imageVersionsExpire, "azure-native:compute/v20240303:GalleryImageVersion", [
    { name: "versioned token: end-of-life omitted", props: { ...version }, expect: "fail", paths: ["publishingProfile.endOfLifeDate"] },
    { name: "versioned token: end-of-life set", props: withEol("2027-01-31T00:00:00Z"), expect: "pass" },
]);

// Classic azure provider: `endOfLifeDate` at the top level of azure.compute.SharedImageVersion.
const sharedVersion = { resourceGroupName: "rg", galleryName: "images", imageName: "ubuntu", location: "westeurope", managedImageId: "/subscriptions/0000/images/base", targetRegions: [{ name: "westeurope", regionalReplicaCount: 1 }] };

describeRule(imageVersionsExpire, "azure:compute/sharedImageVersion:SharedImageVersion", [
    { name: "end-of-life date in the future", props: { ...sharedVersion, endOfLifeDate: "2027-01-31T00:00:00Z" }, expect: "pass" },
    { name: "end-of-life omitted", props: { ...sharedVersion }, expect: "fail", paths: ["endOfLifeDate"], message: /no end-of-life date.*`endOfLifeDate` to a date .* on the azure\.compute\.SharedImageVersion/ },
    { name: "end-of-life date in the past", props: { ...sharedVersion, endOfLifeDate: "2025-01-01T00:00:00Z" }, expect: "fail", paths: ["endOfLifeDate"], message: /has passed/ },
    { name: "the azure-native publishing profile is not read on classic versions", props: { ...sharedVersion, publishingProfile: { endOfLifeDate: "2027-01-31" } }, expect: "fail", paths: ["endOfLifeDate"] },
    { name: "end-of-life unknown during preview", props: { ...sharedVersion, endOfLifeDate: UNKNOWN }, expect: "defer", paths: ["endOfLifeDate"] },
    { name: "exempted with a reason", props: { ...sharedVersion }, config: exempt, expect: "exempt" },
]);
