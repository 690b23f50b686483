// Data Lifecycle Manager policies in both input shapes. @pulumi/aws nests one `shareRule` per
// schedule and one `action` with `crossRegionCopies`; aws-native (CloudFormation) has lists:
// `shareRules[]` and `actions[].crossRegionCopy[]`. The rules walk either shape through these, so
// each check is written once and reports the provider's own paths.

import type { Finding } from "../../../core/rule";
import { eachItem, objectAt } from "./checks";

export interface DlmShape {
    /** How messages name the resource: `aws.dlm.LifecyclePolicy` or `aws-native.dlm.LifecyclePolicy`. */
    resource: string;
    native: boolean;
}

export const DLM: DlmShape = { resource: "aws.dlm.LifecyclePolicy", native: false };
export const NATIVE_DLM: DlmShape = { resource: "aws-native.dlm.LifecyclePolicy", native: true };

/** Each `policyDetails.schedules[]` entry (an unknown details block or list defers). */
export function eachSchedule(findings: Finding[], props: unknown, visit: (schedule: unknown, path: string) => void): void {
    const details = objectAt(findings, props, "policyDetails", "");
    eachItem(findings, details, "schedules", "policyDetails", visit);
}

/** The share rule(s) of one schedule: `shareRule` (aws) or each `shareRules[]` entry (aws-native). */
export function eachShareRule(findings: Finding[], schedule: unknown, path: string, shape: DlmShape, visit: (share: unknown, sharePath: string) => void): void {
    if (shape.native) {
        eachItem(findings, schedule, "shareRules", path, visit);
        return;
    }
    const share = objectAt(findings, schedule, "shareRule", path);
    if (share !== undefined) visit(share, `${path}.shareRule`);
}

/**
 * Cross-region copies of an event-based policy: `action.crossRegionCopies[]` (aws) or
 * `actions[].crossRegionCopy[]` (aws-native).
 */
export function eachEventCopy(findings: Finding[], props: unknown, shape: DlmShape, visit: (copy: unknown, copyPath: string) => void): void {
    const details = objectAt(findings, props, "policyDetails", "");
    if (shape.native) {
        eachItem(findings, details, "actions", "policyDetails", (action, actionPath) => {
            eachItem(findings, action, "crossRegionCopy", actionPath, visit);
        });
        return;
    }
    const action = objectAt(findings, details, "action", "policyDetails");
    eachItem(findings, action, "crossRegionCopies", "policyDetails.action", visit);
}
