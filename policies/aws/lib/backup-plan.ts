// AWS Backup plans in both input shapes: @pulumi/aws has `rules[]` with `copyActions[].destinationVaultArn`
// and `lifecycle.deleteAfter`; aws-native (CloudFormation) nests them in `backupPlan.backupPlanRule[]`
// with `destinationBackupVaultArn` and `lifecycle.deleteAfterDays`.

import type { Finding } from "../../../core/rule";
import { eachItem, objectAt } from "./checks";

export interface PlanShape {
    /** How messages name the resource. */
    resource: string;
    /** Where the rules list sits: `rules` or `backupPlan.backupPlanRule`. */
    rulesPath: readonly string[];
    destinationKey: string;
    deleteAfterKey: string;
    coldStorageKey: string;
}

export const PLAN: PlanShape = {
    resource: "aws.backup.Plan", rulesPath: ["rules"],
    destinationKey: "destinationVaultArn", deleteAfterKey: "deleteAfter", coldStorageKey: "coldStorageAfter",
};

export const NATIVE_PLAN: PlanShape = {
    resource: "aws-native.backup.BackupPlan", rulesPath: ["backupPlan", "backupPlanRule"],
    destinationKey: "destinationBackupVaultArn", deleteAfterKey: "deleteAfterDays", coldStorageKey: "moveToColdStorageAfterDays",
};

/** Each backup rule of the plan, with its path (an unknown container or list defers). */
export function eachPlanRule(findings: Finding[], props: unknown, shape: PlanShape, visit: (rule: unknown, path: string) => void): void {
    let container = props;
    let path = "";
    for (const key of shape.rulesPath.slice(0, -1)) {
        container = objectAt(findings, container, key, path);
        path = path === "" ? key : `${path}.${key}`;
    }
    eachItem(findings, container, shape.rulesPath[shape.rulesPath.length - 1], path, visit);
}
