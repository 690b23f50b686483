// The fixture estate of the assess tests: exports of three stacks (test/cli/fixtures/assess/stacks:
// AWS shop/prod, Azure media/prod, GCP analytics/prod, which is compliant), the assessment of an
// earlier run (previous-assessment.json) and a policy config whose exemptions expire relative to
// today, so "expiring within 30 days" means the same on every day the tests run.
import * as fs from "fs";
import * as path from "path";
import { cli, fixtures, type CliRun } from "./helpers";

export const assessFixtures = path.join(fixtures, "assess");
export const stacksDir = path.join(assessFixtures, "stacks");
export const previousAssessment = path.join(assessFixtures, "previous-assessment.json");

const DAY_MS = 24 * 60 * 60 * 1000;
/** The UTC date `days` from today, YYYY-MM-DD. */
export const dateIn = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);

/**
 * Only the rules the fixtures exercise are on, so every expected count below follows from the
 * fixture resources: one exemption expired 3 days ago, one expiring in 10 days, one in 100, one never.
 */
export function policyConfig(): Record<string, unknown> {
    return {
        all: "disabled",
        "aws-volumes-encrypted": { enforcementLevel: "mandatory", exemptions: [{ resource: "legacy-*", reason: "migrated in OPS-7", expires: dateIn(10) }] },
        "aws-snapshots-not-public": "mandatory",
        "aws-customer-managed-keys": "advisory",
        "azure-disks-not-exportable": { enforcementLevel: "mandatory", exemptions: [{ resource: "build-disk", reason: "build agent scratch disk", expires: dateIn(-3) }] },
        "azure-snapshots-expire": { enforcementLevel: "mandatory", exemptions: [{ resource: "golden-*", reason: "golden images are kept", expires: dateIn(100) }] },
        "gcp-iam-not-public": "mandatory",
        "gcp-snapshots-expire": { enforcementLevel: "mandatory", exemptions: [{ resource: "audit-snapshot", reason: "legal hold" }] },
    };
}

export function writePolicyConfig(dir: string): string {
    const file = path.join(dir, "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(policyConfig(), null, 2));
    return file;
}

/** `assess` of the three fixture stacks with the fixture config and the previous assessment, into `dir`/report. */
export function assessFixtureEstate(dir: string, extra: readonly string[] = [], env: NodeJS.ProcessEnv = {}): CliRun & { output: string } {
    const output = path.join(dir, "report");
    const run = cli(["assess", stacksDir, "--policy-pack-config", writePolicyConfig(dir), "--previous", previousAssessment, "--output", output, ...extra], { env });
    return { ...run, output };
}
