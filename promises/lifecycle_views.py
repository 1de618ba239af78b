"""Placeholder: being written this session."""



def period_transition(request, *args, **kwargs):
    raise NotImplementedError
