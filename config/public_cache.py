"""The public page cache: whole anonymous pages, shared by every worker and host, never stale.

A page is stored under its path and query, together with the *public data versions* it was
rendered under: random tokens kept in the same cache, read with the page in one round trip.
Every committed write to the portal's own models sets new tokens for what it changed, so the
next request on any worker or host finds the pages showing it stale and renders the new data.
The versions are read before the page's data, so a page rendered while a write commits is at
worst stored under the tokens that write replaces.

Which pages a write makes stale:
- the national pages (start, lists, feed, national files): every write; they depend on
  `NATIONAL`;
- a municipality's pages (everything under /kommuner/<slug>/: its page, its periods,
  activities, documents, feed and files): a write to a row of that municipality's periods
  (`TO_MUNICIPALITY` says how each model reaches it); they depend on that municipality's key and
  on `EVERY_PAGE`;
- every page: a write that any page may show (municipalities, counties, themes), or a row that
  moved: saved with another parent than the one it was loaded with (another period, say), or
  saved whole when that parent was not loaded.
So a log in Ale leaves Malmö's cached pages in place, at national scale the difference between
a page rendered once per write anywhere in the country and once per write in its municipality.

What pages build from reference data alone (municipality names, filter choices) is kept in the
same cache under `EVERY_PAGE` (`kept_until_any_page_changes`), so a page rendered anew does not
build it again.

Serving the pages (the middleware, the keys, ETags and conditional requests) is
`config.page_cache`.
"""

import hashlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import TypeVar

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import (
    m2m_changed,
    post_delete,
    post_init,
    post_migrate,
    post_save,
)
from django.urls import Resolver404, resolve
from django.utils import translation

from config.cache import Versioned

T = TypeVar("T")

# Version keys (see the module's docstring).
NATIONAL = "public-data-version"
EVERY_PAGE = "public-data-version:every-page"
# Apps whose models public pages show; a write to any of them changes a version.
PUBLIC_APPS = ("municipalities", "promises", "activities", "followups")
# A stored page keeps every header the middleware below the cache and the view gave it (type,
# language, length, CSP, frame options...), except these, set anew for each answer; the
# middleware above the cache (request id, the security middleware's headers) adds its own to
# every response. Cookies are never stored: a page that sets one is not stored at all.
PER_ANSWER_HEADERS = frozenset({"etag", "x-cache"})

# How a row of each model of the public apps reaches its municipality, relation by relation.
# A model not named here (themes, the municipalities app) is shown on any page: its writes make
# every page stale; the rollup's rows (`DERIVED`) are placed by the activity they sum.
# tests/config/test_public_cache.py holds this list to the apps' models.
TO_MUNICIPALITY: dict[str, tuple[str, ...]] = {
    "promises.promiseperiod": ("municipality",),
    "promises.promise": ("period", "municipality"),
    "promises.signatory": ("period", "municipality"),
    "promises.periodtransition": ("period", "municipality"),
    "promises.review": ("period", "municipality"),
    "promises.reviewanswer": ("review", "period", "municipality"),
    "promises.extension": ("period", "municipality"),
    "promises.revision": ("period", "municipality"),
    "promises.revisionchange": ("revision", "period", "municipality"),
    "promises.decisionproposal": ("period", "municipality"),
    "promises.outcomeindicator": ("promise", "period", "municipality"),
    "promises.outcomemeasurement": ("indicator", "promise", "period", "municipality"),
    "activities.activity": ("period", "municipality"),
    "activities.activitylog": ("activity", "period", "municipality"),
    "followups.followupmeeting": ("period", "municipality"),
    "followups.assessment": ("meeting", "period", "municipality"),
    "followups.activityverdict": ("meeting", "period", "municipality"),
    "followups.report": ("period", "municipality"),
    "followups.signedoriginal": ("period", "municipality"),
}


# Rollup rows (activities/rollup.py): moved in the transaction of the log or activity they follow,
# which makes the pages stale, or rewritten by `rollup.rebuild`, which makes its activities'
# pages stale once (`make_stale`). No signal is listened to for them, so that their hundreds of
# rows per activity are deleted in one statement, not loaded and placed one by one.
DERIVED = frozenset({"activities.spantotal", "activities.activitytotal"})

