import * as assert from "assert";
import { exemptionCovers, findExemption, isExpired } from "../../core/exemptions";

const urn = "urn:pulumi:prod::shop::aws:ebs/volume:Volume::db-data";

describe("exemptions", () => {
    describe("exemptionCovers", () => {
        it("matches the exact URN or the resource name", () => {
            assert.ok(exemptionCovers(urn, urn, "db-data"));
            assert.ok(exemptionCovers("db-data", urn, "db-data"));
            assert.ok(!exemptionCovers("db", urn, "db-data"));
        });
        it("matches globs over the name or the URN", () => {
            assert.ok(exemptionCovers("db-*", urn, "db-data"));
            assert.ok(exemptionCovers("urn:pulumi:prod::shop::aws:ebs/volume:Volume::*", urn, "db-data"));
            assert.ok(exemptionCovers("db-dat?", urn, "db-data"));
            assert.ok(!exemptionCovers("urn:pulumi:dev::*", urn, "db-data"));
        });
        it("answers an adversarial pattern against a long name (no backtracking)", function () {
            this.timeout(20_000);
            const long = "a".repeat(5000);
            assert.ok(!exemptionCovers("*a".repeat(40) + "!", `urn:pulumi:prod::shop::aws:ebs/volume:Volume::${long}`, long));
        });
        it("treats regex characters in patterns literally", () => {
            assert.ok(!exemptionCovers("db.data", urn, "db-data"));
            assert.ok(exemptionCovers("db.data*", urn, "db.data-1"));
        });
    });

    describe("isExpired", () => {
        const exemption = { resource: "x", reason: "r", expires: "2026-06-15" };
        it("applies through the whole expiry day (UTC)", () => {
            assert.strictEqual(isExpired(exemption, new Date("2026-06-15T23:59:59Z")), false);
            assert.strictEqual(isExpired(exemption, new Date("2026-06-16T00:00:00Z")), true);
        });
        it("never expires without a date", () => {
            assert.strictEqual(isExpired({ resource: "x", reason: "r" }, new Date("2999-01-01")), false);
        });
    });

    describe("findExemption", () => {
        const now = new Date("2026-06-15T12:00:00Z");
        it("prefers an active exemption over an expired one", () => {
            const match = findExemption([
                { resource: "db-*", reason: "old", expires: "2020-01-01" },
                { resource: "db-data", reason: "new", expires: "2027-01-01" },
            ], urn, "db-data", now);
            assert.deepStrictEqual(match, { state: "active", exemption: { resource: "db-data", reason: "new", expires: "2027-01-01" } });
        });
        it("reports an expired exemption so the message can say so", () => {
            const match = findExemption([{ resource: "db-*", reason: "old", expires: "2020-01-01" }], urn, "db-data", now);
            assert.strictEqual(match.state, "expired");
        });
        it("finds nothing for other resources", () => {
            assert.deepStrictEqual(findExemption([{ resource: "web-*", reason: "r" }], urn, "db-data", now), { state: "none" });
        });
    });
});
