BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Your password is saved') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Your password is saved') XXXXX
XX XXXXXXXXXXXXX gettext(u'Sign in with your new password and the code from your authenticator app.') XXXX
XXXXX XXXXXXXXXXXXXX XXXXXXBBB BBBBBBBBBBBBBBBBXX gettext(u'Sign in') XXXXXXXX
BBBBBBBB
