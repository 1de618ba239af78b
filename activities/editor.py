"""Placeholder: being written this session."""



def activity_create(request, *args, **kwargs):
    raise NotImplementedError


def activity_edit(request, *args, **kwargs):
    raise NotImplementedError


def activity_move(request, *args, **kwargs):
    raise NotImplementedError


def activity_delete(request, *args, **kwargs):
    raise NotImplementedError
