// The one explicit list of rules. A meta test fails when a rule file is missing here.
import type { Rule } from "../core/rule";
import { volumesEncrypted } from "./aws/volumes-encrypted";

export const allRules: readonly Rule[] = [
    volumesEncrypted,
];
