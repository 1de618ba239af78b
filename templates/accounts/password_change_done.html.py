BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Your password is changed') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Your password is changed') XXXXX
XX XXXXXXXXXXXXX gettext(u'Use your new password the next time you sign in.') XXXX
XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBXX gettext(u'My citizen promises') XXXXXXXX
BBBBBBBB
