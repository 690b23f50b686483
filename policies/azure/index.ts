// The Azure rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { disksNotExportable } from "./disks-not-exportable";

export const azureRules: readonly Rule[] = [
    disksNotExportable,
];
