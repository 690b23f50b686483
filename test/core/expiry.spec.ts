import * as assert from "assert";
import { checkExpiryTag, type ExpiryOptions } from "../../core/expiry";
import { UNKNOWN } from "../../core/values";

const base: ExpiryOptions = {
    container: "tags",
    resource: "the aws.ebs.Snapshot",
    retentionTagKeys: ["expires-on", "retention-days"],
    maxRetentionDays: undefined,
    now: new Date("2026-06-15T18:00:00Z"),
};

function verdict(tags: unknown, options: Partial<ExpiryOptions> = {}) {
    return checkExpiryTag(tags === undefined ? {} : { tags }, { ...base, ...options })
        .map((finding) => `${finding.kind} ${finding.path}${finding.kind === "violation" ? `: ${finding.problem}` : ""}`);
}

describe("expiry tags", () => {
    it("accepts a date today or later", () => {
        assert.deepStrictEqual(verdict({ "expires-on": "2026-06-15" }), []);
        assert.deepStrictEqual(verdict({ "expires-on": "2027-01-01", team: "a" }), []);
    });
    it("accepts a positive number of days, as string or number", () => {
        assert.deepStrictEqual(verdict({ "retention-days": "30" }), []);
        assert.deepStrictEqual(verdict({ "retention-days": 30 }), []);
    });
    it("blocks tags omitted, or without a retention key", () => {
        assert.match(verdict(undefined)[0], /^violation tags: no expiry tag/);
        assert.match(verdict({ team: "a" })[0], /^violation tags: no expiry tag/);
    });
    it("blocks a date in the past", () => {
        assert.deepStrictEqual(verdict({ "expires-on": "2026-06-14" }), ['violation tags["expires-on"]: the expiry date has passed']);
    });
    it("blocks malformed values and says what is expected", () => {
        for (const value of ["soon", "2026-13-01", "2026-02-30", "0", "-3", "15/06/2027", ""]) {
            assert.match(verdict({ "expires-on": value })[0], /malformed \(expected a date YYYY-MM-DD or a positive whole number of days\)/, value);
        }
    });
    it("applies maxRetentionDays to both forms", () => {
        assert.match(verdict({ "retention-days": "90" }, { maxRetentionDays: 35 })[0], /longer than 35 days/);
        assert.match(verdict({ "expires-on": "2026-09-01" }, { maxRetentionDays: 35 })[0], /more than 35 days ahead/);
        assert.deepStrictEqual(verdict({ "expires-on": "2026-07-01" }, { maxRetentionDays: 35 }), []);
    });
    it("uses the configured keys, case-insensitively", () => {
        assert.deepStrictEqual(verdict({ DeleteAfter: "2027-01-01" }, { retentionTagKeys: ["deleteafter"] }), []);
        assert.match(verdict({ "expires-on": "2027-01-01" }, { retentionTagKeys: ["deleteafter"] })[0], /no expiry tag \(one of deleteafter\)/);
    });
    it("passes when any one retention tag is valid", () => {
        assert.deepStrictEqual(verdict({ "expires-on": "bad", "retention-days": "7" }), []);
    });
    it("defers unknown tags or an unknown value", () => {
        assert.deepStrictEqual(verdict(UNKNOWN), ["deferred tags"]);
        assert.deepStrictEqual(verdict({ "expires-on": UNKNOWN }), ['deferred tags["expires-on"]']);
    });
    it("works with GCP-style labels", () => {
        assert.deepStrictEqual(checkExpiryTag({ labels: { "expires-on": "2027-01-01" } }, { ...base, container: "labels" }), []);
    });
});

describe("expiry tags as CloudFormation { key, value } entries", () => {
    const list = (tags: unknown) => verdict(tags, { list: true });
    it("reads the entry whose key is a retention key, case-insensitively", () => {
        assert.deepStrictEqual(list([{ key: "team", value: "a" }, { key: "Expires-On", value: "2027-01-01" }]), []);
        assert.deepStrictEqual(list([{ key: "retention-days", value: "30" }]), []);
    });
    it("blocks a list without an expiry entry, naming the entry form in the fix", () => {
        assert.match(list([{ key: "team", value: "a" }])[0], /^violation tags: no expiry tag/);
        const [finding] = checkExpiryTag({}, { ...base, list: true });
        assert.ok(finding.kind === "violation" && finding.fix.includes('{ key: "expires-on", value: "YYYY-MM-DD" }'), JSON.stringify(finding));
    });
    it("reports the value path of a bad entry", () => {
        assert.deepStrictEqual(list([{ key: "team", value: "a" }, { key: "expires-on", value: "2020-01-01" }]), ["violation tags[1].value: the expiry date has passed"]);
    });
    it("defers an unknown entry or key only when no known entry decides", () => {
        assert.deepStrictEqual(list([{ key: "team", value: "a" }, UNKNOWN]), ["deferred tags[1]"]);
        assert.deepStrictEqual(list([{ key: UNKNOWN, value: "a" }]), ["deferred tags[0]"]);
        assert.deepStrictEqual(list([UNKNOWN, { key: "retention-days", value: "30" }]), []);
    });
    it("still reads a key → value map given where entries are expected", () => {
        assert.deepStrictEqual(list({ "expires-on": "2027-01-01" }), []);
    });
});
