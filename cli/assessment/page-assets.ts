// The style sheet and the one script of the HTML report, inlined into the page (it must work opened
// from disk, with no request). The script only sorts tables; without it the page is complete.

export const STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --line: #ccc; --bad: #B2182B; --good: #1B7837; }
* { box-sizing: border-box; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 0; background: #fff; }
header, main { max-width: 1100px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.7em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 32px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1.08em; margin: 22px 0 6px; }
.meta, .note { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
.totals { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 10px; margin: 16px 0; padding: 0; }
.totals div { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; }
.totals dt { color: var(--muted); font-size: 0.9em; }
.totals dd { margin: 2px 0 0; font-size: 1.9em; font-weight: 600; }
.totals .alarm dd { color: var(--bad); }
table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
td .meta { overflow-wrap: anywhere; }
thead th { background: #f3f3f3; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; text-align: inherit; }
th button::after { content: " \\2195"; color: var(--muted); }
th[aria-sort="ascending"] button::after { content: " \\2191"; }
th[aria-sort="descending"] button::after { content: " \\2193"; }
th button:focus-visible, a:focus-visible { outline: 2px solid #0072B2; outline-offset: 2px; }
.mandatory { color: var(--bad); font-weight: 600; }
.fixed { color: var(--good); }
.chart { max-width: 100%; height: auto; }
.chart-label { font-size: 12px; fill: var(--ink); }
.chart-value { font-size: 12px; fill: #fff; font-weight: 600; }
.rule { border-top: 1px solid var(--line); }
.error { color: var(--bad); }
@media print {
  body { font-size: 11pt; }
  table { font-size: 9pt; }
  th, td { padding: 3px 5px; }
  header, main { max-width: none; padding: 0; }
  th button { pointer-events: none; }
  th button::after { content: ""; }
  a { color: inherit; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.85em; color: var(--muted); }
  thead { display: table-header-group; }
  tr, .totals div, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

export const SORT_SCRIPT = `
(function () {
  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var numeric = th.getAttribute("data-type") === "number";
        var current = th.getAttribute("aria-sort");
        var direction = current === "descending" ? "ascending" : current === "ascending" ? "descending" : numeric ? "descending" : "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", direction);
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[column];
          var text = cell.getAttribute("data-value") || cell.textContent.trim();
          return numeric ? Number(text) : text;
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          if (order === 0) order = a.cells[0].textContent.localeCompare(b.cells[0].textContent) * (direction === "ascending" ? 1 : -1);
          return direction === "ascending" ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
`;
