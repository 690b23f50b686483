import * as assert from "assert";
import { iamNotPublic } from "../../policies/gcp/iam-not-public";
import { describeFix, describeRule, evaluate, secret, UNKNOWN, type FixRow, type Row } from "../harness";

const trusted = { trustedDomains: ["example.com", "my-project.iam.gserviceaccount.com"] };
const exempt = { exemptions: [{ resource: "subject", reason: "public base image published by the platform team", expires: "2999-01-01" }] };
const condition = { title: "expires", expression: "request.time < timestamp(\"2030-01-01T00:00:00Z\")" };
const role = "roles/compute.imageUser";

function memberRows(): Row[] {
    const grant = (member: unknown, extra: Record<string, unknown> = {}) => ({ role, member, ...extra });
    return [
        { name: "granted to a named user", props: grant("user:alice@example.com"), expect: "pass" },
        { name: "granted to a service account", props: grant("serviceAccount:ci@my-project.iam.gserviceaccount.com"), expect: "pass" },
        { name: "granted to a user of another domain while trustedDomains is empty", props: grant("user:bob@partner.org"), expect: "pass" },
        { name: "public to anyone (allUsers)", props: grant("allUsers"), expect: "fail", paths: ["member"], message: /allUsers grants access to anyone on the internet/ },
        { name: "public to every Google account (allAuthenticatedUsers)", props: grant("allAuthenticatedUsers"), expect: "fail", paths: ["member"], message: /allAuthenticatedUsers/ },
        { name: "upper-case ALLUSERS", props: grant("ALLUSERS"), expect: "fail", paths: ["member"], message: /allUsers/ },
        { name: "lower-case allauthenticatedusers with spaces", props: grant(" allauthenticatedusers "), expect: "fail", paths: ["member"] },
        { name: "public with an IAM condition", props: grant("allUsers", { condition }), expect: "fail", paths: ["member"] },
        { name: "public with any role", props: { role: "roles/compute.storageAdmin", member: "allUsers" }, expect: "fail", paths: ["member"] },
        { name: "fix names the resource", props: grant("allUsers"), expect: "fail", message: /remove the gcp\.compute\.\w+IamMember/ },
        { name: "member omitted (nothing is granted)", props: { role }, expect: "pass" },
        { name: "condition omitted on a named user", props: grant("group:admins@example.com"), expect: "pass" },
        { name: "member unknown during preview", props: grant(UNKNOWN), expect: "defer", message: /member is unknown/ },
        { name: "role unknown but member public", props: { role: UNKNOWN, member: "allUsers" }, expect: "fail", paths: ["member"] },

        // trustedDomains.
        { name: "trusted domain user", props: grant("user:alice@example.com"), config: trusted, expect: "pass" },
        { name: "trusted domain in another case", props: grant("user:Alice@EXAMPLE.COM"), config: trusted, expect: "pass" },
        { name: "trusted project service account", props: grant("serviceAccount:ci@my-project.iam.gserviceaccount.com"), config: trusted, expect: "pass" },
        { name: "trusted domain principal", props: grant("domain:example.com"), config: trusted, expect: "pass" },
        { name: "user outside trustedDomains", props: grant("user:bob@partner.org"), config: trusted, expect: "fail", paths: ["member"], message: /outside trustedDomains/ },
        { name: "group outside trustedDomains", props: grant("group:ops@partner.org"), config: trusted, expect: "fail", paths: ["member"] },
        { name: "service account of another project", props: grant("serviceAccount:x@other.iam.gserviceaccount.com"), config: trusted, expect: "fail", paths: ["member"] },
        { name: "domain principal outside trustedDomains", props: grant("domain:partner.org"), config: trusted, expect: "fail", paths: ["member"] },
        { name: "subdomain of a trusted domain is not trusted", props: grant("user:carol@eu.example.com"), config: trusted, expect: "fail", paths: ["member"] },
        { name: "look-alike domain ending in a trusted domain", props: grant("user:mallory@notexample.com"), config: trusted, expect: "fail", paths: ["member"] },
        { name: "email member without a domain while trustedDomains is set", props: grant("user:alice"), config: trusted, expect: "fail", paths: ["member"], message: /without a readable domain/ },
        { name: "Workload Identity service account of a trusted pool", props: grant("serviceAccount:my-project.svc.id.goog[ci/builder]"), config: { trustedDomains: ["my-project.svc.id.goog"] }, expect: "pass" },
        { name: "Workload Identity service account of another pool", props: grant("serviceAccount:other.svc.id.goog[ci/builder]"), config: trusted, expect: "fail", paths: ["member"], message: /outside trustedDomains/ },
        { name: "project role principal is not domain-checked", props: grant("projectViewer:my-project"), config: trusted, expect: "pass" },
        { name: "public still blocked with trustedDomains", props: grant("allUsers"), config: trusted, expect: "fail", paths: ["member"], message: /allUsers/ },
        { name: "member unknown with trustedDomains", props: grant(UNKNOWN), config: trusted, expect: "defer" },

        // Policy config.
        { name: "public but exempted with a reason", props: grant("allUsers"), config: exempt, expect: "exempt" },
        { name: "exemption for another resource does not apply", props: grant("allUsers"), config: exempt, resourceName: "other", expect: "fail", paths: ["member"] },
        { name: "trustedDomains entry that is not a domain", props: grant("user:alice@example.com"), config: { trustedDomains: ["not a domain"] }, expect: "fail", message: /invalid policy config: "gcp-iam-not-public\.trustedDomains\[0\]"/ },
    ];
}