# The query parameters each public page reads, by its view's name: the lists' filters (their
# English names too, which redirect), the search, the page number, and the start page's and open
# data page's `kommun`. Any other, and any parameter on a page that reads none (a period page, a
# signing document's PDF), is dropped before the page is looked up or rendered: the page is the
# same without it. A link shared on social media gets `fbclid=` with a new value per click, a
# newsletter `utm_source=`; and anyone could add `?q=<random>` to a PDF: one new value per
# request would make each render the page anew (a PDF takes a second) and push the pages others
# read out of the cache. tests/config/test_public_cache.py holds these to the views' fields.
_LIST_PARAMETERS = frozenset(
    {"q", "page", "kommun", "lan", "polisregion", "lokalpolisomrade", "tema", "ar", "status"}
    # The English names, which redirect to the Swedish ones.
    | {"county", "police_region", "municipality", "theme", "year", "state"}
)
PARAMETERS_READ: dict[str, frozenset[str]] = {
    "promises:home": frozenset({"kommun"}),
    "promises:municipality_list": frozenset({"q"}),
    "promises:promise_list": _LIST_PARAMETERS,
    "activities:activity_list": _LIST_PARAMETERS
    | {"ansvarig", "framsteg", "responsible", "progress"},
    # The lists' selections as files: the lists' filters, and no page (a file has all the
    # rows; `?page=2` … `?page=100000` were one more copy of the same file each).
    "followups:activity_selection": (_LIST_PARAMETERS - {"page"})
    | {"ansvarig", "framsteg", "responsible", "progress"},
    "followups:promise_selection": _LIST_PARAMETERS - {"page"},
    "activities:activity_detail": frozenset({"page"}),
    "followups:open_data": frozenset({"kommun"}),
    # A sitemap section's further files (`?p=2`, named by the index): dropped, each was the
    # first file again.
    "sitemap_section": frozenset({"p"}),
}
# The page numbers among them: the lists' `page`, the sitemap's `p`.
PAGE_PARAMETERS = frozenset({"page", "p"})
QUERY_PARAMETERS = frozenset().union(*PARAMETERS_READ.values())


def municipality_key(slug: str) -> str:
    """The version key of one municipality's pages."""
    return f"public-data-version:municipality:{slug}"


# Pages are stored under their path and query, with the versions they were rendered under.
PAGES = Versioned(NATIONAL, settings.PUBLIC_CACHE_ALIAS)


def scope_keys(slug: str | None) -> tuple[str, ...]:
    """The version keys of one municipality's pages (`slug`), or of the national ones."""
    return (EVERY_PAGE, municipality_key(slug)) if slug else (NATIONAL,)


@lru_cache(maxsize=8192)
def _resolved(path: str) -> tuple[str | None, str | None]:
    """The view name of the page at `path` and the municipality its URL names, if any.

    Kept per path: resolving takes about 0.1 ms, a tenth of the time a page served from the
    cache takes."""
    # The path's own language: its URLs are the ones that language's patterns resolve.
    with translation.override(translation.get_language_from_path(path) or settings.LANGUAGE_CODE):
        try:
            match = resolve(path)
        except Resolver404:
            return None, None
    return match.view_name, match.kwargs.get("slug")


def page_keys(path: str) -> tuple[str, ...]:
    """The version keys of the page at `path`: a municipality's own and `EVERY_PAGE` for the
    pages of one municipality (those whose URL names it), `NATIONAL` for the others."""
    return scope_keys(_resolved(path)[1])


def parameters_read(path: str) -> frozenset[str]:
    """The query parameters the page at `path` reads (`PARAMETERS_READ`); none for most."""
    return PARAMETERS_READ.get(_resolved(path)[0], frozenset())


def current_version(slug: str | None = None) -> str | None:
    """The public data version of one municipality's pages, or of the national ones; set anew
    when missing; None when the cache cannot be reached."""
    return PAGES.version(scope_keys(slug))


def places_version(slugs: Iterable[str]) -> str | None:
    """The public data version of what several municipalities' pages show (`slugs`: a
    county's), as one short token: new after a write in any of them or one any page may show,
    the same after a write elsewhere (a county's file is not built again for a log in another
    county); None when the cache cannot be reached."""
    version = PAGES.version((EVERY_PAGE, *sorted(municipality_key(slug) for slug in slugs)))
    # The tokens joined are 33 characters a municipality: a name for a folder of files.
    return None if version is None else hashlib.sha256(version.encode()).hexdigest()[:32]


