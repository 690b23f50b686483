// The one explicit list of rules: each cloud's list, then the cross-resource rules.
import type { Rule } from "../core/rule";
import { awsRules } from "./aws";
import { azureRules } from "./azure";
import { gcpRules } from "./gcp";
import { stackRules } from "./stack";

export const allRules: readonly Rule[] = [
    ...awsRules,
    ...azureRules,
    ...gcpRules,
    ...stackRules,
];