function bindingRows(): Row[] {
    const grant = (members: unknown, extra: Record<string, unknown> = {}) => ({ role, members, ...extra });
    return [
        { name: "granted to named principals", props: grant(["user:alice@example.com", "group:admins@example.com"]), expect: "pass" },
        { name: "empty members", props: grant([]), expect: "pass" },
        { name: "public among named principals", props: grant(["user:alice@example.com", "allUsers"]), expect: "fail", paths: ["members[1]"], message: /allUsers/ },
        { name: "both public principals report separately", props: grant(["allAuthenticatedUsers", "user:alice@example.com", "allUsers"]), expect: "fail", paths: ["members[0]", "members[2]"] },
        { name: "upper-case ALLUSERS", props: grant(["ALLUSERS"]), expect: "fail", paths: ["members[0]"] },
        { name: "public with an IAM condition", props: grant(["allUsers"], { condition }), expect: "fail", paths: ["members[0]"] },
        { name: "a single string instead of a list", props: grant("allUsers"), expect: "fail", paths: ["members[0]"] },
        { name: "non-string entries are ignored", props: grant([42, null, { member: "allUsers" }]), expect: "pass" },
        { name: "fix names the resource", props: grant(["allUsers"]), expect: "fail", message: /from `members` of the gcp\.compute\.\w+IamBinding/ },
        { name: "members omitted (nothing is granted)", props: { role }, expect: "pass" },
        { name: "whole member list unknown during preview", props: grant(UNKNOWN), expect: "defer", message: /members is unknown/ },
        { name: "one member unknown during preview", props: grant(["user:alice@example.com", UNKNOWN]), expect: "defer", message: /members\[1\] is unknown/ },
        { name: "unknown member does not hide a public one", props: grant([UNKNOWN, "allUsers"]), expect: "fail", paths: ["members[1]"] },

        // trustedDomains.
        { name: "all members in trusted domains", props: grant(["user:alice@example.com", "domain:Example.com", "serviceAccount:ci@my-project.iam.gserviceaccount.com"]), config: trusted, expect: "pass" },
        { name: "one member outside trustedDomains", props: grant(["user:alice@example.com", "user:bob@partner.org"]), config: trusted, expect: "fail", paths: ["members[1]"], message: /outside trustedDomains/ },
        { name: "subdomain of a trusted domain is not trusted", props: grant(["domain:eu.example.com"]), config: trusted, expect: "fail", paths: ["members[0]"] },
        { name: "federated principal is not domain-checked", props: grant(["principal://iam.googleapis.com/locations/global/workforcePools/p/subject/s"]), config: trusted, expect: "pass" },

        // Policy config.
        { name: "public but exempted with a reason", props: grant(["allUsers"]), config: exempt, expect: "exempt" },
        { name: "trustedDomains entry that is not a domain", props: grant(["user:alice@example.com"]), config: { trustedDomains: ["not a domain"] }, expect: "fail", message: /invalid policy config/ },
        { name: "trustedDomains that is not a list", props: grant(["user:alice@example.com"]), config: { trustedDomains: "example.com" }, expect: "fail", message: /invalid policy config: "gcp-iam-not-public\.trustedDomains" must be a list/ },
    ];
}

