// Insecure on purpose: every resource below is something snapshot-guard blocks.
// `snapshot-guard scan examples/aws-insecure` lists the findings; expected-findings.json holds them.
import * as aws from "@pulumi/aws";

const goldenImageId = "ami-0123456789abcdef0";

// Exposure: an AMI anyone can launch, and a share with an account nobody vetted.
new aws.ec2.AmiLaunchPermission("golden-public", { imageId: goldenImageId, group: "all" });
new aws.ec2.AmiLaunchPermission("golden-partner", { imageId: goldenImageId, accountId: "999988887777" });

// Exposure: the regional guardrail against public AMIs is switched off.
new aws.ec2.ImageBlockPublicAccess("ami-guardrail", { state: "unblocked" });

// Encryption: a data volume, an instance root volume and a launch template without encryption.
new aws.ebs.Volume("orders-data", { availabilityZone: "eu-west-1a", size: 100 });
new aws.ec2.Instance("worker", {
    ami: goldenImageId,
    instanceType: "t3.micro",
    ebsBlockDevices: [{ deviceName: "/dev/sdf", volumeSize: 50, encrypted: false }],
});
new aws.ec2.LaunchTemplate("worker-template", {
    imageId: goldenImageId,
    blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { volumeSize: 20, encrypted: "false" } }],
});

// Lifecycle: a database whose automated backups are switched off.
new aws.rds.Instance("orders-db", {
    engine: "postgres",
    instanceClass: "db.t4g.micro",
    allocatedStorage: 20,
    username: "app",
    manageMasterUserPassword: true,
    backupRetentionPeriod: 0,
    skipFinalSnapshot: true,
});
