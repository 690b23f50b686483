import { disksNotExportable } from "../../policies/azure/disks-not-exportable";
import { describeFix, describeRule, secret, UNKNOWN, type FixRow, type Row } from "../harness";

const diskAccessId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskAccesses/private";
const exempt = { exemptions: [{ resource: "subject", reason: "export migration to the DR tenant", expires: "2999-01-01" }] };

/** Disks and snapshots take the same export settings; `base` holds the other required inputs. */
function rows(base: Record<string, unknown>): Row[] {
    return [
        { name: "export denied", props: { ...base, networkAccessPolicy: "DenyAll" }, expect: "pass" },
        { name: "export denied and public access disabled", props: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "private export through a disk access", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId }, expect: "pass" },
        { name: "private export through a disk access, public access disabled", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId, publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "export allowed from any network but public access disabled", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "network access policy omitted but public access disabled", props: { ...base, publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "both settings omitted", props: { ...base }, expect: "fail", paths: ["networkAccessPolicy"], message: /omitted means AllowAll; publicNetworkAccess omitted means Enabled/ },
        { name: "network access policy omitted, public access enabled", props: { ...base, publicNetworkAccess: "Enabled" }, expect: "fail", paths: ["networkAccessPolicy"], message: /omitted means AllowAll; publicNetworkAccess is not Disabled/ },
        { name: "export allowed from any network, public access omitted", props: { ...base, networkAccessPolicy: "AllowAll" }, expect: "fail", paths: ["networkAccessPolicy"], message: /networkAccessPolicy is AllowAll/ },
        { name: "export allowed from any network, public access enabled", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" }, expect: "fail", paths: ["networkAccessPolicy"] },
        { name: "private export with the disk access omitted", props: { ...base, networkAccessPolicy: "AllowPrivate" }, expect: "fail", paths: ["diskAccessId"], message: /diskAccessId omitted/ },
        { name: "private export with the disk access omitted, public access enabled", props: { ...base, networkAccessPolicy: "AllowPrivate", publicNetworkAccess: "Enabled" }, expect: "fail", paths: ["diskAccessId"] },
        { name: "private export with the disk access omitted but public access disabled", props: { ...base, networkAccessPolicy: "AllowPrivate", publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "unrecognised network access policy", props: { ...base, networkAccessPolicy: "Sometimes" }, expect: "fail", paths: ["networkAccessPolicy"], message: /neither DenyAll nor AllowPrivate/ },
        { name: "fix names DenyAll, DiskAccess and publicNetworkAccess", props: { ...base, networkAccessPolicy: "AllowAll" }, expect: "fail", message: /networkAccessPolicy: "DenyAll".*azure-native\.compute\.DiskAccess.*publicNetworkAccess: "Disabled"/ },

        // Enum strings in any case the service accepts.
        { name: "lower-case allowall", props: { ...base, networkAccessPolicy: "allowall" }, expect: "fail", paths: ["networkAccessPolicy"], message: /networkAccessPolicy is AllowAll/ },
        { name: "upper-case DENYALL", props: { ...base, networkAccessPolicy: "DENYALL" }, expect: "pass" },
        { name: "lower-case allowprivate with a disk access", props: { ...base, networkAccessPolicy: "allowprivate", diskAccessId }, expect: "pass" },
        { name: "lower-case disabled public access", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "disabled" }, expect: "pass" },
        { name: "upper-case ENABLED public access", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "ENABLED" }, expect: "fail", paths: ["networkAccessPolicy"] },

        // Unknown values during preview.
        { name: "network access policy unknown during preview", props: { ...base, networkAccessPolicy: UNKNOWN }, expect: "defer", message: /networkAccessPolicy is unknown/ },
        { name: "network access policy unknown, public access enabled", props: { ...base, networkAccessPolicy: UNKNOWN, publicNetworkAccess: "Enabled" }, expect: "defer" },
        { name: "network access policy unknown but public access disabled", props: { ...base, networkAccessPolicy: UNKNOWN, publicNetworkAccess: "Disabled" }, expect: "pass" },
        { name: "public access unknown while export is allowed from any network", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: UNKNOWN }, expect: "defer", message: /publicNetworkAccess is unknown/ },
        { name: "public access unknown but export denied", props: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: UNKNOWN }, expect: "pass" },
        { name: "both settings unknown during preview", props: { ...base, networkAccessPolicy: UNKNOWN, publicNetworkAccess: UNKNOWN }, expect: "defer", message: /networkAccessPolicy, publicNetworkAccess are unknown/ },
        { name: "public access unknown, private export with the disk access omitted", props: { ...base, networkAccessPolicy: "AllowPrivate", publicNetworkAccess: UNKNOWN }, expect: "defer", message: /publicNetworkAccess is unknown/ },
        { name: "disk access id unknown: presence counts as set", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId: UNKNOWN }, expect: "pass" },

        // Policy config.
        { name: "exempted with a reason", props: { ...base, networkAccessPolicy: "AllowAll" }, config: exempt, expect: "exempt" },
        { name: "exemption for another resource does not apply", props: { ...base }, config: exempt, resourceName: "other", expect: "fail", paths: ["networkAccessPolicy"] },
        { name: "unknown config key is rejected", props: { ...base, networkAccessPolicy: "DenyAll" }, config: { trustedDomains: ["example.com"] }, expect: "fail", message: /invalid policy config.*trustedDomains/ },
    ];
}

