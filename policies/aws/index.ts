// The AWS rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { dbBackupsRetained } from "./db-backups-retained";
import { imagesNotPublic } from "./images-not-public";
import { volumesEncrypted } from "./volumes-encrypted";

export const awsRules: readonly Rule[] = [
    imagesNotPublic,
    volumesEncrypted,
    dbBackupsRetained,
];
