"""Placeholder: being written this session."""



def period_create(request, *args, **kwargs):
    raise NotImplementedError


def period_copy(request, *args, **kwargs):
    raise NotImplementedError


def period_edit(request, *args, **kwargs):
    raise NotImplementedError


def promise_create(request, *args, **kwargs):
    raise NotImplementedError


def promise_edit(request, *args, **kwargs):
    raise NotImplementedError


def promise_move(request, *args, **kwargs):
    raise NotImplementedError


def promise_delete(request, *args, **kwargs):
    raise NotImplementedError
