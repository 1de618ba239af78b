BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'You do not have access to this page') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'You do not have access to this page') XXXXX
XXX gettext(u'This page is only for the staff who work with the citizen promise. If you think you should have access, contact the person who manages the users of this portal.') 
  SSSS SSSS SS SSSS SSS SSS SSSSS SSS SSSS SSSS SSS SSSSSSS SSSSSSSS SS SSS SSSSS SSS SSSSSS SSSS
  SSSSSSS SSSSSSS SSS SSSSSS SSS SSSSSSS SSS SSSSS SS SSSS SSSSSSS
XXXX
XXXXX XXXXXXXX gettext(u'Go to the start page') XXXXXXXX
BBBBBBBB