function policyRows(): Row[] {
    const policy = (bindings: unknown) => ({ policyData: JSON.stringify({ bindings }) });
    return [
        { name: "bindings with named principals", props: policy([{ role, members: ["user:alice@example.com"] }, { role: "roles/compute.viewer", members: ["group:admins@example.com"] }]), expect: "pass" },
        { name: "empty policy", props: { policyData: "{}" }, expect: "pass" },
        { name: "public in the second binding", props: policy([{ role, members: ["user:alice@example.com"] }, { role, members: ["user:bob@example.com", "allAuthenticatedUsers"] }]), expect: "fail", paths: ["policyData.bindings[1].members[1]"], message: /allAuthenticatedUsers/ },
        { name: "public in two bindings report separately", props: policy([{ role, members: ["allUsers"] }, { role: "roles/compute.viewer", members: ["allAuthenticatedUsers"] }]), expect: "fail", paths: ["policyData.bindings[0].members[0]", "policyData.bindings[1].members[0]"] },
        { name: "lower-case allusers", props: policy([{ role, members: ["allusers"] }]), expect: "fail", paths: ["policyData.bindings[0].members[0]"] },
        { name: "public with an IAM condition", props: policy([{ role, members: ["allUsers"], condition }]), expect: "fail", paths: ["policyData.bindings[0].members[0]"] },
        { name: "policyData is not valid JSON", props: { policyData: "{\"bindings\": [" }, expect: "fail", paths: ["policyData"], message: /^policyData is not valid JSON at policyData;/ },
        { name: "policyData is a JSON list", props: { policyData: "[]" }, expect: "fail", paths: ["policyData"], message: /not an IAM policy/ },
        { name: "bindings is a single object instead of a list", props: { policyData: JSON.stringify({ bindings: { role, members: ["allUsers"] } }) }, expect: "fail", paths: ["policyData.bindings[0].members[0]"] },
        { name: "members is a single string instead of a list", props: policy([{ role, members: "allUsers" }]), expect: "fail", paths: ["policyData.bindings[0].members[0]"] },
        { name: "bindings of the wrong shape grant nothing", props: policy(["allUsers", 7, { role }]), expect: "pass" },
        { name: "fix names the resource", props: policy([{ role, members: ["allUsers"] }]), expect: "fail", message: /of the gcp\.compute\.\w+IamPolicy/ },
        { name: "bindings omitted", props: { policyData: JSON.stringify({ etag: "BwX", version: 1 }) }, expect: "pass" },
        { name: "policyData omitted (nothing is granted)", props: {}, expect: "pass" },
        { name: "policyData unknown during preview", props: { policyData: UNKNOWN }, expect: "defer", message: /policyData is unknown/ },

        // trustedDomains.
        { name: "members in trusted domains", props: policy([{ role, members: ["user:alice@example.com", "domain:example.com"] }]), config: trusted, expect: "pass" },
        { name: "member outside trustedDomains", props: policy([{ role, members: ["user:alice@example.com"] }, { role, members: ["serviceAccount:x@partner.iam.gserviceaccount.com"] }]), config: trusted, expect: "fail", paths: ["policyData.bindings[1].members[0]"], message: /outside trustedDomains/ },

        // Policy config.
        { name: "public but exempted with a reason", props: policy([{ role, members: ["allUsers"] }]), config: exempt, expect: "exempt" },
        { name: "invalid JSON but exempted", props: { policyData: "not json" }, config: exempt, expect: "exempt" },
        { name: "trustedDomains entry that is not a domain", props: policy([]), config: { trustedDomains: ["not a domain"] }, expect: "fail", message: /invalid policy config/ },
    ];
}

const rowsByKind: Record<string, () => Row[]> = { Member: memberRows, Binding: bindingRows, Policy: policyRows };

for (const target of iamNotPublic.targets) {
    const kind = /Iam(Member|Binding|Policy)$/.exec(target.type)?.[1];
    if (!kind) {
        throw new Error(`${target.type}: not an IAM member, binding or policy type`);
    }
    describeRule(iamNotPublic, target.type, rowsByKind[kind]());
}

// ---- Remediation: public principals dropped from bindings and policies; members never changed.

