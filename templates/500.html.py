BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Something went wrong') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'Something went wrong') XXXXX
XXX gettext(u'An error occurred on our side and the page could not be shown. The error has been logged. Please try again in a while.') 
  SS SSSSS SSSSSSSS SS SSS SSSS SSS SSS SSSS SSSSS SSS SS SSSSSS SSS SSSSS SSS SSSS SSSSSSS
  SSSSSS SSS SSSSS SS S SSSSSS
XXXX
XXXXX XXXXXXXX gettext(u'Go to the start page') XXXXXXXX
BBBBBBBB
