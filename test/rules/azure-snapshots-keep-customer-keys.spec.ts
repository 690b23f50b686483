import { azureSnapshotsKeepCustomerKeys as rule } from "../../policies/stack/azure-snapshots-keep-customer-keys";
import { describeStackRule, UNKNOWN, type StackFixture } from "../harness";

const DISK = "azure-native:compute:Disk";
const SNAPSHOT = "azure-native:compute:Snapshot";
const DES = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des";
const diskId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Compute/disks/data";

const cmkDisk: StackFixture = { type: DISK, name: "data", props: { id: diskId, encryption: { type: "EncryptionAtRestWithCustomerKey", diskEncryptionSetId: DES } } };
const platformDisk: StackFixture = { type: DISK, name: "os", props: { id: diskId.replace("data", "os") } };
const snapshot = (name: string, props: Record<string, unknown>, dependsOn?: string): StackFixture => ({
    type: SNAPSHOT, name, props: { resourceGroupName: "rg", ...props },
    ...(dependsOn ? { propertyDependencies: { creationData: [dependsOn] } } : {}),
});

describeStackRule(rule, [
    { name: "snapshot of a CMK disk with its own disk encryption set", resources: [cmkDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: diskId }, encryption: { diskEncryptionSetId: DES } })], expect: "pass" },
    { name: "snapshot of a CMK disk, encryption omitted (by id)", resources: [cmkDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: diskId } })], expect: "report", reported: ["snap"], paths: ["encryption"], message: /platform-managed key/ },
    { name: "resource ids match case-insensitively", resources: [cmkDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: diskId.toUpperCase() } })], expect: "report", reported: ["snap"] },
    { name: "snapshot of a CMK disk through propertyDependencies during preview", resources: [cmkDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: UNKNOWN } }, "data")], expect: "report", reported: ["snap"] },
    { name: "snapshot of a platform-key disk", resources: [platformDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: diskId.replace("data", "os") } })], expect: "pass" },
    { name: "snapshot with platform key explicitly, source CMK via encryption type (enum case)", resources: [{ type: DISK, name: "d", props: { encryption: { type: "encryptionatrestwithplatformandcustomerkeys", diskEncryptionSetId: UNKNOWN } } }, snapshot("snap", { creationData: { sourceResourceId: UNKNOWN }, encryption: { type: "EncryptionAtRestWithPlatformKey" } }, "d")], expect: "report", reported: ["snap"] },
    { name: "versioned azure-native tokens", resources: [{ ...cmkDisk, type: "azure-native:compute/v20240302:Disk" }, { ...snapshot("snap", { creationData: { sourceResourceId: diskId } }), type: "azure-native:compute/v20240302:Snapshot" }], expect: "report" },
    { name: "source reference unknown during preview without a dependency", resources: [cmkDisk, snapshot("snap", { creationData: { sourceResourceId: UNKNOWN } })], expect: "defer", paths: ["snap.creationData.sourceResourceId"] },
    { name: "whole creationData unknown during preview", resources: [cmkDisk, snapshot("snap", { creationData: UNKNOWN })], expect: "defer" },
    { name: "own encryption unknown during preview counts as set", resources: [cmkDisk, snapshot("snap", { creationData: { sourceResourceId: diskId }, encryption: UNKNOWN })], expect: "pass" },
    { name: "snapshot of a snapshot of a CMK disk", resources: [cmkDisk, snapshot("s1", { id: `${diskId}-s1`, creationData: { sourceResourceId: diskId } }), snapshot("s2", { creationData: { sourceResourceId: `${diskId}-s1` } })], expect: "report", reported: ["s1", "s2"] },
    { name: "snapshot of a disk outside the stack, encryption omitted", resources: [snapshot("snap", { creationData: { sourceResourceId: "/subscriptions/x/resourceGroups/y/providers/Microsoft.Compute/disks/z" } })], expect: "pass" },
    { name: "exempted snapshot", resources: [cmkDisk, snapshot("snap", { creationData: { sourceResourceId: diskId } })], config: { exemptions: [{ resource: "urn:pulumi:dev::demo::azure-native:compute:Snapshot::*", reason: "vendor hand-over" }] }, expect: "exempt" },
    { name: "invalid config", resources: [cmkDisk], config: { requireCustomerManagedKeys: true }, expect: "report", message: /invalid policy config/ },
]);

// ---- Classic azure (azurerm): snapshots have no customer-key setting ----------------------------

const CLASSIC_SNAPSHOT = "azure:compute/snapshot:Snapshot";
const classicCmkDisk: StackFixture = { type: "azure:compute/managedDisk:ManagedDisk", name: "cdata", props: { id: diskId.replace("data", "cdata"), diskEncryptionSetId: DES } };
const classicPlatformDisk: StackFixture = { type: "azure:compute/managedDisk:ManagedDisk", name: "cplain", props: { id: diskId.replace("data", "cplain") } };
const classicSnapshot = (name: string, props: Record<string, unknown>, dependsOn?: [string, string]): StackFixture => ({
    type: CLASSIC_SNAPSHOT, name, props: { resourceGroupName: "rg", createOption: "Copy", ...props },
    ...(dependsOn ? { propertyDependencies: { [dependsOn[0]]: [dependsOn[1]] } } : {}),
});

describeStackRule(rule, [
    { name: "classic snapshot of a classic CMK disk (sourceUri by id)", resources: [classicCmkDisk, classicSnapshot("csnap", { sourceUri: diskId.replace("data", "cdata") })], expect: "report", reported: ["csnap"], paths: ["sourceUri"], message: /azurerm's snapshot cannot name a disk encryption set.*azure-native\.compute\.Snapshot/ },
    { name: "classic snapshot of an azure-native CMK disk by reference", resources: [cmkDisk, classicSnapshot("csnap", { sourceResourceId: UNKNOWN }, ["sourceResourceId", "data"])], expect: "report", reported: ["csnap"], paths: ["sourceResourceId"] },
    { name: "classic snapshot of a platform-key disk", resources: [classicPlatformDisk, classicSnapshot("csnap", { sourceUri: diskId.replace("data", "cplain") })], expect: "pass" },
    { name: "azure-native snapshot of a classic CMK disk without its own key", resources: [classicCmkDisk, snapshot("snap", { creationData: { createOption: "Copy", sourceResourceId: diskId.replace("data", "cdata") } })], expect: "report", reported: ["snap"] },
    { name: "classic snapshot of a classic snapshot of a CMK disk", resources: [
        classicCmkDisk, { ...classicSnapshot("first", { sourceUri: diskId.replace("data", "cdata") }), props: { id: "/snapshots/first", createOption: "Copy", sourceUri: diskId.replace("data", "cdata") } },
        classicSnapshot("second", { sourceResourceId: "/snapshots/first" }),
    ], expect: "report", reported: ["first", "second"] },
    { name: "classic snapshot source unknown during preview", resources: [classicCmkDisk, classicSnapshot("csnap", { sourceUri: UNKNOWN })], expect: "defer", paths: ["csnap.sourceUri"] },
]);