def new_version(keys: tuple[str, ...] = (EVERY_PAGE, NATIONAL)) -> None:
    """Make the pages of `keys` stale (by default every page), on every worker and host."""
    PAGES.replace(keys)


# How long `kept_until_any_page_changes` keeps a value at most: a change that sends no signal
# (made in SQL) shows within this time; a migration makes every page stale (`connect`).
KEPT_SECONDS = 3600


def kept_until_any_page_changes(key: str, make: Callable[[], T]) -> T:
    """`make()`, kept in the shared cache until a write that any page may show (a
    municipality, a county, a theme: `EVERY_PAGE`) makes it stale, on every worker and host.

    For what pages build from reference data alone, such as the start page's 290 municipality
    names: reading them and building the list cost a fifth of the page."""
    return _kept(key, make, (EVERY_PAGE,))


def kept_until_public_data_changes(key: str, make: Callable[[], T]) -> T:
    """`make()`, kept in the shared cache until any write to public data (`NATIONAL`: the
    national pages' own version) makes it stale, on every worker and host; for what the
    national lists build from all periods, such as the years they cover."""
    return _kept(key, make, (NATIONAL,))


def _kept(key: str, make: Callable[[], T], keys: tuple[str, ...]) -> T:
    """`make()`, kept in the shared cache under the versions of `keys`; made anew, and not
    kept, when the cache cannot be reached."""
    version, value = PAGES.read(key, keys)
    if value is None:
        value = make()
        if version is not None:
            PAGES.store(key, version, value, timeout=KEPT_SECONDS)
    return value


def municipality_slug(instance: models.Model, path: tuple[str, ...]) -> str | None:
    """The slug of the municipality `instance` reaches by `path`: through the related rows
    already loaded, else in one query from the first one that is not; None if it has none."""
    row = instance
    for index, name in enumerate(path):
        field = row._meta.get_field(name)
        if not field.is_cached(row):
            rest = "__".join((*path[index + 1 :], "slug"))
            related = field.related_model.objects.filter(pk=getattr(row, field.attname))
            return related.values_list(rest, flat=True).first()
        row = getattr(row, name)
        if row is None:
            return None
    return row.slug


def written_keys(
    model: type[models.Model], instance: models.Model, *, may_have_moved: bool
) -> tuple[str, ...]:
    """The version keys a write to `instance` makes stale: its municipality's and the national
    one; every page's when the row may have moved or any page may show it."""
    path = TO_MUNICIPALITY.get(model._meta.label_lower)
    if path is None or may_have_moved:
        return (EVERY_PAGE, NATIONAL)
    slug = municipality_slug(instance, path)
    if slug is None:
        return (EVERY_PAGE, NATIONAL)
    return (municipality_key(slug), NATIONAL)


class _OnCommit:
    """The keys a transaction wrote to, made stale once more when it commits."""

    def __init__(self) -> None:
        self.keys: set[str] = set()

    def __call__(self) -> None:
        new_version(tuple(sorted(self.keys)))


def _stale(keys: tuple[str, ...]) -> None:
    """Make `keys` stale now, and again once the write commits (once per transaction).

    The second one matters: a page rendered from the data before the commit, under the version
    just set, must not be served once the write is visible. Within `many_writes()` a key is set
    now only the first time it is written to.
    """
    batch = _BATCH.get()
    if batch is None:
        new_version(keys)
    else:
        first = tuple(key for key in keys if key not in batch)
        if first:
            new_version(first)
        batch.update(keys)
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return  # already committed
    pending = next(
        (entry[1] for entry in connection.run_on_commit if isinstance(entry[1], _OnCommit)), None
    )
    if pending is None:
        pending = _OnCommit()
        transaction.on_commit(pending)
    pending.keys.update(keys)


# The keys written to within `many_writes()`, or None outside it.
_BATCH: ContextVar[set[str] | None] = ContextVar("public_cache_batch", default=None)


