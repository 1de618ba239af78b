BBBB BBBBBBBBBBBBBB BBB gettext(u'A staff account on Citizen promises (%(domain)s) has been created for you.') 
  S SSSSS SSSSSSS SS SSSSSSS SSSSSSSS SSSSSSSSSSSS SSS SSSS SSSSSSS SSS SSSS


 gettext(u'Set your password here:') 
XXXBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBB BBBBBBBBBBB

 gettext(u'Your username: %(username)s') SSSS SSSSSSSSS SSSSSSSSSSSS

 gettext(u'When you sign in for the first time, you also set up an authenticator app on your phone (for example Microsoft Authenticator, Google Authenticator or FreeOTP): each time you sign in, you enter your password and then a code from the app.') 
  SSSS SSS SSSS SS SSS SSS SSSSS SSSSS SSS SSSS SSS SS SS SSSSSSSSSSSSS SSS SS SSSS SSSSS SSSS SSSSSSS SSSSSSSSS SSSSSSSSSSSSSS SSSSSS SSSSSSSSSSSSS SS SSSSSSSSS SSSS SSSS SSS SSSS SSS SSS SSSSS SSSS SSSSSSSS SSS SSSS S SSSS SSSS SSS SSSS


 ngettext(u'The link works for %(hours)s hour and only once.', u'The link works for %(hours)s hours and only once.', count) 
  SSS SSSS SSSSS SSS SSSSSSSSS SSSS SSS SSSS SSSSS

  PPP PPPP PPPPP PPP PPPPPPPPP PPPPP PPP PPPP PPPPP
  gettext(u'If it has expired, ask for a new link here:') 
XXXBBB BBBBBBBBBBBBBBBBBBBBBBBBB
BBBBBBBBBBBBB
