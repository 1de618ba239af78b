"""Serving files kept in the storage: a file gone from it is a 404 (and a warning), not a 500."""

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.http import Http404

logger = logging.getLogger(__name__)


@contextmanager
def missing_is_404(name: str) -> Iterator[None]:
    """Raise Http404 if the storage no longer has the file `name` that the body opens.

    The record of the file remains, the bytes are gone (a restore without the media folder, a
    file deleted by hand): the visitor gets the not-found page, the operator a warning.
    """
    try:
        yield
    except FileNotFoundError:
        logger.warning("Stored file %s is missing; answered 404", name)
        raise Http404("The stored file is missing.") from None