function bindingFixRows(): FixRow[] {
    const grant = (members: unknown, extra: Record<string, unknown> = {}) => ({ role, members, ...extra });
    return [
        { name: "public principals dropped, named ones and the condition kept", props: grant(["allAuthenticatedUsers", "user:alice@example.com", "ALLUSERS"], { condition }), expect: "fixed",
            fixed: grant(["user:alice@example.com"], { condition }) },
        { name: "unknown and secret members kept", props: grant([UNKNOWN, "allUsers", secret("user:carol@example.com")]), expect: "fixed",
            fixed: grant([UNKNOWN, secret("user:carol@example.com")]) },
        { name: "secret member list stays secret", props: grant(secret(["allUsers", "user:alice@example.com"])), expect: "fixed",
            fixed: grant(secret(["user:alice@example.com"])) },
        { name: "members outside trustedDomains are left to the owner: the rule still reports", props: grant(["allUsers", "user:bob@partner.org"]), config: trusted, expect: "partial",
            fixed: grant(["user:bob@partner.org"]) },
        { name: "binding left empty cannot be fixed: unchanged, the rule still reports", props: grant(["allUsers", "allAuthenticatedUsers"]), expect: "unchanged" },
        { name: "compliant: nothing changes", props: grant(["user:alice@example.com"]), expect: "unchanged" },
        { name: "member list unknown: nothing changes", props: grant(UNKNOWN), expect: "unchanged" },
        { name: "exempted: nothing changes", props: grant(["allUsers", "user:alice@example.com"]), config: exempt, expect: "unchanged" },
    ];
}

function policyFixRows(): FixRow[] {
    const policy = (bindings: unknown) => ({ policyData: JSON.stringify({ bindings, etag: "BwX" }) });
    return [
        { name: "public principals dropped; a binding left empty is removed", props: policy([{ role, members: ["allUsers"] }, { role: "roles/compute.viewer", members: ["allAuthenticatedUsers", "user:alice@example.com"], condition }]), expect: "fixed",
            fixed: policy([{ role: "roles/compute.viewer", members: ["user:alice@example.com"], condition }]) },
        { name: "secret policy document stays secret", props: { policyData: secret(JSON.stringify({ bindings: [{ role, members: ["allUsers", "group:admins@example.com"] }] })) }, expect: "fixed",
            fixed: { policyData: secret(JSON.stringify({ bindings: [{ role, members: ["group:admins@example.com"] }] })) } },
        { name: "compliant document is not rewritten", props: { policyData: "{ \"bindings\": [ { \"role\": \"r\", \"members\": [\"user:alice@example.com\"] } ] }" }, expect: "unchanged" },
        { name: "invalid JSON cannot be fixed", props: { policyData: "{\"bindings\": [" }, expect: "unchanged" },
        { name: "policyData unknown: nothing changes", props: { policyData: UNKNOWN }, expect: "unchanged" },
    ];
}

const fixRowsByKind: Record<string, () => FixRow[]> = { Member: () => [
    { name: "an IamMember for allUsers cannot be fixed without deleting it: unchanged", props: { role, member: "allUsers" }, expect: "unchanged" },
], Binding: bindingFixRows, Policy: policyFixRows };

for (const target of iamNotPublic.targets) {
    const kind = /Iam(Member|Binding|Policy)$/.exec(target.type)![1];
    describeFix(iamNotPublic, target.type, fixRowsByKind[kind]());
}

describe("gcp-iam-not-public targets", () => {
    it("cover member, binding and policy of every Compute resource with IAM", () => {
        const expected = ["image", "disk", "regionDisk", "snapshot", "machineImage", "instantSnapshot", "regionInstantSnapshot"]
            .flatMap((module) => ["Member", "Binding", "Policy"].map((kind) => {
                const resource = module.charAt(0).toUpperCase() + module.slice(1);
                return `gcp:compute/${module}Iam${kind}:${resource}Iam${kind}`;
            }));
        assert.deepStrictEqual(iamNotPublic.targets.map((target) => target.type), expected);
    });

    it("never names a member, a domain or policyData in a message", () => {
        // A spot check; test/meta/properties.spec.ts runs the full property test.
        const marker = "zz-marker-5f0c9e";
        for (const { type } of iamNotPublic.targets) {
            const props = type.endsWith("Member") ? { member: `user:${marker}@${marker}.org` }
                : type.endsWith("Binding") ? { members: [`group:${marker}@x.org`, `domain:${marker}.org`] }
                    : { policyData: `{"bindings": [{"members": ["user:${marker}@x.org"]}], "${marker}` };
            const outcome = evaluate(iamNotPublic, { type, props, config: trusted });
            assert.ok(outcome.violations.length > 0, `${type}: expected a violation`);
            assert.ok(!outcome.violations.join("\n").includes(marker), `${type}: a value reached a message`);
        }
    });
});
