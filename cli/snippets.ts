// Compliant and violating snippets for `explain`, keyed by rule id. Rules without an entry fall
// back to their remediation text.

export interface Snippets {
    violating: string;
    compliant: string;
}

export const snippets: Record<string, Snippets> = {
    "aws-images-not-public": {
        violating: `new aws.ec2.AmiLaunchPermission("public", { imageId: ami.id, group: "all" });`,
        compliant: `new aws.ec2.AmiLaunchPermission("share", { imageId: ami.id, accountId: "111122223333" });
// with "trustedAccountIds": ["111122223333"] in the policy config
new aws.ec2.ImageBlockPublicAccess("guardrail", { state: "block-new-sharing" });`,
    },
    "aws-volumes-encrypted": {
        violating: `new aws.ebs.Volume("data", { availabilityZone: "eu-west-1a", size: 100 });`,
        compliant: `new aws.ebs.Volume("data", { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: key.arn });`,
    },
    "aws-db-backups-retained": {
        violating: `new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20,
    backupRetentionPeriod: 0 });`,
        compliant: `new aws.rds.Instance("db", { engine: "postgres", instanceClass: "db.t4g.micro", allocatedStorage: 20,
    backupRetentionPeriod: 14, storageEncrypted: true });`,
    },
    "azure-disks-not-exportable": {
        violating: `new azure_native.compute.Disk("data", { resourceGroupName: rg.name, diskSizeGB: 64,
    creationData: { createOption: "Empty" } });`,
        compliant: `new azure_native.compute.Disk("data", { resourceGroupName: rg.name, diskSizeGB: 64,
    creationData: { createOption: "Empty" }, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" });`,
    },
    "gcp-iam-not-public": {
        violating: `new gcp.compute.ImageIamMember("public", { image: image.name, role: "roles/compute.imageUser", member: "allUsers" });`,
        compliant: `new gcp.compute.ImageIamMember("team", { image: image.name, role: "roles/compute.imageUser",
    member: "group:platform@example.com" });
// with "trustedDomains": ["example.com"] in the policy config`,
    },
};
