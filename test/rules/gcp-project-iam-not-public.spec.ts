import { gcpProjectIamNotPublic as rule } from "../../policies/stack/gcp-project-iam-not-public";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
const PROJECT_BINDING = "gcp:projects/iAMBinding:IAMBinding";
const PROJECT_POLICY = "gcp:projects/iAMPolicy:IAMPolicy";
const FOLDER_MEMBER = "gcp:folder/iAMMember:IAMMember";
const FOLDER_BINDING = "gcp:folder/iAMBinding:IAMBinding";
const FOLDER_POLICY = "gcp:folder/iAMPolicy:IAMPolicy";
const ORG_MEMBER = "gcp:organizations/iAMMember:IAMMember";
const ORG_BINDING = "gcp:organizations/iAMBinding:IAMBinding";
const ORG_POLICY = "gcp:organizations/iAMPolicy:IAMPolicy";
const PROJECT_ROLE = "gcp:projects/iAMCustomRole:IAMCustomRole";
const ORG_ROLE = "gcp:organizations/iAMCustomRole:IAMCustomRole";

/** Props without the keys whose value is undefined (omitted). */
const given = (props: Record<string, unknown>) => Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
const member = (name: string, role: unknown, who: unknown, type = PROJECT_MEMBER, extra: Partial<StackFixture> = {}): StackFixture =>
    ({ type, name, props: given({ project: "acme-prod", folder: "folders/1", orgId: "1", role, member: who }), ...extra });
const binding = (name: string, role: unknown, members: unknown, type = PROJECT_BINDING): StackFixture =>
    ({ type, name, props: given({ project: "acme-prod", folder: "folders/1", orgId: "1", role, members }) });
const policy = (name: string, bindings: unknown, type = PROJECT_POLICY): StackFixture =>
    ({ type, name, props: { project: "acme-prod", folder: "folders/1", orgId: "1", policyData: JSON.stringify({ bindings }) } });
const customRole = (name: string, permissions: unknown, type = PROJECT_ROLE, roleName: unknown = `projects/acme-prod/roles/${name}`): StackFixture =>
    ({ type, name, props: { roleId: name, title: name, project: "acme-prod", orgId: "1", permissions, name: roleName } });
/** A member whose role is a custom role's `name` output during preview. */
const memberOfRole = (name: string, roleFixture: string, who: unknown): StackFixture =>
    member(name, UNKNOWN, who, PROJECT_MEMBER, { dependencies: [roleFixture], propertyDependencies: { role: [roleFixture] } });
const trusted = { trustedDomains: ["example.com"] };

