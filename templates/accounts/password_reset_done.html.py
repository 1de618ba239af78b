BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Check your e-mail') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Check your e-mail') XXXXX
XX XXXXXXXXXXXXX ngettext(u'If a staff account has that e-mail address, we have sent it a link for choosing a new password. The link works for %(hours)s hour and only once.', u'If a staff account has that e-mail address, we have sent it a link for choosing a new password. The link works for %(hours)s hours and only once.', count) 
  SS S SSSSS SSSSSSS SSS SSSS SSSSSS SSSSSSSS SS SSSS SSSS SS S SSSS SSS SSSSSSSS S SSS SSSSSSSSS SSS SSSS SSSSS SSS SSSSSSSSS SSSS SSS SSSS SSSSS

  PP P PPPPP PPPPPPP PPP PPPP PPPPPP PPPPPPPP PP PPPP PPPP PP P PPPP PPP PPPPPPPP P PPP PPPPPPPPP PPP PPPP PPPPP PPP PPPPPPPPP PPPPP PPP PPPP PPPPP
XXXX
XXX gettext(u'No e-mail after a few minutes? Look in your spam folder, or contact your administrator.') XXXX
XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBXX gettext(u'Back to signing in') XXXXXXXX
BBBBBBBB
