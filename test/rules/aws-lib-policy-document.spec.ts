import * as assert from "assert";
import { allows, coversAllResources, grantedActions, hasCondition, principalReach, readPolicyDocument } from "../../policies/aws/lib/policy-document";
import { UNKNOWN } from "../../core/values";

const sharing = ["ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute", "rds:ModifyDBSnapshotAttribute"];

describe("aws lib: policy documents", () => {
    it("reads statements from a JSON string, an object, a single statement, and fails closed on junk", () => {
        assert.deepStrictEqual(readPolicyDocument(JSON.stringify({ Statement: [{ Effect: "Allow" }] })), { kind: "statements", statements: [{ Effect: "Allow" }] });
        assert.deepStrictEqual(readPolicyDocument({ Statement: { Effect: "Deny" } }), { kind: "statements", statements: [{ Effect: "Deny" }] });
        assert.deepStrictEqual(readPolicyDocument(UNKNOWN), { kind: "unknown" });
        assert.deepStrictEqual(readPolicyDocument("{not json"), { kind: "invalid" });
        assert.deepStrictEqual(readPolicyDocument("[1]"), { kind: "invalid" });
        assert.deepStrictEqual(readPolicyDocument(undefined), { kind: "invalid" });
        assert.deepStrictEqual(readPolicyDocument({ Statement: UNKNOWN }), { kind: "statements", statements: UNKNOWN });
    });

    it("reads the effect in any case, and an unknown effect as unknown", () => {
        assert.strictEqual(allows({ Effect: "allow" }), true);
        assert.strictEqual(allows({ Effect: "Deny" }), false);
        assert.strictEqual(allows({}), false);
        assert.strictEqual(allows({ Effect: UNKNOWN }), UNKNOWN);
        assert.strictEqual(allows(UNKNOWN), UNKNOWN);
    });

    const granted: Array<[string, unknown, string[]]> = [
        ["a single action", { Action: "ec2:ModifyImageAttribute" }, ["ec2:ModifyImageAttribute"]],
        ["actions in another case", { Action: ["EC2:modifyimageattribute"] }, ["ec2:ModifyImageAttribute"]],
        ["a service wildcard", { Action: "ec2:Modify*" }, ["ec2:ModifySnapshotAttribute", "ec2:ModifyImageAttribute"]],
        ["a ? wildcard", { Action: "rds:ModifyDBSnapshotAttribut?" }, ["rds:ModifyDBSnapshotAttribute"]],
        ["everything", { Action: "*" }, sharing],
        ["an unrelated action", { Action: ["ec2:DescribeImages", "s3:*"] }, []],
        ["NotAction excluding one of them", { NotAction: ["ec2:ModifyImageAttribute"] }, ["ec2:ModifySnapshotAttribute", "rds:ModifyDBSnapshotAttribute"]],
        ["NotAction excluding a whole service", { NotAction: "ec2:*" }, ["rds:ModifyDBSnapshotAttribute"]],
        ["neither Action nor NotAction", {}, []],
    ];
    for (const [name, statement, expected] of granted) {
        it(`matches wanted actions: ${name}`, () => {
            assert.deepStrictEqual(grantedActions(statement, sharing), expected);
        });
    }

    it("treats an unknown action list or entry as unknown", () => {
        assert.strictEqual(grantedActions({ Action: UNKNOWN }, sharing), UNKNOWN);
        assert.strictEqual(grantedActions({ Action: ["ec2:DescribeImages", UNKNOWN] }, sharing), UNKNOWN);
        assert.strictEqual(grantedActions({ NotAction: UNKNOWN }, sharing), UNKNOWN);
    });

    it("knows when a statement covers every resource and when it carries a condition", () => {
        assert.strictEqual(coversAllResources({ Resource: "*" }), true);
        assert.strictEqual(coversAllResources({ Resource: ["arn:aws:ec2:*:*:image/ami-1", "*"] }), true);
        assert.strictEqual(coversAllResources({ NotResource: "arn:aws:ec2:*:*:image/ami-1" }), true);
        assert.strictEqual(coversAllResources({ Resource: "arn:aws:ec2:*:*:image/ami-1" }), false);
        assert.strictEqual(coversAllResources({ Resource: UNKNOWN }), UNKNOWN);
        assert.strictEqual(hasCondition({ Condition: { StringEquals: { "aws:ResourceTag/team": "a" } } }), true);
        assert.strictEqual(hasCondition({ Condition: {} }), false);
        assert.strictEqual(hasCondition({}), false);
        assert.strictEqual(hasCondition({ Condition: UNKNOWN }), UNKNOWN);
    });

    const trusted = "111122223333";
    const reach: Array<[string, unknown, string]> = [
        ["\"*\"", { Principal: "*" }, "public"],
        ["{AWS: \"*\"}", { Principal: { AWS: "*" } }, "public"],
        ["\"*\" in a list", { Principal: { AWS: [`arn:aws:iam::${trusted}:root`, "*"] } }, "public"],
        ["NotPrincipal with Allow", { NotPrincipal: { AWS: `arn:aws:iam::${trusted}:root` } }, "public"],
        ["\"*\" pinned by aws:PrincipalOrgID", { Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc" } } }, "trusted"],
        ["\"*\" pinned by kms:CallerAccount", { Principal: { AWS: "*" }, Condition: { StringEquals: { "kms:CallerAccount": trusted } } }, "trusted"],
        ["\"*\" with kms:ViaService only", { Principal: "*", Condition: { StringEquals: { "kms:ViaService": "ec2.eu-west-1.amazonaws.com" } } }, "public"],
        ["a trusted account root", { Principal: { AWS: `arn:aws:iam::${trusted}:root` } }, "trusted"],
        ["a trusted bare account id", { Principal: { AWS: trusted } }, "trusted"],
        ["an untrusted role", { Principal: { AWS: ["arn:aws:iam::999988887777:role/x"] } }, "untrusted"],
        ["a service", { Principal: { Service: "backup.amazonaws.com" } }, "trusted"],
    ];
    for (const [name, statement, expected] of reach) {
        it(`judges the principal: ${name}`, () => {
            assert.strictEqual(principalReach(statement, [trusted]), expected);
        });
    }

    it("treats an unknown principal, principal list or NotPrincipal as unknown", () => {
        assert.strictEqual(principalReach({ Principal: UNKNOWN }, []), UNKNOWN);
        assert.strictEqual(principalReach({ Principal: { AWS: [UNKNOWN] } }, []), UNKNOWN);
        assert.strictEqual(principalReach({ NotPrincipal: UNKNOWN }, []), UNKNOWN);
    });
});
