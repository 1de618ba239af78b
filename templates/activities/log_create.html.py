BBBBBBB BBBBBBBBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Log activity') BBBBBBBB
BBBBB BBBBBBBBBBBBB
XXXX gettext(u'Log activity') XXXXX
BB BBBBBBBBBBB
XXX gettext(u'Log an activity that has been carried out. It is counted on the public page at once.') XXXX
XXXXX XXXXXXXXXXXXX XXXXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBX XXXXXXXXXXXXXXXXXX XXXXXXXXXXX
  BBBBBBBBBB
  BBBBBBB BBBBBBBBBBBBBBBBBBBBBBBBBBB
  XXXX XXXXXXXXXXXXXXXXXXXXX
    XXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXX XXXXXXXXXXXXXX gettext(u'Save log') XXXXXXXXX
    XX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBXX gettext(u'Cancel') XXXX
  XXXXXX
XXXXXXX
BBBB
XXX gettext(u"There is no activity you can log. You can log the activities of citizen promises in force in your municipalities: community police officers log the Police's and joint activities, coordinators the municipality's, joint and other actors' activities.") XXXX
XXXXX XXXXXXBBB BBBBBBBBBBBBBBBBBBBBBBBXX gettext(u'Back to my citizen promises') XXXXXXXX
BBBBB
BBBBBBBB
