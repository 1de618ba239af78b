"""`{% may "log" activity as can_log %}`: ask the access policy from a template."""

from django import template

from access import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, act: str, obj=None) -> bool:
    """Whether the signed-in user may do `act` (to `obj`); see `access.policy.may`."""
    user = context.get("user")
    return user is not None and policy.may(user, act, obj)
