BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Enter your code') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Enter your code') XXXXX
XX XXXXXXXXXXXXX gettext(u'Open the authenticator app on your phone and enter the code it shows for Citizen promises.') XXXX
XXXXX XXXXXXXXXXXXX XXXXXXXXBBB BBBBBBBBBBBBBBBBBXX
  BBBBBBBBBB
  BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBB
  XXXXXX XXXXXXXXXXXXX XXXXXXXXXXX XXXXXXXXX
  XXXX XXXXXXXXXXXXXXXXXXXXX
    XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXX gettext(u'Continue') XXXXXXXXX
  XXXXXX
XXXXXXX
XXXX gettext(u'Lost your phone?') XXXXX
XXX gettext(u'Lost your phone? Contact your administrator. They remove your old authenticator app, and the next time you sign in you set up a new one.') XXXX
BBBBBBBB
