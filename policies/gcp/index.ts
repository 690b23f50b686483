// The Google Cloud rules, in the order they are listed. A meta test fails when a rule file is missing here.
import type { Rule } from "../../core/rule";
import { iamNotPublic } from "./iam-not-public";

export const gcpRules: readonly Rule[] = [
    iamNotPublic,
];
