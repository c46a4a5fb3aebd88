"""Reports built from the warehouse for people who do not write SQL: `gwr report --out report.html`."""
