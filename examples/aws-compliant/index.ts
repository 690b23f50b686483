// The aws-insecure resources, fixed. `snapshot-guard scan examples/aws-compliant
// --policy-pack-config examples/aws-compliant/policy-config.json` reports nothing.
import * as aws from "@pulumi/aws";

const goldenImageId = "ami-0123456789abcdef0";

// Exposure: share only with an account listed in trustedAccountIds (policy-config.json).
new aws.ec2.AmiLaunchPermission("golden-partner", { imageId: goldenImageId, accountId: "111122223333" });
new aws.ec2.ImageBlockPublicAccess("ami-guardrail", { state: "block-new-sharing" });

// Encryption: every volume encrypted, on a customer-managed key.
const key = new aws.kms.Key("volumes", { description: "EBS volumes", enableKeyRotation: true });
new aws.ebs.Volume("orders-data", { availabilityZone: "eu-west-1a", size: 100, encrypted: true, kmsKeyId: key.arn });
new aws.ec2.Instance("worker", {
    ami: goldenImageId,
    instanceType: "t3.micro",
    rootBlockDevice: { encrypted: true, kmsKeyId: key.arn },
    ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50, encrypted: true, kmsKeyId: key.arn }],
});
new aws.ec2.LaunchTemplate("worker-template", {
    imageId: goldenImageId,
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "true", kmsKeyId: key.arn } }],
});

// Lifecycle: two weeks of automated backups.
new aws.rds.Instance("orders-db", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    storageEncrypted: true,
    kmsKeyId: key.arn,
    backupRetentionPeriod: 14,
    skipFinalSnapshot: false,
    finalSnapshotIdentifier: "orders-db-final",
});
