// ISO 8601 durations as Azure Backup writes them (`P7D`, `P4W`, `P1M`, `P1Y`, `PT12H`, `P1Y2M3DT4H`),
// turned into a number of days for comparison with `minRetentionDays` / `maxRetentionDays`.
//
// Calendar units use nominal lengths: a year is 365 days, a month 30 days, a week 7 days. That is
// how Azure Backup itself presents retention ranges (e.g. "P1M" as about 30 days), and it keeps the
// comparison independent of the date the backup is taken.

export const DAYS_PER_YEAR = 365;
export const DAYS_PER_MONTH = 30;

const number = "([0-9]+(?:[.,][0-9]+)?)";
const duration = new RegExp(
    `^P(?:${number}Y)?(?:${number}M)?(?:${number}W)?(?:${number}D)?(?:T(?:${number}H)?(?:${number}M)?(?:${number}S)?)?$`,
    "i",
);

function amount(text: string | undefined): number {
    return text === undefined ? 0 : Number(text.replace(",", "."));
}

/**
 * Days in an ISO 8601 duration, or `undefined` when the text is not one (empty `P`, a dangling `T`,
 * negative or out-of-order components, anything else).
 */
export function isoDurationDays(text: string): number | undefined {
    const trimmed = text.trim();
    const match = duration.exec(trimmed);
    if (!match) {
        return undefined;
    }
    const [, years, months, weeks, days, hours, minutes, seconds] = match;
    if ([years, months, weeks, days, hours, minutes, seconds].every((part) => part === undefined)) {
        return undefined;
    }
    if (/T$/i.test(trimmed)) {
        return undefined;
    }
    return amount(years) * DAYS_PER_YEAR + amount(months) * DAYS_PER_MONTH + amount(weeks) * 7 + amount(days)
        + amount(hours) / 24 + amount(minutes) / (24 * 60) + amount(seconds) / (24 * 60 * 60);
}
