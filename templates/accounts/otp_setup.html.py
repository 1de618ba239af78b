BBBBBBB BBBBBBBBBBBBBBBBBBBBB BBBB
BBBBB BBBBB gettext(u'Set up your authenticator app') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Set up your authenticator app') XXXXX
XX XXXXXXXXXXXXX gettext(u'Staff pages need two steps: your password, and a code from an app on your phone. You set up the app once.') XXXX
XXX XXXXXXXXXXXXXX
  XXXX gettext(u'Install an authenticator app on your phone if you have none, for example Microsoft Authenticator, Google Authenticator or FreeOTP.') XXXXX
  XXXX
     gettext(u'In the app, add an account and scan this QR code:') 
    XXXX XXXXXXXXXXXXXXX XXXXXXXXXX XXXXXXXXXXXX gettext(u'QR code for adding your account to an authenticator app. If you cannot scan it, enter the key below.') XXXXXXXX
  XXXXX
  XXXX
     gettext(u'If you cannot scan the code, choose to enter a key in the app, and type this key (time-based):') 
    XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXXXX
  XXXX gettext(u'Enter the code the app now shows, to confirm that the app works.') XXXXX
XXXXX
XXXXX XXXXXXXXXXXXX XXXXXXXXBBB BBBBBBBBBBBBBBBBBBBBXX
  BBBBBBBBBB
  BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBB
  XXXXXX XXXXXXXXXXXXX XXXXXXXXXXX XXXXXXXXX
  XXXX XXXXXXXXXXXXXXXXXXXXX
    XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXXX gettext(u'Confirm and continue') XXXXXXXXX
  XXXXXX
XXXXXXX
BBBBBBBB
