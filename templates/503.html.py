BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'The service is temporarily unavailable') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'The service is temporarily unavailable') XXXXX
XXX gettext(u'We cannot reach the information behind this website right now. Please try again in a few minutes.') 
  SS SSSSSS SSSSS SSS SSSSSSSSSSS SSSSSS SSSS SSSSSSS SSSSS SSSS SSSSSS SSS SSSSS SS S SSS
  SSSSSSSS
XXXX
BBBBBBBB
