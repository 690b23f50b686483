import * as assert from "assert";
import { globMatches, isGlob } from "../../core/glob";

describe("glob matching", () => {
    const cases: Array<[string, string, boolean]> = [
        ["*", "", true],
        ["*", "anything", true],
        ["", "", true],
        ["", "a", false],
        ["a?c", "abc", true],
        ["a?c", "ac", false],
        ["a*c", "ac", true],
        ["a*c", "abbbc", true],
        ["a*c", "abbbd", false],
        ["*.data", "db.data", true],
        ["db.data", "db-data", false],
        ["legacy-*-vol?", "legacy-eu-vol1", true],
        ["legacy-*-vol?", "legacy-eu-vol12", false],
        ["*a*b", "xaxxbyb", true],
        ["**", "x", true],
        ["a\\*", "a\\bc", true],
        ["[ab]", "a", false],
        ["[ab]", "[ab]", true],
    ];
    for (const [pattern, subject, expected] of cases) {
        it(`${JSON.stringify(pattern)} ${expected ? "matches" : "does not match"} ${JSON.stringify(subject)}`, () => {
            assert.strictEqual(globMatches(pattern, subject), expected);
        });
    }

    it("compares without case only when asked", () => {
        assert.strictEqual(globMatches("ARN:aws:*", "arn:AWS:ec2"), false);
        assert.strictEqual(globMatches("ARN:aws:*", "arn:AWS:ec2", { ignoreCase: true }), true);
    });

    it("knows a glob from a plain name", () => {
        assert.ok(isGlob("a*"));
        assert.ok(isGlob("a?"));
        assert.ok(!isGlob("a.b"));
    });

    // A backtracking matcher needs exponential time here (seconds from about 10 stars, hours at
    // 40); the two-pointer matcher does at most pattern × subject steps. The test's timeout is the
    // guard against a hang, not a speed measurement.
    it("answers adversarial patterns against long subjects (no backtracking)", function () {
        this.timeout(20_000);
        const subject = "a".repeat(5000);
        for (const stars of [12, 40]) {
            const pattern = "*a".repeat(stars) + "!";
            assert.strictEqual(globMatches(pattern, subject), false);
            assert.strictEqual(globMatches(pattern.slice(0, -1), subject), true);
        }
    });
});
