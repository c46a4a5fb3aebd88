"""The report's tables: every row, a page at a time, sorted by any column the reader clicks.

A table is plain HTML with all its rows (a page printed or read without JavaScript shows them
all); a small script shows them `PAGE_ROWS` at a time with a pager under the table and sorts
by a clicked header, numbers as numbers. No scrolling box: the page itself scrolls.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

Rows = list[dict[str, Any]]
PAGE_ROWS = 25

STYLE = """
table.paged { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.5rem; }
table.paged th, table.paged td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left;
  vertical-align: top; }
table.paged th { background: #f5f5f5; cursor: pointer; white-space: nowrap; }
table.paged th[aria-sort=ascending]::after { content: " ▲"; }
table.paged th[aria-sort=descending]::after { content: " ▼"; }
table.paged td.num { text-align: right; font-variant-numeric: tabular-nums; }
.pager { margin: 0.4rem 0 0; font-size: 0.85rem; color: #444; } .pager button { margin-right: 0.4rem; }
"""

# Pages and sorts every table.paged; the rows stay in the page, hidden, so nothing is lost.
SCRIPT = """
document.querySelectorAll("table.paged").forEach(function (table) {
  var body = table.tBodies[0], rows = Array.from(body.rows), size = PAGE_ROWS, page = 0;
  var pager = document.createElement("div"); pager.className = "pager";
  table.insertAdjacentElement("afterend", pager);
  function show() {
    var pages = Math.max(1, Math.ceil(rows.length / size)); page = Math.min(page, pages - 1);
    rows.forEach(function (row, i) { row.style.display = Math.floor(i / size) === page ? "" : "none"; });
    var first = rows.length ? page * size + 1 : 0, last = Math.min(rows.length, (page + 1) * size);
    pager.innerHTML = "<button data-go='-1'>‹ previous</button><button data-go='1'>next ›</button>" +
      "rows " + first + "–" + last + " of " + rows.length + " · page " + (page + 1) + " of " + pages;
    pager.querySelectorAll("button").forEach(function (b) {
      b.disabled = (b.dataset.go === "-1" && page === 0) || (b.dataset.go === "1" && page === pages - 1);
      b.onclick = function () { page += Number(b.dataset.go); show(); };
    });
  }
  Array.from(table.tHead.rows[0].cells).forEach(function (th, column) {
    th.onclick = function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.from(table.tHead.rows[0].cells).forEach(function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      rows.sort(function (a, b) {
        var x = a.cells[column].dataset.v, y = b.cells[column].dataset.v;
        var nx = parseFloat(x), ny = parseFloat(y), n = !isNaN(nx) && !isNaN(ny);
        var order = n ? nx - ny : (x || "").localeCompare(y || "", "zh");
        return up ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); }); page = 0; show();
    };
  });
  show();
});
""".replace("PAGE_ROWS", str(PAGE_ROWS))


def table(rows: Rows, columns: Sequence[str], table_id: str) -> str:
    """Every row of `rows` as a paged, sortable table of `columns`."""
    if not rows:
        return "<p class='meta'>none</p>"
    head = "".join(f"<th scope='col'>{html.escape(column)}</th>" for column in columns)
    body = "".join("<tr>" + "".join(_cell(row[column]) for column in columns) + "</tr>" for row in rows)
    return f"<table class='paged' id='{table_id}'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(value: Any) -> str:
    if value is None:
        return "<td data-v=''></td>"
    if isinstance(value, bool):
        return f"<td data-v='{int(value)}'>{'yes' if value else 'no'}</td>"
    if isinstance(value, int | float):
        return f"<td class='num' data-v='{value!r}'>{value:g}</td>"
    if isinstance(value, list):
        value = ", ".join(map(str, value))
    text = html.escape(str(value))
    return f"<td data-v='{text}'>{text}</td>"
