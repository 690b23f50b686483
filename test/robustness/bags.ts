// Random and adversarial property bags for the fuzz tests: plausible property names at any depth,
// values of every JSON type, enum-like strings, unknown sentinels, secrets carrying a marker, and
// junk keys that must not change a verdict.
import fc from "fast-check";
import { secret, UNKNOWN_SENTINEL, SECRET_SIGNATURE, SECRET_SIGNATURE_KEY } from "../../core/wire";

export const MARKER = "SGFUZZSECRETMARKER";

const names = [
    "encrypted", "kmsKeyId", "kmsKeyArn", "tags", "tagsAll", "labels", "rootBlockDevice", "ebsBlockDevices", "blockDeviceMappings",
    "ebs", "networkAccessPolicy", "publicNetworkAccess", "encryption", "type", "diskEncryptionSetId", "diskAccessId", "members",
    "member", "role", "policyData", "policy", "group", "accountId", "organizationArn", "sharedAccounts", "state", "enabled",
    "backupRetentionPeriod", "storageEncrypted", "deprecationTime", "lifecycle", "deleteAfter", "rules", "rule", "properties",
    "retentionDays", "userGroups", "userIds", "launchPermission", "amiDistributionConfiguration", "diskEncryptionKey",
    "kmsKeyName", "rawKey", "rsaEncryptedKey", "snapshotSchedulePolicy", "retentionPolicy", "schedules", "retainRule",
    "softDeleteSettings", "immutabilitySettings", "creationData", "securityProfile", "sharingProfile", "permissions",
    "policyDetails", "resourceTypes", "targetTags", "copyActions", "crossRegionCopyRules", "defaultPolicy", "skipFinalSnapshot",
    "finalSnapshotIdentifier", "deleteAutomatedBackups", "copyTagsToSnapshot", "deleteOnTermination", "encryptionAtHost",
    "backupRetentionSettings", "minimumEnforcedRetentionDuration", "forceDelete", "accessRestriction", "retentionDuration",
    "id", "arn", "name", "value", "key", "values", "0", "",
];

const enumLike = fc.constantFrom(
    "true", "false", "TRUE", "all", "ALL", "AllowAll", "DenyAll", "AllowPrivate", "Enabled", "Disabled", "enabled",
    "block-all-sharing", "block-new-sharing", "unblocked", "allUsers", "allAuthenticatedUsers", "user:a@example.com",
    "EncryptionAtRestWithCustomerKey", "EncryptionAtRestWithPlatformKey", "111122223333", "P30D", "PT0S", "2026-01-01",
    "2026-01-01T00:00:00Z", "-1", "0", "1e309", "*", "arn:aws:kms:eu-west-1:111122223333:key/k", "{\"bindings\":[]}",
    "{\"bindings\":[{\"role\":\"r\",\"members\":[\"allUsers\"]}]}", "[", UNKNOWN_SENTINEL,
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: enumLike, weight: 4 },
    { arbitrary: fc.boolean(), weight: 2 },
    { arbitrary: fc.integer({ min: -5, max: 100_000 }), weight: 2 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
    { arbitrary: fc.constant(null), weight: 1 },
    { arbitrary: fc.constant(UNKNOWN_SENTINEL), weight: 2 },
    { arbitrary: fc.string({ maxLength: 6 }).map((suffix) => secret(`${MARKER}${suffix}`)), weight: 2 },
);

const { value: anyValue } = fc.letrec<{ value: unknown; object: Record<string, unknown>; list: unknown[] }>((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, leaf, tie("object"), tie("list")),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 8 })), tie("value"), { maxKeys: 5 }),
    list: fc.array(tie("value"), { maxLength: 4 }),
}));

/** A property bag: mostly plausible names, some secrets wrapping whole objects. */
export const bag: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
    fc.oneof({ arbitrary: fc.constantFrom(...names), weight: 5 }, { arbitrary: fc.string({ maxLength: 8 }), weight: 1 }),
    fc.oneof({ arbitrary: anyValue, weight: 5 }, { arbitrary: anyValue.map((value) => secret(value)), weight: 1 }),
    { maxKeys: 10 },
);

/** The same bag with junk keys an attacker or a careless program could add, at the top and one level down. */
export function withJunk(props: Record<string, unknown>): Record<string, unknown> {
    const junk = (target: Record<string, unknown>) => {
        // Decoded, `__proto__` becomes the bag's prototype: values there must not pass for settings.
        const inherited = { encrypted: true, storageEncrypted: true, networkAccessPolicy: "DenyAll", publicNetworkAccess: "Disabled", state: "block-all-sharing", tags: { "expires-on": "2026-07-01" } };
        Object.defineProperty(target, "__proto__", { value: inherited, enumerable: true, configurable: true, writable: true });
        Object.defineProperty(target, "constructor", { value: { prototype: inherited }, enumerable: true, configurable: true, writable: true });
        return target;
    };
    const copy = junk({ ...props });
    for (const [key, value] of Object.entries(props)) {
        if (typeof value === "object" && value !== null && !Array.isArray(value) && !(SECRET_SIGNATURE_KEY in value)) {
            copy[key] = junk({ ...(value as Record<string, unknown>) });
        }
    }
    return copy;
}

/** Strings holding the marker outside a secret envelope (where a fix would have unwrapped it). */
export function unwrappedMarkers(value: unknown, path = ""): string[] {
    if (typeof value === "string") return value.includes(MARKER) ? [path] : [];
    if (Array.isArray(value)) return value.flatMap((item, index) => unwrappedMarkers(item, `${path}[${index}]`));
    if (typeof value !== "object" || value === null) return [];
    const record = value as Record<string, unknown>;
    if (record[SECRET_SIGNATURE_KEY] === SECRET_SIGNATURE) return [];
    return Object.entries(record).flatMap(([key, item]) => unwrappedMarkers(item, `${path}.${key}`));
}
