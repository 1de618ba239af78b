"""`{% for number in page_obj|page_numbers %}`: the page numbers a list's page links show."""

from django import template
from django.core.paginator import Page

register = template.Library()


@register.filter
def page_numbers(page: Page) -> list[int | None]:
    """The first and last page, the current one and one on each side of it, in order; None
    where pages are left out ("…"): `[1, None, 6, 7, 8, None, 40]`."""
    elided = page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)
    return [number if isinstance(number, int) else None for number in elided]
