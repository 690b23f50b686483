import { galleryImagesExpire } from "../../policies/azure/gallery-images-expire";
import { describeRule, UNKNOWN } from "../harness";

const image = {
    resourceGroupName: "rg", galleryName: "images", osType: "Linux", osState: "Generalized",
    identifier: { publisher: "contoso", offer: "ubuntu", sku: "22_04" },
};
const exempt = { exemptions: [{ resource: "subject", reason: "long-term base image line", expires: "2999-01-01" }] };

describeRule(galleryImagesExpire, "azure-native:compute:GalleryImage", [
    { name: "end-of-life in the future", props: { ...image, endOfLifeDate: "2028-01-01T00:00:00Z" }, expect: "pass" },
    { name: "end-of-life omitted", props: { ...image }, expect: "fail", paths: ["endOfLifeDate"], message: /image definition has no end-of-life date.*azure-native.compute.GalleryImage/ },
    { name: "end-of-life in the past", props: { ...image, endOfLifeDate: "2020-01-01" }, expect: "fail", paths: ["endOfLifeDate"], message: /has passed/ },
    { name: "end-of-life not a date", props: { ...image, endOfLifeDate: "next year" }, expect: "fail", paths: ["endOfLifeDate"], message: /not an ISO 8601 date/ },
    { name: "end-of-life unknown during preview", props: { ...image, endOfLifeDate: UNKNOWN }, expect: "defer", paths: ["endOfLifeDate"] },
    { name: "exempted with a reason", props: { ...image }, config: exempt, expect: "exempt" },
    { name: "knobs are not settings of this rule", props: { ...image }, config: { retentionTagKeys: ["x"] }, expect: "fail", message: /invalid policy config/ },
]);
describeRule(galleryImagesExpire, "azure-native:compute/v20240303:GalleryImage", [
    { name: "versioned token: end-of-life omitted", props: { ...image }, expect: "fail", paths: ["endOfLifeDate"] },
    { name: "versioned token: end-of-life set", props: { ...image, endOfLifeDate: "2028-01-01" }, expect: "pass" },
]);

const sharedImage = { resourceGroupName: "rg", galleryName: "images", location: "westeurope", osType: "Linux", identifier: { publisher: "contoso", offer: "ubuntu", sku: "22_04" } };

describeRule(galleryImagesExpire, "azure:compute/sharedImage:SharedImage", [
    { name: "end-of-life in the future", props: { ...sharedImage, endOfLifeDate: "2028-01-01T00:00:00Z" }, expect: "pass" },
    { name: "end-of-life omitted", props: { ...sharedImage }, expect: "fail", paths: ["endOfLifeDate"], message: /image definition has no end-of-life date.*azure\.compute\.SharedImage/ },
    { name: "end-of-life in the past", props: { ...sharedImage, endOfLifeDate: "2020-01-01" }, expect: "fail", paths: ["endOfLifeDate"], message: /has passed/ },
    { name: "end-of-life unknown during preview", props: { ...sharedImage, endOfLifeDate: UNKNOWN }, expect: "defer", paths: ["endOfLifeDate"] },
]);