@contextmanager
def many_writes() -> Iterator[None]:
    """Around many writes in one transaction (a log import): each version key they make stale
    is set when first written to, and again at the commit (or at the end, outside a
    transaction), not once per row: a 1,000-row import made 2,000 round trips to the cache
    (12 s with the file cache)."""
    batch: set[str] = set()
    token = _BATCH.set(batch)
    try:
        yield
    finally:
        _BATCH.reset(token)
        if batch and not transaction.get_connection().in_atomic_block:
            new_version(tuple(sorted(batch)))


def make_stale(model: type[models.Model], pks) -> None:
    """Make stale the pages of the rows `pks` of `model` (a placed model) and the national ones,
    in one query: for writes that send no signal per row."""
    path = TO_MUNICIPALITY[model._meta.label_lower]
    slugs = model.objects.filter(pk__in=pks).values_list("__".join((*path, "slug")), flat=True)
    keys = {municipality_key(slug) for slug in slugs if slug}
    _stale(tuple(sorted(keys | {NATIONAL})))


def _is_history(model: type[models.Model]) -> bool:
    """A model of django-simple-history: written with the row it records, never shown."""
    return getattr(model, "instance_type", None) is not None


# Where a row of a placed model was when it was loaded: its first relation's id, in its
# __dict__ (absent when that field was deferred).
_PLACED_AT = "_public_cache_placed_at"


def _first_relation(model: type[models.Model]) -> models.Field | None:
    path = TO_MUNICIPALITY.get(model._meta.label_lower)
    return None if path is None else model._meta.get_field(path[0])


# The first relation's attname of each placed model, found once (`connect`): this runs for every
# row loaded, where looking the field up took a third of the time of making the row.
_PLACE_ATTNAMES: dict[type[models.Model], str] = {}


def _remember_place(sender, instance, **kwargs) -> None:
    values = instance.__dict__
    attname = _PLACE_ATTNAMES[sender]
    if attname in values:
        values[_PLACED_AT] = values[attname]
    else:
        values.pop(_PLACED_AT, None)


def _may_have_moved(model: type[models.Model], instance, created: bool, update_fields) -> bool:
    """Whether a saved row may have changed the relation that places it: its first relation
    saved with another id than it was loaded with, or saved whole when it was not loaded."""
    first = _first_relation(model)
    if created or first is None:  # placed nowhere: every page is made stale anyway
        return False
    if update_fields is not None and not {first.name, first.attname} & set(update_fields):
        return False
    if _PLACED_AT not in instance.__dict__:
        return True
    return instance.__dict__[_PLACED_AT] != getattr(instance, first.attname)


# `_saved` and `_deleted` are connected to the public apps' own models only (`connect`).
def _saved(sender, instance, created=False, update_fields=None, **kwargs) -> None:
    moved = _may_have_moved(sender, instance, created, update_fields)
    _stale(written_keys(sender, instance, may_have_moved=moved))
    if sender in _PLACE_ATTNAMES:
        _remember_place(sender, instance)  # where it is now saved


def _deleted(sender, instance, **kwargs) -> None:
    _stale(written_keys(sender, instance, may_have_moved=False))


def _linked(sender, instance, **kwargs) -> None:
    # A many-to-many change (an activity's promises, a promise's themes) is placed by the row
    # whose relation changed; its own place did not change.
    if sender._meta.app_label not in PUBLIC_APPS:
        return
    _stale(written_keys(type(instance), instance, may_have_moved=False))


def connect() -> None:
    """Make pages stale on every save, delete and many-to-many change of the public apps'
    models (their history and rollup rows aside)."""
    for name in PUBLIC_APPS:
        for model in apps.get_app_config(name).get_models():
            label = model._meta.label_lower
            if _is_history(model) or label in DERIVED:
                continue
            post_save.connect(_saved, sender=model, dispatch_uid=f"public_cache_saved_{label}")
            post_delete.connect(_deleted, sender=model, dispatch_uid=f"public_cache_del_{label}")
            if label in TO_MUNICIPALITY:
                _PLACE_ATTNAMES[model] = _first_relation(model).attname
                uid = f"public_cache_{label}"
                post_init.connect(_remember_place, sender=model, dispatch_uid=uid)
    m2m_changed.connect(_linked, dispatch_uid="public_cache_linked")
    # A data migration writes through historical models, which send no signal this module
    # listens to: after `migrate`, every page is made stale.
    post_migrate.connect(_migrated, dispatch_uid="public_cache_migrated")


def _migrated(sender, **kwargs) -> None:
    new_version()
