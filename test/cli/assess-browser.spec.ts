// The assessment page in a real browser: headless Chromium (Debian's `chromium` package, which
// .ci/run installs; CHROMIUM_PATH names another binary) opens index.html from disk. The test reads
// totals and table rows from the rendered DOM, sorts the stack table, takes a screenshot (expected
// size, not blank, the chart's colours drawn), checks the printed layout, and checks that the page
// makes no request. Without Chromium it fails in CI and is skipped, saying so, elsewhere.
import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { chromium, type Browser, type Page } from "playwright-core";
import { assessFixtureEstate, dateIn } from "./assess-fixtures";
import { tempDir } from "./helpers";

const VIEWPORT = { width: 1280, height: 900 };

function chromiumExecutable(): string | undefined {
    const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
    return candidates.find((candidate): candidate is string => Boolean(candidate) && fs.existsSync(candidate!));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
    assert.strictEqual(png.subarray(1, 4).toString("latin1"), "PNG");
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const rowsOf = (page: Page, selector: string) => page.$$eval(`${selector} tbody tr`, (rows) =>
    rows.map((row) => Array.from((row as HTMLTableRowElement).cells, (cell) => cell.textContent!.trim().replace(/\s+/g, " "))));

describe("cli: assess report in headless Chromium", function () {
    this.timeout(180_000);
    let browser: Browser | undefined;
    let page: Page;
    let pageUrl: string;
    const requests: string[] = [];
    const problems: string[] = [];

    before(async function () {
        const executable = chromiumExecutable();
        if (!executable) {
            if (process.env.CI) throw new Error("Chromium is missing: .ci/run installs Debian's chromium package (apt-get install -y chromium), or set CHROMIUM_PATH");
            process.stdout.write("      skipped: no Chromium (install Debian's chromium package or set CHROMIUM_PATH)\n");
            this.skip();
        }
        const run = assessFixtureEstate(tempDir());
        assert.strictEqual(run.status, 1, run.stderr);
        pageUrl = pathToFileURL(path.join(run.output, "index.html")).href;
        browser = await chromium.launch({ executablePath: executable });
        page = await browser.newPage({ viewport: VIEWPORT });
        page.on("request", (request) => requests.push(request.url()));
        page.on("console", (message) => { if (message.type() === "error" || message.type() === "warning") problems.push(message.text()); });
        page.on("pageerror", (error) => problems.push(error.message));
        await page.goto(pageUrl, { waitUntil: "load" });
    });

    after(async () => {
        await browser?.close();
    });

    it("loads from disk with no request but the page itself, and no error or warning in the console", () => {
        assert.deepStrictEqual(requests, [pageUrl]);
        assert.deepStrictEqual(problems, []);
    });

    it("shows the totals first: mandatory findings, stacks affected, advisory, resources, exemptions expiring", async () => {
        assert.strictEqual(await page.$eval("main h2", (heading) => heading.textContent), "Totals");
        const tiles = await page.$$eval(".totals div", (tiles) => tiles.map((tile) => [tile.querySelector("dt")!.textContent, tile.querySelector("dd")!.textContent]));
        assert.deepStrictEqual(tiles, [
            ["Mandatory findings", "4"], ["Stacks with mandatory findings", "2 of 3"], ["Advisory findings", "1"],
            ["Resources scanned", "16"], ["Exemptions expiring within 30 days", "1"],
        ]);
        const worst = await page.$$eval(".worst-rules li code", (codes) => codes.map((code) => code.textContent));
        assert.deepStrictEqual(worst, ["aws-snapshots-not-public", "aws-volumes-encrypted", "azure-disks-not-exportable", "azure-snapshots-expire", "aws-customer-managed-keys"]);
    });

    it("lists the stacks in a table, most mandatory findings first, and sorts it by any column", async () => {
        assert.deepStrictEqual(await rowsOf(page, "#stack-table"), [
            ["shop/prod", "2", "1", "6", "critical", "1 exempted check"],
            ["media/prod", "2", "0", "6", "high", "1 exempted check"],
            ["analytics/prod", "0", "0", "4", "", "1 exempted check"],
        ]);
        assert.strictEqual(await page.$eval("#stack-table th[aria-sort]", (th) => `${th.textContent} ${th.getAttribute("aria-sort")}`), "Mandatory descending");
        await page.click("#stack-table thead button:text-is('Stack')");
        assert.deepStrictEqual((await rowsOf(page, "#stack-table")).map((row) => row[0]), ["analytics/prod", "media/prod", "shop/prod"]);
        assert.strictEqual(await page.$eval("#stack-table th[aria-sort]", (th) => `${th.textContent} ${th.getAttribute("aria-sort")}`), "Stack ascending");
        await page.click("#stack-table thead button:text-is('Resources')");
        assert.deepStrictEqual((await rowsOf(page, "#stack-table")).map((row) => row[3]), ["6", "6", "4"]);
        await page.click("#stack-table thead button:text-is('Resources')");
        assert.deepStrictEqual((await rowsOf(page, "#stack-table")).map((row) => row[3]), ["4", "6", "6"]);
        assert.strictEqual(await page.$$eval("#stack-table tbody th[scope=row]", (cells) => cells.length), 3);
    });

    it("draws findings by category and cloud as an image with a text alternative, and gives the numbers as a table", async () => {
        const chart = await page.$eval("#categories-heading ~ figure svg[role=img]", (svg) => {
            const ids = svg.getAttribute("aria-labelledby")!.split(" ");
            return ids.map((id) => document.getElementById(id)!.textContent);
        });
        assert.deepStrictEqual(chart, ["Findings by category and cloud",
            "Exposure: AWS 1, Azure 1, Google Cloud 0; Encryption: AWS 2, Azure 0, Google Cloud 0; Lifecycle: AWS 0, Azure 1, Google Cloud 0; Hardening: AWS 0, Azure 0, Google Cloud 0"]);
        assert.deepStrictEqual(await rowsOf(page, "#category-table"), [
            ["Exposure", "1", "1", "0", "2", "2"],
            ["Encryption", "2", "0", "0", "2", "1"],
            ["Lifecycle", "0", "1", "0", "1", "1"],
            ["Hardening", "0", "0", "0", "0", "0"],
        ]);
    });

    it("lists the exemption expiring within 30 days, and the expired one", async () => {
        assert.deepStrictEqual(await rowsOf(page, "#expiring-exemptions"), [
            ["aws-volumes-encrypted", "legacy-*", `${dateIn(10)} (10 days left)`, "migrated in OPS-7", "1"],
        ]);
        assert.deepStrictEqual(await rowsOf(page, "#expired-exemptions"), [
            ["azure-disks-not-exportable", "build-disk", `${dateIn(-3)} (expired 3 days ago)`, "build agent scratch disk", "1"],
        ]);
    });

    it("shows the change since the previous assessment: totals, new and fixed findings, the trend", async () => {
        assert.deepStrictEqual(await rowsOf(page, "table.change"), [
            ["Mandatory findings", "5", "4", "1 fewer"],
            ["Advisory findings", "1", "1", "no change"],
            ["Stacks with mandatory findings", "3", "2", "1 fewer"],
            ["Resources scanned", "20", "16", "4 fewer"],
        ]);
        assert.deepStrictEqual(await page.$$eval("[data-count]", (counts) => counts.map((count) => count.textContent)), ["4 new findings", "3 fixed findings"]);
        assert.strictEqual(await page.$$eval("#trend-heading ~ figure svg circle", (circles) => circles.length), 6, "two lines of three runs");
        const fixed = await page.$$eval("#fixed-findings + table tbody tr", (rows) => rows.map((row) => (row as HTMLTableRowElement).cells[2].querySelector("code")!.textContent));
        assert.deepStrictEqual(fixed.sort(), ["data", "old-share", "private-disk"]);
    });

    it("has one section per rule with a heading, its resources and the fix, worst rule first", async () => {
        const headings = await page.$$eval("section.rule h3", (headings) => headings.map((heading) => heading.textContent));
        assert.deepStrictEqual(headings.map((heading) => heading!.split(":")[0]),
            ["aws-snapshots-not-public", "aws-volumes-encrypted", "azure-disks-not-exportable", "azure-snapshots-expire", "aws-customer-managed-keys"]);
        const keys = await page.$$eval("section.rule", (sections) => sections.map((section) => Array.from(section.querySelectorAll("tbody tr"), (row) => row.querySelector("code")!.textContent)));
        assert.deepStrictEqual(keys, [["share"], ["data"], ["build-disk"], ["adhoc"], ["scratch"]]);
    });

    it("renders a screenshot of the expected size that is not blank and shows the chart's colours", async () => {
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const png = await page.screenshot({ fullPage: true });
        assert.deepStrictEqual(pngSize(png), { width: VIEWPORT.width, height });
        assert.ok(height > VIEWPORT.height, `the page is ${height} px tall`);
        // A second, blank page decodes the screenshot (the report's own policy forbids data: images).
        const decoder = await browser!.newPage();
        try {
            const pixels = await decoder.evaluate(async (base64: string) => {
                const image = new Image();
                image.src = `data:image/png;base64,${base64}`;
                await image.decode();
                const canvas = document.createElement("canvas");
                canvas.width = image.width;
                canvas.height = image.height;
                const context = canvas.getContext("2d")!;
                context.drawImage(image, 0, 0);
                const data = context.getImageData(0, 0, image.width, image.height).data;
                let ink = 0;
                const seen = new Set<string>();
                for (let index = 0; index < data.length; index += 4) {
                    if (data[index] < 240 || data[index + 1] < 240 || data[index + 2] < 240) ink++;
                    seen.add(`${data[index]},${data[index + 1]},${data[index + 2]}`);
                }
                return { ink: ink / (data.length / 4), hasAws: seen.has("230,159,0"), hasAzure: seen.has("0,114,178"), hasMandatory: seen.has("178,24,43") };
            }, png.toString("base64"));
            assert.ok(pixels.ink > 0.02, `only ${(pixels.ink * 100).toFixed(2)}% of the screenshot is not white`);
            assert.deepStrictEqual([pixels.hasAws, pixels.hasAzure, pixels.hasMandatory], [true, true, true], "chart and mandatory colours drawn");
        } finally {
            await decoder.close();
        }
    });

    it("prints on A4: nothing wider than the page, a PDF of several pages", async () => {
        await page.emulateMedia({ media: "print" });
        await page.setViewportSize({ width: 718, height: 1000 }); // A4 minus default margins, at 96 dpi
        try {
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 0, `the printed page is ${overflow} px too wide`);
            assert.strictEqual(await page.$eval("#stack-table thead button", (button) => getComputedStyle(button, "::after").content), "\"\"");
            const pdf = await page.pdf({ format: "A4" });
            assert.strictEqual(pdf.subarray(0, 5).toString("latin1"), "%PDF-");
            assert.ok((pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length >= 2);
        } finally {
            await page.emulateMedia({ media: "screen" });
            await page.setViewportSize(VIEWPORT);
        }
    });
});
