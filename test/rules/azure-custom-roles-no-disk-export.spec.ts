import { customRolesNoDiskExport } from "../../policies/azure/custom-roles-no-disk-export";
import { describeRule, UNKNOWN } from "../harness";

const TYPE = "azure-native:authorization:RoleDefinition";
const role = (...permissions: unknown[]) => ({ scope: "/subscriptions/00000000-0000-0000-0000-000000000000", roleName: "disk operator", permissions, assignableScopes: ["/subscriptions/00000000-0000-0000-0000-000000000000"] });

describeRule(customRolesNoDiskExport, TYPE, [
    { name: "role that reads and snapshots disks without export", props: role({ actions: ["Microsoft.Compute/disks/read", "Microsoft.Compute/snapshots/write"] }), expect: "pass" },
    { name: "disk export action", props: role({ actions: ["Microsoft.Compute/disks/read", "Microsoft.Compute/disks/beginGetAccess/action"] }), expect: "fail", paths: ["permissions[0].actions[1]"], message: /SAS export URLs/ },
    { name: "snapshot export action in another case", props: role({ actions: ["microsoft.compute/SNAPSHOTS/begingetaccess/action"] }), expect: "fail", paths: ["permissions[0].actions[0]"] },
    { name: "wildcard over the disk resource type", props: role({ actions: ["Microsoft.Compute/disks/*"] }), expect: "fail", paths: ["permissions[0].actions[0]"] },
    { name: "\"*\" in the second permission block", props: role({ actions: ["Microsoft.Storage/*/read"] }, { actions: ["*"] }), expect: "fail", paths: ["permissions[1].actions[0]"] },
    { name: "wildcard with the export actions excluded by notActions", props: role({ actions: ["Microsoft.Compute/*"], notActions: ["Microsoft.Compute/disks/beginGetAccess/action", "Microsoft.Compute/snapshots/*"] }), expect: "pass" },
    { name: "notActions excluding only disks still exports snapshots", props: role({ actions: ["Microsoft.Compute/*"], notActions: ["Microsoft.Compute/disks/*"] }), expect: "fail" },
    { name: "permissions omitted", props: { scope: "/subscriptions/x", roleName: "empty" }, expect: "pass" },
    { name: "actions omitted (data actions only)", props: role({ dataActions: ["Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read"] }), expect: "pass" },
    { name: "permissions unknown during preview", props: { scope: "/subscriptions/x", permissions: UNKNOWN }, expect: "defer", paths: ["permissions"] },
    { name: "an action unknown during preview", props: role({ actions: ["Microsoft.Compute/disks/read", UNKNOWN] }), expect: "defer", paths: ["permissions[0].actions[1]"] },
    { name: "notActions unknown while a wildcard grants export", props: role({ actions: ["Microsoft.Compute/*"], notActions: UNKNOWN }), expect: "defer", paths: ["permissions[0].notActions"] },
    { name: "exempted backup operator role", props: role({ actions: ["Microsoft.Compute/snapshots/beginGetAccess/action"] }), config: { exemptions: [{ resource: "subject", reason: "offline backup export", expires: "2999-01-01" }] }, expect: "exempt" },
]);

// Classic azure (azurerm): the same permissions shape, under the current and the deprecated token.
for (const [type, resource] of [
    ["azure:authorization/roleDefinition:RoleDefinition", "azure.authorization.RoleDefinition"],
    ["azure:role/definition:Definition", "azure.role.Definition"],
] as const) {
    const classic = (...permissions: unknown[]) => ({ scope: "/subscriptions/00000000-0000-0000-0000-000000000000", name: "disk operator", permissions });
    describeRule(customRolesNoDiskExport, type, [
        { name: "reads and snapshots without export", props: classic({ actions: ["Microsoft.Compute/disks/read", "Microsoft.Compute/snapshots/write"] }), expect: "pass" },
        { name: "permissions omitted", props: { scope: "/subscriptions/0", name: "empty" }, expect: "pass" },
        { name: "wildcard includes disk export", props: classic({ actions: ["Microsoft.Compute/*"] }), expect: "fail", paths: ["permissions[0].actions[0]"], message: new RegExp(`of the ${resource.replace(/\./g, "\\.")}`) },
        { name: "wildcard with both exports excluded", props: classic({ actions: ["Microsoft.Compute/*"], notActions: ["Microsoft.Compute/*/beginGetAccess/action"] }), expect: "pass" },
        { name: "actions unknown during preview", props: classic({ actions: UNKNOWN }), expect: "defer" },
    ]);
}
