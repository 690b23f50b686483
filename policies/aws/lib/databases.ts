// Where a database's storage encryption comes from, shared by the rules that judge it
// (aws-databases-encrypted) and the rules that only apply to encrypted storage (customer keys).

import { enumIn, isSet, isUnknown, prop } from "../../../core/values";
import { encryptionOff, type EncryptionOff } from "./checks";

/**
 * Properties that make a database a restore, clone or replica: with `storageEncrypted` omitted it
 * takes its source's encryption, which is a cross-resource question.
 */
export const ENCRYPTION_SOURCES = {
    rdsInstance: ["snapshotIdentifier", "restoreToPointInTime"],
    rdsCluster: ["snapshotIdentifier", "restoreToPointInTime", "replicationSourceIdentifier"],
    docdbCluster: ["snapshotIdentifier", "restoreToPointInTime"],
    neptuneCluster: ["snapshotIdentifier", "replicationSourceIdentifier"],
    nativeDbInstance: ["sourceDbInstanceIdentifier", "dbSnapshotIdentifier", "sourceDbiResourceId", "sourceDbClusterIdentifier"],
    nativeDbCluster: ["snapshotIdentifier", "sourceDbClusterIdentifier", "replicationSourceIdentifier"],
    nativeNeptuneCluster: ["snapshotIdentifier", "sourceDbClusterIdentifier"],
} as const;

export function inheritsEncryption(props: unknown, sources: readonly string[]): boolean {
    return !isSet(props, "storageEncrypted") && sources.some((key) => isSet(props, key));
}

/**
 * Whether the database's storage is left unencrypted: not for a restore or replica that inherits;
 * otherwise `storageEncrypted`, omitted meaning unencrypted except for Aurora serverless v1
 * clusters (`aurora`: `engineMode: "serverless"` is always encrypted).
 */
export function storageEncryptionOff(props: unknown, sources: readonly string[], aurora = false): EncryptionOff {
    if (inheritsEncryption(props, sources)) return false;
    if (aurora && !isSet(props, "storageEncrypted")) {
        const serverless = enumIn(prop(props, "engineMode"), "serverless");
        return isUnknown(serverless) ? { unknown: "engineMode" } : serverless !== true;
    }
    return encryptionOff(props, "storageEncrypted", "", false);
}
