"""The review web app: server-rendered pages and two JSON endpoints that write decisions.

Pages: `/` (documents and what became of the decisions), `/doc/{sha256}` (the text with every
figure highlighted), `/queue` (facts one after another, least confident first). Writes:
`POST /api/decide` (accept, reject or edit a fact) and `POST /api/add` (a figure the extractor
missed, selected in the text). Every page and answer is built from the warehouse; no request
parameter names a file (documents are found by their sha256 in the warehouse, static files by a
fixed list), and every text is escaped by the templates (`autoescape`).
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from review import decisions, pages
from review.security import TOKEN_HEADER, Guard
from review.store import Reader, Store
from warehouse import WarehouseBusy, WarehouseError

STATIC = {"review.js": "text/javascript; charset=utf-8", "review.css": "text/css; charset=utf-8"}


@dataclass(frozen=True, slots=True)
class ReviewConfig:
    """Everything the app is given: the warehouse, how long to wait for it, who reviews, and its address."""

    db: Path
    wait_seconds: float
    reviewer: str
    host: str = "127.0.0.1"
    port: int = 8765


def create_app(config: ReviewConfig, guard: Guard | None = None) -> FastAPI:
    """The app for `config`; `guard` defaults to one for the configured address."""
    pages_ = Pages(config, guard or Guard.for_address(config.host, config.port))
    app = FastAPI(title="gwr review", docs_url=None, redoc_url=None, openapi_url=None)
    app.middleware("http")(pages_.guard.middleware)
    app.add_exception_handler(WarehouseError, _warehouse_failed)
    app.add_exception_handler(decisions.DecisionError, _bad_decision)
    app.add_api_route("/", pages_.home, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/doc/{doc_id}", pages_.document, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/queue", pages_.queue, methods=["GET"], response_class=HTMLResponse)
    app.add_api_route("/static/{name}", pages_.static, methods=["GET"])
    app.add_api_route("/favicon.ico", _no_icon, methods=["GET"])
    app.add_api_route("/api/decide", pages_.decide, methods=["POST"])
    app.add_api_route("/api/add", pages_.add, methods=["POST"])
    app.state.store = pages_.store
    app.state.guard = pages_.guard
    return app


def _no_icon() -> Response:
    return Response(status_code=204)


async def _warehouse_failed(request: Request, exc: Exception) -> Response:
    status = 503 if isinstance(exc, WarehouseBusy) else 500
    return JSONResponse({"error": str(exc)}, status_code=status)


async def _bad_decision(request: Request, exc: Exception) -> Response:
    return JSONResponse({"error": str(exc)}, status_code=400)


class Pages:
    """The app's handlers, over one store, one guard and the templates."""

    def __init__(self, config: ReviewConfig, guard: Guard) -> None:
        self.config = config
        self.guard = guard
        self.store = Store(config.db, config.wait_seconds)
        self.templates = Environment(loader=PackageLoader("review", "templates"),
                                     autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
        self.who = (config.reviewer, "browser")

    def render(self, name: str, **context: Any) -> HTMLResponse:
        page = self.templates.get_template(name).render(csrf_token=self.guard.token, token_header=TOKEN_HEADER,
                                                        reviewer=self.config.reviewer, **context)
        return HTMLResponse(page)

    def home(self) -> HTMLResponse:
        """The documents, and what became of the decisions (orphaned ones listed)."""
        with self.store.reading() as reader:
            documents = reader.rows("review_documents")
            judged = reader.rows("review_decisions")
        statuses: dict[str, int] = {}
        for row in judged:
            statuses[row["status"]] = statuses.get(row["status"], 0) + 1
        orphans = [row for row in judged if row["status"] == "orphaned"]
        return self.render("home.html", documents=documents, statuses=statuses, orphans=orphans)

    def document(self, doc_id: str) -> HTMLResponse:
        """A document's text with every figure highlighted, its facts beside it."""
        if not pages.is_document_key(doc_id):
            raise HTTPException(404, "no such document")
        with self.store.reading() as reader:
            doc = reader.one("review_document", doc_id=doc_id)
            if doc is None:
                raise HTTPException(404, "no such document")
            facts = reader.rows("review_document_facts", doc_id=doc_id)
            lists = pages.vocabulary_lists(reader.rows("review_vocabulary"))
        return self.render("document.html", doc=doc, facts=facts, segments=pages.segments(doc["raw_text"], facts),
                           facts_json=[pages.plain(f) for f in facts], lists=lists, units=_units(),
                           state=pages.state)

    def queue(self, request: Request) -> HTMLResponse:
        """The facts of the filter, least confident first, one page of them."""
        filters = pages.queue_filters(request.query_params)
        page = pages.queue_page(request.query_params)
        with self.store.reading() as reader:
            rows = reader.rows("review_queue", **filters, limit=pages.QUEUE_PAGE, offset=page * pages.QUEUE_PAGE)
            lists = pages.vocabulary_lists(reader.rows("review_vocabulary"))
        counts = rows[0] if rows else {"n_total": 0, "n_reviewed": 0}
        items = [row for row in rows if row["fact_id"] is not None]
        return self.render("queue.html", items=items, facts_json=[pages.plain(f) for f in items], filters=filters,
                           page=page, page_size=pages.QUEUE_PAGE, counts=counts, lists=lists, units=_units(),
                           state=pages.state)

    def static(self, name: str) -> Response:
        """The app's script and style sheet, from a fixed list: a name never reaches the file system."""
        if name not in STATIC:
            raise HTTPException(404, "no such file")
        body = resources.files("review").joinpath("static", name).read_bytes()
        return Response(body, media_type=STATIC[name])

    def decide(self, body: dict[str, Any]) -> dict[str, Any]:
        """Accept, reject or edit a fact: {fact_id, action, fields (for edit), note}."""
        fact_id, action = str(body.get("fact_id") or ""), str(body.get("action") or "")
        with self.store.reading() as reader:
            figure = reader.one("review_figure", fact_ids=[fact_id])
            if figure is None:
                raise HTTPException(404, "no such fact: reload the page")
            fields = _fields(reader, body) if action == "edit" else None
            row = decisions.decide(figure, action, fields, str(body.get("note") or ""), self.who)
            decisions.check_consistent(row, reader.rows("review_document_facts", doc_id=figure["doc_id"]), fact_id)
        self.store.record([row])
        return {"ok": True, "fact": _after(self.store, row)}

    def add(self, body: dict[str, Any]) -> dict[str, Any]:
        """Add a figure the extractor missed: {doc_id, raw_start, raw_end, fields, note}."""
        doc_id = str(body.get("doc_id") or "")
        if not pages.is_document_key(doc_id):
            raise HTTPException(404, "no such document")
        try:
            span = (int(body.get("raw_start")), int(body.get("raw_end")))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise decisions.DecisionError("the selection's offsets are not numbers") from None
        with self.store.reading() as reader:
            doc = reader.one("review_document", doc_id=doc_id)
            if doc is None:
                raise HTTPException(404, "no such document")
            fields = _fields(reader, body)
            row = decisions.add(doc, span, fields, str(body.get("note") or ""), self.who)
            decisions.check_consistent(row, reader.rows("review_document_facts", doc_id=doc_id))
        self.store.record([row])
        return {"ok": True, "fact": _after(self.store, row)}


def _fields(reader: Reader, body: dict[str, Any]) -> dict[str, Any]:
    given = body.get("fields")
    if not isinstance(given, dict):
        raise decisions.DecisionError("give the fact's fields")
    return decisions.parse_fields(given, decisions.Vocabulary.from_rows(reader.rows("review_vocabulary")))


def _after(store: Store, row: dict[str, Any]) -> dict[str, Any] | None:
    """The fact as the views now read it, once the decision is written (None for a rejected figure)."""
    judged = store.rows("review_decisions")
    fact_id = next((d["fact_id"] for d in judged if d["decision_id"] == row["decision_id"]), None)
    if fact_id is None:
        return None
    facts = store.rows("review_document_facts", doc_id=row["doc_id"])
    found = next((f for f in facts if f["fact_id"] == fact_id), None)
    return pages.plain(found) if found else None


def _units() -> list[str]:
    from transforms.knowledge import lexicon

    return sorted(lexicon.units())
