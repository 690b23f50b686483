import * as assert from "assert";
import { isoDurationDays } from "../../policies/azure/lib/iso-duration";

describe("azure lib: ISO 8601 durations in days", () => {
    const valid: Array<[string, number]> = [
        ["P7D", 7], ["P1D", 1], ["P0D", 0], ["P4W", 28], ["P1M", 30], ["P6M", 180], ["P1Y", 365], ["P10Y", 3650],
        ["p30d", 30], ["P1Y2M3D", 365 + 60 + 3], ["PT24H", 1], ["PT12H", 0.5], ["P1DT12H", 1.5], ["PT1440M", 1],
        ["PT86400S", 1], ["P1.5D", 1.5], ["P0,5D", 0.5], [" P7D ", 7], ["P2W3D", 17],
    ];
    for (const [text, days] of valid) {
        it(`reads ${JSON.stringify(text)} as ${days} days`, () => {
            assert.strictEqual(isoDurationDays(text), days);
        });
    }
    const invalid = ["", "P", "PT", "P1DT", "7D", "P-7D", "P7", "P7X", "D7P", "P1D1M", "PT1D", "P1H", "seven days", "P7D junk", "1"];
    for (const text of invalid) {
        it(`rejects ${JSON.stringify(text)}`, () => {
            assert.strictEqual(isoDurationDays(text), undefined);
        });
    }
});
