BBBB BBBBBBBBBBBBBB BBB gettext(u'Someone, probably you, asked for a new password for the staff account on Citizen promises (%(domain)s) that has this e-mail address.') 
  SSSSSSSS SSSSSSSS SSSS SSSSS SSS S SSS SSSSSSSS SSS SSS SSSSS SSSSSSS SS SSSSSSS SSSSSSSS SSSSSSSSSSSS SSSS SSS SSSS SSSSSS SSSSSSSS


 gettext(u'Choose a new password here:') 
XXXBBB BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB BBBBBBBBBB BBBBBBBBBBB

 gettext(u'Your username: %(username)s') SSSS SSSSSSSSS SSSSSSSSSSSS

 ngettext(u'The link works for %(hours)s hour and only once.', u'The link works for %(hours)s hours and only once.', count) 
  SSS SSSS SSSSS SSS SSSSSSSSS SSSS SSS SSSS SSSSS

  PPP PPPP PPPPP PPP PPPPPPPPP PPPPP PPP PPPP PPPPP
  gettext(u'If you did not ask for a new password, ignore this e-mail: your password stays as it is.') 
BBBBBBBBBBBBB