describeStackRule(rule, [
    { name: "allAuthenticatedUsers granted roles/compute.imageUser on the project", resources: [member("public-images", "roles/compute.imageUser", "allAuthenticatedUsers")], expect: "report", reported: ["public-images"], paths: ["member"], message: /allAuthenticatedUsers grants access to every Google account[\s\S]*reads every image/ },
    { name: "allUsers granted roles/compute.storageAdmin on a folder", resources: [member("folder-public", "roles/compute.storageAdmin", "allUsers", FOLDER_MEMBER)], expect: "report", reported: ["folder-public"] },
    { name: "allUsers (any case) granted roles/viewer on the organization", resources: [member("org-public", "roles/viewer", "AllUsers", ORG_MEMBER)], expect: "report", reported: ["org-public"] },
    { name: "named group granted roles/compute.imageUser", resources: [member("team", "roles/compute.imageUser", "group:builders@example.com")], expect: "pass" },
    { name: "allUsers granted a role that does not read images", resources: [member("logs", "roles/logging.viewer", "allUsers")], expect: "pass" },
    { name: "member omitted", resources: [member("empty", "roles/compute.imageUser", undefined)], expect: "pass" },
    { name: "role omitted", resources: [member("norole", undefined, "allUsers")], expect: "pass" },
    { name: "member unknown during preview", resources: [member("pending", "roles/compute.imageUser", UNKNOWN)], expect: "defer", paths: ["member"] },
    { name: "domain outside trustedDomains", resources: [member("partner", "roles/compute.admin", "user:eve@partner.test")], config: trusted, expect: "report", reported: ["partner"], message: /outside trustedDomains/ },
    { name: "domain inside trustedDomains", resources: [member("staff", "roles/compute.admin", "user:ann@example.com")], config: trusted, expect: "pass" },

    { name: "binding with allAuthenticatedUsers among named members", resources: [binding("users", "roles/compute.imageUser", ["group:a@example.com", "allAuthenticatedUsers"])], expect: "report", reported: ["users"], paths: ["members[1]"] },
    { name: "folder and organization bindings", resources: [binding("f", "roles/editor", ["allUsers"], FOLDER_BINDING), binding("o", "roles/owner", ["allUsers"], ORG_BINDING)], expect: "report", reported: ["f", "o"] },
    { name: "binding members omitted", resources: [binding("none", "roles/compute.imageUser", undefined)], expect: "pass" },
    { name: "binding members unknown during preview", resources: [binding("pending", "roles/compute.imageUser", UNKNOWN)], expect: "defer", paths: ["members"] },

    { name: "policy document with a public image-reading binding", resources: [policy("project-policy", [{ role: "roles/compute.viewer", members: ["allUsers"] }, { role: "roles/compute.imageUser", members: ["allUsers"] }])], expect: "report", reported: ["project-policy"], paths: ["policyData.bindings[1].members[0]"] },
    { name: "folder and organization policy documents", resources: [policy("fp", [{ role: "roles/compute.admin", members: ["allAuthenticatedUsers"] }], FOLDER_POLICY), policy("op", [{ role: "roles/compute.admin", members: "allUsers" }], ORG_POLICY)], expect: "report", reported: ["fp", "op"] },
    { name: "policy document with named members only", resources: [policy("p", [{ role: "roles/compute.imageUser", members: ["serviceAccount:ci@acme-prod.iam.gserviceaccount.com"] }])], expect: "pass" },
    { name: "policy document that does not parse", resources: [{ type: PROJECT_POLICY, name: "junk", props: { project: "p", policyData: "{not json" } }], expect: "report", reported: ["junk"], paths: ["policyData"] },
    { name: "policy data unknown during preview", resources: [{ type: PROJECT_POLICY, name: "pending", props: { project: "p", policyData: UNKNOWN } }], expect: "defer", paths: ["policyData"] },
    { name: "custom role of a policy binding unknown during preview", resources: [
        customRole("pending", UNKNOWN, PROJECT_ROLE, "projects/acme-prod/roles/pending"),
        policy("pending-policy", [{ role: "projects/acme-prod/roles/pending", members: ["allUsers"] }]),
    ], expect: "defer", paths: ["pending-policy.policyData.bindings[0].role"] },
    { name: "policy data omitted", resources: [{ type: PROJECT_POLICY, name: "none", props: { project: "p" } }], expect: "pass" },

    { name: "custom role with compute.images.useReadOnly granted to allUsers by reference", resources: [
        customRole("imageReader", ["compute.images.get", "compute.images.useReadOnly"], PROJECT_ROLE, UNKNOWN),
        memberOfRole("public-custom", "imageReader", "allUsers"),
    ], expect: "report", reported: ["public-custom"] },
    { name: "organization custom role with compute.snapshots.useReadOnly, by name", resources: [
        customRole("snapReader", ["compute.snapshots.useReadOnly"], ORG_ROLE, "organizations/1/roles/snapReader"),
        member("public-snaps", "organizations/1/roles/snapReader", "allAuthenticatedUsers"),
    ], expect: "report", reported: ["public-snaps"] },
    { name: "custom role without image-reading permissions", resources: [
        customRole("lister", ["compute.images.list"], PROJECT_ROLE, UNKNOWN),
        memberOfRole("public-list", "lister", "allUsers"),
    ], expect: "pass" },
    { name: "custom role defined outside the stack is not judged", resources: [member("outside", "projects/acme-prod/roles/unknownRole", "allUsers")], expect: "pass" },
    { name: "custom role permissions unknown during preview", resources: [
        customRole("pending", UNKNOWN, PROJECT_ROLE, UNKNOWN),
        memberOfRole("public-pending", "pending", "allUsers"),
    ], expect: "defer", paths: ["role"] },
    { name: "role unknown during preview without a dependency", resources: [member("role-pending", UNKNOWN, "allUsers")], expect: "defer" },
    { name: "role unknown but member named", resources: [member("named", UNKNOWN, "group:a@example.com")], expect: "pass" },

    { name: "public grant exempted", resources: [member("public-images", "roles/compute.imageUser", "allAuthenticatedUsers")], config: { exemptions: [{ resource: "public-images", reason: "public marketplace images project", expires: "2999-01-01" }] }, expect: "exempt" },
]);
