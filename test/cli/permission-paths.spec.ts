// Issue 14 ("permissions that expose snapshots without touching a snapshot"): a stack that leaks an
// image or backups only through a key policy, a backup copy, a RAM share or project IAM is blocked
// by `scan` (exit 1, a mandatory finding on the resource that opens the path).
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { cli, tempDir } from "./helpers";

const own = "111122223333";
const partner = "999988887777";

interface Deployed {
    type: string;
    name: string;
    outputs: Record<string, unknown>;
    dependencies?: string[];
}

const urn = (type: string, name: string) => `urn:pulumi:prod::images::${type}::${name}`;

/** A `pulumi stack export` of the given resources (outputs double as inputs), written to a temp file. */
function exportOf(resources: Deployed[]): string {
    const deployment = {
        version: 3,
        deployment: {
            manifest: { time: "2026-12-01T10:00:00.000Z", magic: "", version: "v3.204.0" },
            resources: [
                { urn: urn("pulumi:pulumi:Stack", "images-prod"), custom: false, type: "pulumi:pulumi:Stack", outputs: {} },
                ...resources.map((resource) => ({
                    urn: urn(resource.type, resource.name), custom: true, type: resource.type,
                    id: String(resource.outputs.id ?? resource.name), inputs: resource.outputs, outputs: resource.outputs,
                    dependencies: (resource.dependencies ?? []).map((name) => urn(resources.find((other) => other.name === name)!.type, name)),
                })),
            ],
        },
    };
    const file = path.join(tempDir(), "stack.json");
    fs.writeFileSync(file, JSON.stringify(deployment));
    return file;
}

/** Trust the stack's own account everywhere, so only the partner paths are findings. */
function ownAccountConfig(): string {
    const config = Object.fromEntries([
        "aws-images-not-public", "aws-backup-copies-trusted", "aws-data-keys-not-shared", "aws-kms-keys-not-shared", "aws-ram-image-shares-trusted",
    ].map((rule) => [rule, { trustedAccountIds: [own] }]));
    const file = path.join(tempDir(), "config.json");
    fs.writeFileSync(file, JSON.stringify(config));
    return file;
}

function mandatory(file: string): Array<{ policy: string; name: string; message: string }> {
    const run = cli(["scan", file, "--format", "json", "--policy-pack-config", ownAccountConfig()]);
    assert.strictEqual(run.status, 1, `scan should block (exit 1): ${run.stderr}${run.stdout}`);
    return (JSON.parse(run.stdout).findings as Array<{ policy: string; name: string; level: string; message: string }>)
        .filter((finding) => finding.level === "mandatory");
}

const keyArn = `arn:aws:kms:eu-west-1:${own}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const keyPolicy = (partnerDecrypts: boolean) => JSON.stringify({
    Version: "2012-10-17",
    Statement: [
        { Effect: "Allow", Principal: { AWS: `arn:aws:iam::${own}:root` }, Action: "kms:*", Resource: "*" },
        ...(partnerDecrypts ? [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${partner}:root` }, Action: ["kms:Decrypt", "kms:CreateGrant"], Resource: "*" }] : []),
    ],
});
const encryptedAmi = (partnerDecrypts: boolean): Deployed[] => [
    { type: "aws:kms/key:Key", name: "golden-key", outputs: { id: "1234abcd-12ab-34cd-56ef-1234567890ab", keyId: "1234abcd-12ab-34cd-56ef-1234567890ab", arn: keyArn, policy: keyPolicy(partnerDecrypts) } },
    { type: "aws:ec2/amiCopy:AmiCopy", name: "golden", dependencies: ["golden-key"], outputs: { id: "ami-0123456789abcdef0", sourceAmiId: "ami-0fedcba9876543210", sourceAmiRegion: "eu-west-1", encrypted: true, kmsKeyId: keyArn, deprecationTime: "2099-01-01T00:00:00Z" } },
    { type: "aws:ec2/amiLaunchPermission:AmiLaunchPermission", name: "golden-own", dependencies: ["golden"], outputs: { imageId: "ami-0123456789abcdef0", accountId: own } },
];

describe("cli: scan blocks data leaking through permissions", function () {
    this.timeout(180_000);

    it("an encrypted AMI whose key policy lets an untrusted account decrypt", () => {
        const found = mandatory(exportOf(encryptedAmi(true)));
        assert.deepStrictEqual(found.map((finding) => `${finding.policy} ${finding.name}`), ["aws-data-keys-not-shared golden-key"]);
        assert.match(found[0].message, /not in trustedAccountIds decrypt with this key at policy\.Statement\[1\]\.Principal;/, found[0].message);
        assert.ok(!found[0].message.includes(partner), "the account id is not printed");
    });

    it("the same AMI under a key only its own account may use passes", () => {
        const run = cli(["scan", exportOf(encryptedAmi(false)), "--format", "json", "--policy-pack-config", ownAccountConfig()]);
        const blocking = (JSON.parse(run.stdout).findings as Array<{ policy: string; level: string }>)
            .filter((finding) => finding.level === "mandatory" && ["aws-data-keys-not-shared", "aws-images-not-public"].includes(finding.policy));
        assert.deepStrictEqual(blocking, []);
    });

    it("a backup plan that copies recovery points into an untrusted account", () => {
        const found = mandatory(exportOf([
            { type: "aws:backup/plan:Plan", name: "daily", outputs: { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "backups", schedule: "cron(0 3 * * ? *)", lifecycle: { deleteAfter: 35 },
                copyActions: [{ destinationVaultArn: `arn:aws:backup:eu-west-1:${partner}:backup-vault:recovery`, lifecycle: { deleteAfter: 35 } }] }] } },
        ]));
        assert.deepStrictEqual(found.map((finding) => `${finding.policy} ${finding.name}`), ["aws-backup-copies-trusted daily"]);
    });

    it("an Image Builder image shared through RAM with an untrusted account", () => {
        const shareArn = `arn:aws:ram:eu-west-1:${own}:resource-share/0a1b2c3d`;
        const found = mandatory(exportOf([
            { type: "aws:ram/resourceShare:ResourceShare", name: "images", outputs: { id: shareArn, arn: shareArn, name: "images", allowExternalPrincipals: true } },
            { type: "aws:ram/resourceAssociation:ResourceAssociation", name: "golden-image", dependencies: ["images"], outputs: { resourceArn: `arn:aws:imagebuilder:eu-west-1:${own}:image/golden/1.0.0/1`, resourceShareArn: shareArn } },
            { type: "aws:ram/principalAssociation:PrincipalAssociation", name: "partner", dependencies: ["images"], outputs: { principal: partner, resourceShareArn: shareArn } },
        ]));
        assert.deepStrictEqual(found.map((finding) => `${finding.policy} ${finding.name}`), ["aws-ram-image-shares-trusted partner"]);
    });

    it("allAuthenticatedUsers granted roles/compute.imageUser on the project", () => {
        const found = mandatory(exportOf([
            { type: "gcp:projects/iAMMember:IAMMember", name: "image-users", outputs: { id: "acme-images/roles/compute.imageUser/allAuthenticatedUsers", project: "acme-images", role: "roles/compute.imageUser", member: "allAuthenticatedUsers" } },
        ]));
        assert.deepStrictEqual(found.map((finding) => `${finding.policy} ${finding.name}`), ["gcp-project-iam-not-public image-users"]);
        assert.match(found[0].message, /allAuthenticatedUsers .* at member;/);
    });
});
