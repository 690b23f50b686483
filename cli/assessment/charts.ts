// Inline SVG charts for the HTML report: no library, no request. Each chart has a <title> and
// <desc> for assistive technology; the report also gives every chart's numbers as a table.
import { escapeHtml as esc } from "./escape";
import type { HistoryPoint } from "./model";

export interface Series {
    key: string;
    label: string;
    colour: string;
}

/** Okabe-Ito colours: told apart with the common colour-vision deficiencies, and in greyscale print by their labels. */
export const CLOUD_SERIES: readonly Series[] = [
    { key: "aws", label: "AWS", colour: "#E69F00" },
    { key: "azure", label: "Azure", colour: "#0072B2" },
    { key: "gcp", label: "Google Cloud", colour: "#009E73" },
];

function legend(series: readonly Series[], y: number): string {
    return series.map((entry, index) => {
        const x = 150 + index * 140;
        return `<rect x="${x}" y="${y}" width="12" height="12" fill="${entry.colour}"/>` +
            `<text x="${x + 18}" y="${y + 10}" class="chart-label">${esc(entry.label)}</text>`;
    }).join("");
}

/**
 * Horizontal stacked bars: one bar per row (e.g. category), one segment per series (e.g. cloud),
 * the row's total at the end of the bar.
 */
export function stackedBarChart(options: {
    title: string;
    description: string;
    rows: ReadonlyArray<{ label: string; values: Record<string, number> }>;
    series: readonly Series[];
}): string {
    const { rows, series } = options;
    const width = 640;
    const labelWidth = 140;
    const barArea = width - labelWidth - 60;
    const rowHeight = 34;
    const top = 10;
    const legendY = top + rows.length * rowHeight + 10;
    const height = legendY + 24;
    const totals = rows.map((row) => series.reduce((sum, entry) => sum + (row.values[entry.key] ?? 0), 0));
    const max = Math.max(1, ...totals);
    const bars = rows.map((row, index) => {
        const y = top + index * rowHeight;
        let x = labelWidth;
        const segments = series.map((entry) => {
            const value = row.values[entry.key] ?? 0;
            if (value === 0) return "";
            const segment = (value / max) * barArea;
            const rect = `<rect x="${x.toFixed(1)}" y="${y}" width="${segment.toFixed(1)}" height="22" fill="${entry.colour}">` +
                `<title>${esc(`${row.label}, ${entry.label}: ${value}`)}</title></rect>` +
                (segment >= 24 ? `<text x="${(x + segment / 2).toFixed(1)}" y="${y + 15}" class="chart-value" text-anchor="middle">${value}</text>` : "");
            x += segment;
            return rect;
        }).join("");
        return `<text x="${labelWidth - 8}" y="${y + 15}" class="chart-label" text-anchor="end">${esc(row.label)}</text>${segments}` +
            `<text x="${(x + 6).toFixed(1)}" y="${y + 15}" class="chart-label">${totals[index]}</text>`;
    }).join("");
    return svg(options.title, options.description, width, height, bars + legend(series, legendY));
}

/** Mandatory and advisory findings of each run in the history, as two lines with labelled points. */
export function trendChart(history: readonly HistoryPoint[]): string {
    const width = 640;
    const height = 220;
    const left = 50;
    const right = 50;
    const top = 20;
    const bottom = 50;
    const max = Math.max(1, ...history.flatMap((point) => [point.mandatory, point.advisory]));
    const xOf = (index: number) => left + (history.length === 1 ? 0 : (index / (history.length - 1)) * (width - left - right));
    const yOf = (value: number) => top + (1 - value / max) * (height - top - bottom);
    const lines = [
        { key: "mandatory" as const, label: "mandatory", colour: "#B2182B", dash: "" },
        { key: "advisory" as const, label: "advisory", colour: "#555555", dash: ' stroke-dasharray="6 4"' },
    ].map((line) => {
        const points = history.map((point, index) => `${xOf(index).toFixed(1)},${yOf(point[line.key]).toFixed(1)}`);
        const dots = history.map((point, index) =>
            `<circle cx="${xOf(index).toFixed(1)}" cy="${yOf(point[line.key]).toFixed(1)}" r="4" fill="${line.colour}"/>` +
            `<text x="${xOf(index).toFixed(1)}" y="${(yOf(point[line.key]) - 8).toFixed(1)}" class="chart-label" text-anchor="middle">${point[line.key]}</text>`).join("");
        return `<polyline points="${points.join(" ")}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dash}/>${dots}`;
    }).join("");
    const axis = `<line x1="${left}" y1="${height - bottom}" x2="${width - right}" y2="${height - bottom}" stroke="#888"/>` +
        history.map((point, index) => `<text x="${xOf(index).toFixed(1)}" y="${height - bottom + 18}" class="chart-label" text-anchor="middle">${esc(point.generatedAt.slice(0, 10))}</text>`).join("");
    const legendY = height - 18;
    const key = `<line x1="${left}" y1="${legendY}" x2="${left + 24}" y2="${legendY}" stroke="#B2182B" stroke-width="2"/>` +
        `<text x="${left + 30}" y="${legendY + 4}" class="chart-label">mandatory findings</text>` +
        `<line x1="${left + 200}" y1="${legendY}" x2="${left + 224}" y2="${legendY}" stroke="#555555" stroke-width="2" stroke-dasharray="6 4"/>` +
        `<text x="${left + 230}" y="${legendY + 4}" class="chart-label">advisory findings</text>`;
    const description = history.map((point) => `${point.generatedAt.slice(0, 10)}: ${point.mandatory} mandatory, ${point.advisory} advisory`).join("; ");
    return svg("Findings per assessment", description, width, height, axis + lines + key);
}

function svg(title: string, description: string, width: number, height: number, body: string): string {
    const id = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return `<svg class="chart" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-labelledby="${id}-title ${id}-desc">` +
        `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(description)}</desc>${body}</svg>`;
}
