"""gwr review: check and correct facts in a browser, beside the sentence each came from.

`app` serves the pages (a document's text with its figures highlighted, a queue of facts) and
takes decisions; `decisions` makes a decision into the row the warehouse keeps; `exchange` is the
same review as a CSV file for Excel; `store` opens the warehouse per request, so a review never
holds it while a run needs it. Corrections are data in the warehouse (`review_decision`), applied
by its views, so every rerun and re-extraction keeps them (warehouse/sql/views/int_reviewed_facts.sql).
"""
