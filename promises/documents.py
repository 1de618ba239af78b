"""Placeholder: being written this session."""



def document(request, *args, **kwargs):
    raise NotImplementedError


def document_pdf(request, *args, **kwargs):
    raise NotImplementedError


def proposal_edit(request, *args, **kwargs):
    raise NotImplementedError


def staff_document(request, *args, **kwargs):
    raise NotImplementedError


def staff_document_pdf(request, *args, **kwargs):
    raise NotImplementedError
