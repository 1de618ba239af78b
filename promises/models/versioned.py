"""Rows an editor saves with a check that nobody saved them since the form was shown."""

from django.db import models, router, transaction


class EditVersioned(models.Model):
    """A row editors save with `promises.editing.save_versioned`, which checks that nobody saved
    it since the form was shown (`edit_version`). Every other save moves the version too: a
    lifecycle step, a status, a registration, a new position. An editor's form shown before one
    is then a conflict, never a full-row write of its stale copy (which put a period sent for
    consultation back in draft, or undid its closing)."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        claimed = self.__dict__.pop("_version_claimed", False)
        if self._state.adding or claimed:
            super().save(*args, **kwargs)
            return
        fields = kwargs.get("update_fields")
        if fields is not None and "edit_version" not in fields:
            kwargs["update_fields"] = [*fields, "edit_version"]
        # The next version after the stored row's, read under its lock: a copy read before an
        # editor's save would otherwise write that save's own version again, and a form shown
        # after that save would not conflict with this write (a security probe).
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        with transaction.atomic(using=using):
            stored = (
                type(self)
                ._base_manager.using(using)
                .select_for_update()
                .filter(pk=self.pk)
                .values_list("edit_version", flat=True)
                .first()
            )
            self.edit_version = (self.edit_version if stored is None else stored) + 1
            super().save(*args, **kwargs)
