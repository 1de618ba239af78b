BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'About citizen promises') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'About citizen promises') XXXXX
XX XXXXXXXXXXXXX gettext(u'In a citizen promise (medborgarlöfte) the local police area and the municipality promise the people who live there to work together on a few local problems for a set period, most often one or two years. Since 2015 almost every municipality in Sweden has signed citizen promises with the Police.') 
  SS S SSSSSSS SSSSSSS SSSSSSSSSSSSSSSS SSS SSSSS SSSSSS SSSS SSS SSS SSSSSSSSSSSS SSSSSSS SSS
  SSSSSS SSS SSSS SSSSS SS SSSS SSSSSSSS SS S SSS SSSSS SSSSSSSS SSS S SSS SSSSSSS SSSS SSSSS SSS
  SS SSS SSSSSS SSSSS SSSS SSSSSS SSSSS SSSSSSSSSSSS SS SSSSSS SSS SSSSSS SSSSSSS SSSSSSSS SSSS
  SSS SSSSSSS
XXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXX gettext(u'What a citizen promise contains') XXXXX
  XXX gettext(u'A citizen promise names a few focus areas, for example more safety in the town centre, traffic safety or drugs among young people. For each area it lists concrete activities, often with a target such as "the Police will carry out at least fifteen traffic checks per year", and says who is responsible: the Police, the municipality, both together or another actor.') 
    S SSSSSSS SSSSSSS SSSSS S SSS SSSSS SSSSSS SSS SSSSSSS SSSS SSSSSS SS SSS SSSS SSSSSSS SSSSSSS
    SSSSSS SS SSSSS SSSSS SSSSS SSSSSSS SSS SSSS SSSS SS SSSSS SSSSSSSS SSSSSSSSSSS SSSSS SSSS S
    SSSSSS SSSS SS SSSS SSSSSS SSSS SSSSS SSS SS SSSSS SSSSSSS SSSSSSS SSSSSS SSS SSSSSS SSS SSSS
    SSS SS SSSSSSSSSSSS SSS SSSSSSS SSS SSSSSSSSSSSSS SSSS SSSSSSSS SS SSSSSSS SSSSSS
  XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXX gettext(u'How a citizen promise is made') XXXXX
  XXX XXXXXXXXXXXXXX
    XXXXXXXXXXXX gettext(u'Situation picture') XXXXXXXXX X
       gettext(u'the Police and the municipality put together what they know about crime and safety in the area, including what residents have said in surveys and dialogues.') 
        SSS SSSSSS SSS SSS SSSSSSSSSSSS SSS SSSSSSSS SSSS SSSS SSSS SSSSS SSSSS SSS SSSSSS SS SSS
        SSSSS SSSSSSSSS SSSS SSSSSSSSS SSSS SSSS SS SSSSSSS SSS SSSSSSSSSS
      XXXXX
    XXXXXXXXXXXX gettext(u'Consultation') XXXXXXXXX X
       gettext(u"the municipality's coordinator and the community police officer draft the promise, and the municipality's management group and others concerned comment on it.") 
        SSS SSSSSSSSSSSSSS SSSSSSSSSSS SSS SSS SSSSSSSSS SSSSSS SSSSSSS SSSSS SSS SSSSSSSS SSS SSS
        SSSSSSSSSSSSSS SSSSSSSSSS SSSSS SSS SSSSSS SSSSSSSSS SSSSSSS SS SSS
      XXXXX
    XXXXXXXXXXXX gettext(u'Decision') XXXXXXXXX X
       gettext(u'the municipality decides on the promise in the body that is responsible for it.') 
        SSS SSSSSSSSSSSS SSSSSSS SS SSS SSSSSSS SS SSS SSSS SSSS SS SSSSSSSSSSS SSS SSS
      XXXXX
    XXXXXXXXXXXX gettext(u'Signing') XXXXXXXXX X
       gettext(u'a representative of the municipality and the head of the local police area sign the promise. It applies from the signing.') 
        S SSSSSSSSSSSSSS SS SSS SSSSSSSSSSSS SSS SSS SSSS SS SSS SSSSS SSSSSS SSSS SSSS SSS
        SSSSSSSS SS SSSSSSS SSSS SSS SSSSSSSS
      XXXXX
    XXXXXXXXXXXX gettext(u'Follow-up') XXXXXXXXX X
       gettext(u'the activities carried out are logged as they happen, followed up at regular meetings, reviewed every year and reported to the residents.') 
        SSS SSSSSSSSSS SSSSSSS SSS SSS SSSSSS SS SSSS SSSSSSS SSSSSSSS SS SS SSSSSSS SSSSSSSSS
        SSSSSSSS SSSSS SSSS SSS SSSSSSSS SS SSS SSSSSSSSSS
      XXXXX
  XXXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXXXXX gettext(u'How progress is counted') XXXXX
  XXX gettext(u'Progress is always counted from the activities the Police and the municipality have logged, never estimated. A log that has been withdrawn, for example because it was entered twice, does not count. When an activity has a target, the page shows first how much has been done in the current span, for example "7 of at least 15 traffic checks" this year, and then the record of the whole period. More than the target is shown as it is.') 
    SSSSSSSS SS SSSSSS SSSSSSS SSSS SSS SSSSSSSSSS SSS SSSSSS SSS SSS SSSSSSSSSSSS SSSS SSSSSSS
    SSSSS SSSSSSSSSS S SSS SSSS SSS SSSS SSSSSSSSSS SSS SSSSSSS SSSSSSS SS SSS SSSSSSS SSSSSS SSSS
    SSS SSSSSS SSSS SS SSSSSSSS SSS S SSSSSSS SSS SSSS SSSSS SSSSS SSS SSSS SSS SSSS SSSS SS SSS
    SSSSSSS SSSSS SSS SSSSSSS SS SS SS SSSSS SS SSSSSSS SSSSSSS SSSS SSSSS SSS SSSS SSS SSSSSS SS
    SSS SSSSS SSSSSSS SSSS SSSS SSS SSSSSS SS SSSSS SS SS SSS
  XXXX
  XXX gettext(u'To show whether the work is on schedule, we compare what has been done with what would have been done by today if the target were spread evenly over the span. The status words mean:') 
    SS SSSS SSSSSSS SSS SSSS SS SS SSSSSSSSS SS SSSSSSS SSSS SSS SSSS SSSS SSSS SSSS SSSSS SSSS
    SSSS SSSS SS SSSSS SS SSS SSSSSS SSSS SSSSSS SSSSSS SSSS SSS SSSSS SSS SSSSSS SSSSS SSSSS
  XXXX
  XXX XXXXXXXXXXXXXXXXXXXX
    XXXX gettext(u'complete') XXXXX
    XXXX gettext(u'the target has been met.') XXXXX
    XXXX gettext(u'on track') XXXXX
    XXXX gettext(u'at least as much has been done as expected by today.') XXXXX
    XXXX gettext(u'behind schedule') XXXXX
    XXXX gettext(u'less has been done than expected by today.') XXXXX
    XXXX gettext(u'not started') XXXXX
    XXXX gettext(u'nothing has been logged yet.') XXXXX
    XXXX gettext(u'achieved')  X  gettext(u'not achieved') XXXXX
    XXXX gettext(u'the span has ended, and the target was or was not met.') XXXXX
  XXXXX
  XXX gettext(u'An activity without a number to reach shows its status instead: planned, ongoing, done or cancelled (with the reason).') 
    SS SSSSSSSS SSSSSSS S SSSSSS SS SSSSS SSSSS SSS SSSSSS SSSSSSSS SSSSSSSS SSSSSSSS SSSS SS
    SSSSSSSSS SSSSS SSS SSSSSSSS
  XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXX gettext(u'Who is behind this portal') XXXXX
  XXX gettext(u'The Police and the municipalities publish their citizen promises here themselves, and log the activities and follow-ups as the work goes on. Each of them is responsible for its own information. Drafts and internal notes are never shown.') 
    SSS SSSSSS SSS SSS SSSSSSSSSSSSSS SSSSSSS SSSSS SSSSSSS SSSSSSSS SSSS SSSSSSSSSSS SSS SSS SSS
    SSSSSSSSSS SSS SSSSSSSSSS SS SSS SSSS SSSS SSS SSSS SS SSSS SS SSSSSSSSSSS SSS SSS SSS
    SSSSSSSSSSSS SSSSSS SSS SSSSSSSS SSSSS SSS SSSSS SSSSSS
  XXXX
  XXX gettext(u'The portal is run by %(operator)s.') SSS SSSSSS SS SSS SS SSSSSSSSSSSSS
     gettext(u'Questions about the portal:')  XX XXXXXXXXXXXXXXXXXXXXXXXX
  BB BBBBBBBBBBBBB
  XXX gettext(u'Everything published here can also be downloaded as <a href="%(url)s">open data</a>.') 
    SSSSSSSSSS SSSSSSSSS SSSS SSS SSSS SS SSSSSSSSSS SS SS SSSSSSSSSSSSSSSSSSS SSSSSSSSS
  XXXX
  BBBBB
XXXXXXXXXX
BBBBBBBB
