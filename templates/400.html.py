BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'The request could not be handled') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'The request could not be handled') XXXXX
XXX gettext(u'Something in the request was wrong, for example a link that was cut off or changed by mistake.') 
  SSSSSSSSS SS SSS SSSSSSS SSS SSSSSS SSS SSSSSSS S SSSS SSSS SSS SSS SSS SS SSSSSSS SS SSSSSSSS
XXXX
XXXXX XXXXXXXX gettext(u'Go to the start page') XXXXXXXX
BBBBBBBB
