import type { RoleDefinitionArgs as ClassicRoleDefinitionArgs } from "@pulumi/azure/authorization";
import type { DefinitionArgs as ClassicDefinitionArgs } from "@pulumi/azure/role";
import type { RoleDefinitionArgs } from "@pulumi/azure-native/authorization";
import { defineRule, deferred, on, violation, type Finding } from "../../core/rule";
import { asList, isUnknown, prop, UNKNOWN, type Unknown } from "../../core/values";
import { matchesAnyPattern } from "../../core/wildcard";

const docsUrl = "https://learn.microsoft.com/en-us/azure/virtual-machines/disks-enable-guest-attestation-sas";

/** Actions that create a SAS export URL for a managed disk or snapshot. */
const EXPORT_ACTIONS = [
    "Microsoft.Compute/disks/beginGetAccess/action",
    "Microsoft.Compute/snapshots/beginGetAccess/action",
];

/** The `notActions` patterns of one permission block; UNKNOWN when the list or an entry is unknown. */
function excluded(permission: unknown): string[] | Unknown {
    const list = asList(prop(permission, "notActions"));
    if (isUnknown(list) || list.some(isUnknown)) return UNKNOWN;
    return list.filter((entry): entry is string => typeof entry === "string");
}

/** Every `permissions[].actions` entry that grants a beginGetAccess action not excluded by `notActions`. */
function exportGrants(resource: string) {
    return (props: Record<string, unknown>): Finding[] => {
        const findings: Finding[] = [];
        const permissions = asList(prop(props, "permissions"));
        if (isUnknown(permissions)) return [deferred("permissions")];
        permissions.forEach((permission, i) => {
            const path = `permissions[${i}]`;
            if (isUnknown(permission)) {
                findings.push(deferred(path));
                return;
            }
            const actions = asList(prop(permission, "actions"));
            if (isUnknown(actions)) {
                findings.push(deferred(`${path}.actions`));
                return;
            }
            const notActions = excluded(permission);
            actions.forEach((action, j) => {
                const actionPath = `${path}.actions[${j}]`;
                if (isUnknown(action)) {
                    findings.push(deferred(actionPath));
                    return;
                }
                if (typeof action !== "string") return;
                const granted = EXPORT_ACTIONS.filter((name) => matchesAnyPattern([action], name));
                if (granted.length === 0) return;
                if (isUnknown(notActions)) {
                    findings.push(deferred(`${path}.notActions`));
                    return;
                }
                if (granted.every((name) => matchesAnyPattern(notActions, name))) return;
                findings.push(violation(actionPath,
                    "the role lets its holders create SAS export URLs for managed disks or snapshots (beginGetAccess)",
                    `remove this entry from \`permissions[${i}].actions\` of the ${resource}, or exclude the beginGetAccess actions in \`notActions\``));
            });
        });
        return findings;
    };
}

export const customRolesNoDiskExport = defineRule({
    id: "azure-custom-roles-no-disk-export",
    cloud: "azure",
    title: "Custom roles do not let their holders export managed disks or snapshots through SAS URLs",
    category: "hardening",
    severity: "medium",
    defaultLevel: "advisory",
    rationale:
        "`Microsoft.Compute/disks/beginGetAccess/action` and `Microsoft.Compute/snapshots/beginGetAccess/action` create a " +
        "SAS URL that downloads the whole disk or snapshot from anywhere the network access policy allows; whoever holds a " +
        "role with them can copy the data out without touching a share setting. Wildcards such as `*`, " +
        "`Microsoft.Compute/*` or `Microsoft.Compute/disks/*` include them unless `notActions` excludes them.",
    remediation:
        "Remove the `beginGetAccess/action` actions (and wildcards that include them) from `permissions[].actions` of the " +
        "azure-native.authorization.RoleDefinition (or the classic azure.authorization.RoleDefinition / azure.role.Definition), or " +
        "exclude them in `notActions`; give export rights only to a dedicated " +
        "role assigned where it is needed, and keep `networkAccessPolicy: \"DenyAll\"` on disks (azure-disks-not-exportable).",
    docsUrl,
    controls: {},
    config: [],
    targets: [
        on<RoleDefinitionArgs>("azure-native:authorization:RoleDefinition", exportGrants("azure-native.authorization.RoleDefinition")),
        // azurerm's same shape, under its current and its deprecated token.
        on<ClassicRoleDefinitionArgs>("azure:authorization/roleDefinition:RoleDefinition", exportGrants("azure.authorization.RoleDefinition")),
        on<ClassicDefinitionArgs>("azure:role/definition:Definition", exportGrants("azure.role.Definition")),
    ],
});
