// The one explicit list of rules. A meta test fails when a rule file is missing here.
import type { Rule } from "../core/rule";
import { dbBackupsRetained } from "./aws/db-backups-retained";
import { imagesNotPublic } from "./aws/images-not-public";
import { volumesEncrypted } from "./aws/volumes-encrypted";
import { disksNotExportable } from "./azure/disks-not-exportable";
import { iamNotPublic } from "./gcp/iam-not-public";

export const allRules: readonly Rule[] = [
    imagesNotPublic,
    volumesEncrypted,
    dbBackupsRetained,
    disksNotExportable,
    iamNotPublic,
];
