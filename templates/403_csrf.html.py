BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'The form could not be sent') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'The form could not be sent') XXXXX
XXX gettext(u"The form's security check failed. This can happen if the page was open for a long time, or if your browser blocks cookies from this website. Nothing has been saved.") 
  SSS SSSSSS SSSSSSSS SSSSS SSSSSSS SSSS SSS SSSSSS SS SSS SSSS SSS SSSS SSS S SSSS SSSSS SS SS
  SSSS SSSSSSS SSSSSS SSSSSSS SSSS SSSS SSSSSSSS SSSSSSS SSS SSSS SSSSSS
XXXX
XXX gettext(u'Go back, reload the page and send the form again.') XXXX
XXXXX XXXXXXXX gettext(u'Go to the start page') XXXXXXXX
BBBBBBBB
