// examples/org-pack under the real engine: an organisation's pack that embeds a selection of our
// rules reports, for those rules, exactly what our own pack reports with the equivalent policy config.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { allRules } from "../../policies";
import { repoRoot } from "../harness";
import { installOrgPack } from "../protocol/org-pack-install";
import { multiset, policyFindings, workspace } from "./engine";

describe("e2e: an organisation pack embedding our rules", function () {
    this.timeout(600_000);

    it("pulumi preview with examples/org-pack gives our selected rules' findings, under the organisation's pack", () => {
        const pack = installOrgPack();
        const project = workspace(path.join(repoRoot, "examples", "aws-insecure"));
        const embedded = project.preview({ pack });
        const ownPolicy = "acme-volumes-have-owner";
        const events = embedded.events.flatMap((event) => event.policyEvent ? [event.policyEvent as { policyPackName: string; policyName: string }] : []);
        assert.ok(events.length > 0, embedded.stderr);
        assert.ok(events.every((event) => event.policyPackName === "acme-policies"));
        assert.strictEqual(embedded.status, 1);

        // The selection of examples/org-pack/index.ts as our own pack's policy config.
        const selected = (id: string) => allRules.some((rule) => rule.id === id && rule.cloud === "aws" && ["exposure", "encryption"].includes(rule.category));
        const equivalent: Record<string, unknown> = {};
        for (const rule of allRules) {
            if (!selected(rule.id) || rule.id === "aws-customer-managed-keys") equivalent[rule.id] = "disabled";
            else if (rule.config.includes("trustedAccountIds")) equivalent[rule.id] = { trustedAccountIds: ["111122223333"] };
        }
        const config = path.join(project.toolchain.home, "equivalent.json");
        fs.writeFileSync(config, JSON.stringify(equivalent));
        const ours = project.preview({ config });
        assert.deepStrictEqual(multiset(policyFindings(embedded.events).filter((finding) => finding.rule !== ownPolicy)),
            multiset(policyFindings(ours.events)));
    });
});
