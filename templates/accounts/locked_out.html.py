BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Too many failed sign-in attempts') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Too many failed sign-in attempts') XXXXX
BB BBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB BB B BB BBBBBBB
XX XXXXXXXXXXXXX ngettext(u'A wrong username or password was entered too many times. For your security, signing in is blocked: try again in %(minutes)s minute.', u'A wrong username or password was entered too many times. For your security, signing in is blocked: try again in %(minutes)s minutes.', count) 
  S SSSSS SSSSSSSS SS SSSSSSSS SSS SSSSSSS SSS SSSS SSSSSS SSS SSSS SSSSSSSSS SSSSSSS SS SS SSSSSSSS SSS SSSSS SS SSSSSSSSSSS SSSSSSS

  P PPPPP PPPPPPPP PP PPPPPPPP PPP PPPPPPP PPP PPPP PPPPPP PPP PPPP PPPPPPPPP PPPPPPP PP PP PPPPPPPP PPP PPPPP PP PPPPPPPPPPP PPPPPPPP
XXXX
BBBB
XX XXXXXXXXXXXXX gettext(u'A wrong username or password was entered too many times. For your security, signing in is blocked.') XXXX
BBBBB
XXX gettext(u'Forgot your password? You can choose a new one with a link sent to your e-mail; then you can sign in at once.') XXXX
XXXXX XXXXXXXXXXXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBBBXX gettext(u'Reset your password') XXXXXXXX
BBBBBBBB
