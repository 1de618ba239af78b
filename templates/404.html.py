BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Page not found') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'Page not found') XXXXX
XXX gettext(u'There is no page at this address. Check that the address is spelt correctly; the page may also have been moved, or the promise may not be published.') 
  SSSSS SS SS SSSS SS SSSS SSSSSSSS SSSSS SSSS SSS SSSSSSS SS SSSSS SSSSSSSSSS SSS SSSS SSS SSSS
  SSSS SSSS SSSSSS SS SSS SSSSSSS SSS SSS SS SSSSSSSSSS
XXXX
XXXXX XXXXXXXX gettext(u'Find your municipality on the start page') XXXXXXXX
BBBBBBBB