const disk = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Empty" }, diskSizeGB: 64 };
const snapshot = { resourceGroupName: "rg", location: "westeurope", creationData: { createOption: "Copy", sourceResourceId: "/subscriptions/0000/disks/data" } };

describeRule(disksNotExportable, "azure-native:compute:Disk", rows(disk));
describeRule(disksNotExportable, "azure-native:compute:Snapshot", rows(snapshot));

// Programs that pin an API version use versioned tokens; the adapter maps them to the same checks.
describeRule(disksNotExportable, "azure-native:compute/v20240302:Disk", [
    { name: "versioned token: export denied", props: { ...disk, networkAccessPolicy: "DenyAll" }, expect: "pass" },
    { name: "versioned token: network access policy omitted", props: { ...disk }, expect: "fail", paths: ["networkAccessPolicy"] },
    { name: "versioned token: network access policy unknown", props: { ...disk, networkAccessPolicy: UNKNOWN }, expect: "defer" },
]);
describeRule(disksNotExportable, "azure-native:compute/v20250102:Snapshot", [
    { name: "versioned token: private export through a disk access", props: { ...snapshot, networkAccessPolicy: "AllowPrivate", diskAccessId }, expect: "pass" },
    { name: "versioned token: export allowed from any network", props: { ...snapshot, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" }, expect: "fail", paths: ["networkAccessPolicy"] },
    { name: "versioned token: disk access omitted", props: { ...snapshot, networkAccessPolicy: "AllowPrivate" }, expect: "fail", paths: ["diskAccessId"] },
    { name: "versioned token: public access unknown", props: { ...snapshot, networkAccessPolicy: "AllowAll", publicNetworkAccess: UNKNOWN }, expect: "defer" },
]);

// ---- Remediation ----------------------------------------------------------------------------

function fixRows(base: Record<string, unknown>): FixRow[] {
    return [
        { name: "both settings omitted: export denied, public access disabled", props: { ...base }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
        { name: "export allowed from any network, public access enabled", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: "Enabled" }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
        { name: "private export with the disk access omitted", props: { ...base, networkAccessPolicy: "AllowPrivate" }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
        { name: "lower-case allowall, secret tags left as they are", props: { ...base, networkAccessPolicy: "allowall", tags: { team: secret("payments") } }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", tags: { team: secret("payments") } } },
        { name: "network access policy unknown: the check defers, nothing is changed", props: { ...base, networkAccessPolicy: UNKNOWN }, expect: "unchanged" },
        { name: "disk access unknown with private export, public access enabled: the check passes, nothing is changed", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId: UNKNOWN, publicNetworkAccess: "Enabled" }, expect: "unchanged" },
        { name: "unknown in a property the fix does not own survives", props: { ...base, networkAccessPolicy: "AllowAll", diskSizeGB: UNKNOWN, encryption: { diskEncryptionSetId: UNKNOWN } }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", diskSizeGB: UNKNOWN, encryption: { diskEncryptionSetId: UNKNOWN } } },
        { name: "public access unknown: the check defers, nothing is changed", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccess: UNKNOWN }, expect: "unchanged" },
        { name: "public access a secret: it stays secret when disabled", props: { ...base, publicNetworkAccess: secret("Enabled") }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccess: secret("Disabled") } },
        { name: "compliant: private export through a disk access", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId }, expect: "unchanged" },
        { name: "compliant: export denied", props: { ...base, networkAccessPolicy: "DenyAll" }, expect: "unchanged" },
        { name: "exempted resources are not changed", props: { ...base, networkAccessPolicy: "AllowAll" }, config: exempt, expect: "unchanged" },
        { name: "invalid config changes nothing", props: { ...base }, config: { trustedDomains: ["example.com"] }, expect: "unchanged" },
    ];
}

describeFix(disksNotExportable, "azure-native:compute:Disk", fixRows(disk));
describeFix(disksNotExportable, "azure-native:compute:Snapshot", fixRows(snapshot));
describeFix(disksNotExportable, "azure-native:compute/v20240302:Disk", [
    { name: "versioned token: both settings omitted", props: { ...disk }, expect: "fixed", fixed: { ...disk, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled" } },
]);

// ---- Classic azure provider (azurerm shapes) ------------------------------------------------
// `publicNetworkAccessEnabled` is a boolean that azurerm defaults to true; `networkAccessPolicy`
// defaults to AllowAll.

function classicRows(base: Record<string, unknown>, resource: string): Row[] {
    return [
        { name: "export denied", props: { ...base, networkAccessPolicy: "DenyAll" }, expect: "pass" },
        { name: "private export through a disk access", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId }, expect: "pass" },
        { name: "export allowed from any network but public access disabled", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccessEnabled: false }, expect: "pass" },
        { name: "both settings omitted: azurerm defaults to public access and AllowAll", props: { ...base }, expect: "fail", paths: ["networkAccessPolicy"],
            message: new RegExp(`omitted means AllowAll; publicNetworkAccessEnabled omitted means true\\) at networkAccessPolicy; .*publicNetworkAccessEnabled: false\` on the ${resource.replace(/\./g, "\\.")}`) },
        { name: "public access explicitly enabled, policy omitted", props: { ...base, publicNetworkAccessEnabled: true }, expect: "fail", paths: ["networkAccessPolicy"], message: /publicNetworkAccessEnabled is true/ },
        { name: "string boolean \"false\" disables public access", props: { ...base, publicNetworkAccessEnabled: "false" }, expect: "pass" },
        { name: "private export with the disk access omitted", props: { ...base, networkAccessPolicy: "AllowPrivate" }, expect: "fail", paths: ["diskAccessId"], message: /azure\.compute\.DiskAccess/ },
        { name: "the azure-native public switch is not read on classic resources", props: { ...base, publicNetworkAccess: "Disabled" }, expect: "fail", paths: ["networkAccessPolicy"] },
        { name: "network access policy unknown during preview", props: { ...base, networkAccessPolicy: UNKNOWN }, expect: "defer", message: /networkAccessPolicy is unknown/ },
        { name: "public access unknown while export is allowed from any network", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccessEnabled: UNKNOWN }, expect: "defer", message: /publicNetworkAccessEnabled is unknown/ },
        { name: "exempted with a reason", props: { ...base }, config: exempt, expect: "exempt" },
    ];
}

const managedDisk = { resourceGroupName: "rg", location: "westeurope", createOption: "Empty", storageAccountType: "Premium_LRS", diskSizeGb: 64 };
const classicSnapshot = { resourceGroupName: "rg", location: "westeurope", createOption: "Copy", sourceUri: "/subscriptions/0000/disks/data" };

describeRule(disksNotExportable, "azure:compute/managedDisk:ManagedDisk", classicRows(managedDisk, "azure.compute.ManagedDisk"));
describeRule(disksNotExportable, "azure:compute/snapshot:Snapshot", classicRows(classicSnapshot, "azure.compute.Snapshot"));

function classicFixRows(base: Record<string, unknown>): FixRow[] {
    return [
        { name: "both settings omitted: export denied, public access off", props: { ...base }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccessEnabled: false } },
        { name: "public access enabled with private export: policy kept, public access off", props: { ...base, networkAccessPolicy: "AllowPrivate", diskAccessId, publicNetworkAccessEnabled: true }, expect: "unchanged" },
        { name: "export allowed from any network, public access a secret: it stays secret when turned off", props: { ...base, networkAccessPolicy: "AllowAll", publicNetworkAccessEnabled: secret(true) }, expect: "fixed",
            fixed: { ...base, networkAccessPolicy: "DenyAll", publicNetworkAccessEnabled: secret(false) } },
        { name: "network access policy unknown: nothing is changed", props: { ...base, networkAccessPolicy: UNKNOWN }, expect: "unchanged" },
    ];
}

describeFix(disksNotExportable, "azure:compute/managedDisk:ManagedDisk", classicFixRows(managedDisk));
describeFix(disksNotExportable, "azure:compute/snapshot:Snapshot", classicFixRows(classicSnapshot));
