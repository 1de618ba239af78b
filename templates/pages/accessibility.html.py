BBBBBBB BBBBBBBBBBB
BBBB BBBB
BBBBB BBBBB gettext(u'Accessibility statement') BBBBBBBB
BBBBB BBBBBBB
XXXX gettext(u'Accessibility statement') XXXXX
XX XXXXXXXXXXXXX gettext(u'%(operator)s is behind the citizen promises portal, the website where the Police and the municipalities publish their citizen promises and what they have done. We want as many people as possible to be able to use it. This statement describes how the website meets the Act on accessibility to digital public services (2018:1937), the known accessibility problems, and how you can report shortcomings to us so that we can fix them.') 
  SSSSSSSSSSSS SS SSSSSS SSS SSSSSSS SSSSSSSS SSSSSSS SSS SSSSSSS SSSSS SSS SSSSSS SSS SSS
  SSSSSSSSSSSSSS SSSSSSS SSSSS SSSSSSS SSSSSSSS SSS SSSS SSSS SSSS SSSSS SS SSSS SS SSSS SSSSSS SS
  SSSSSSSS SS SS SSSS SS SSS SSS SSSS SSSSSSSSS SSSSSSSSS SSS SSS SSSSSSS SSSSS SSS SSS SS
  SSSSSSSSSSSSS SS SSSSSSS SSSSSS SSSSSSSS SSSSSSSSSSSS SSS SSSSS SSSSSSSSSSSSS SSSSSSSSS SSS SSS
  SSS SSS SSSSSS SSSSSSSSSSSS SS SS SS SSSS SS SSS SSS SSSSS
XXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXX gettext(u'What this statement covers') XXXXX
  XXX gettext(u'The statement covers the public pages of this website: the start page, the municipalities, the citizen promises and their activities, the feeds, open data, the about page and this statement. The pages where staff of the Police and the municipalities log in and work are covered too, but have been tested less, as described below.') 
    SSS SSSSSSSSS SSSSSS SSS SSSSSS SSSSS SS SSSS SSSSSSSS SSS SSSSS SSSSS SSS SSSSSSSSSSSSSSS
    SSS SSSSSSS SSSSSSSS SSS SSSSS SSSSSSSSSSS SSS SSSSSS SSSS SSSSS SSS SSSSS SSSS SSS SSSS
    SSSSSSSSSS SSS SSSSS SSSSS SSSSS SS SSS SSSSSS SSS SSS SSSSSSSSSSSSSS SSS SS SSS SSSS SSS
    SSSSSSS SSSS SSS SSSS SSSS SSSSSS SSSSS SS SSSSSSSSS SSSSSS
  XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXXX gettext(u'How accessible is the website?') XXXXX
  XXXXXXXXXXX gettext(u'This website is partially compliant with the Act on accessibility to digital public services.') 
    SSSS SSSSSSS SS SSSSSSSSS SSSSSSSSS SSSS SSS SSS SS SSSSSSSSSSSSS SS SSSSSSS SSSSSS SSSSSSSSS
  XXXXXXXXX
   gettext(u'We aim for WCAG 2.1 level AA. The public pages pass our automated tests, but the website has not yet been tested manually with screen readers and other assistive technology, so there may be problems we have not found.') 
    SS SSS SSS SSSS SSS SSSSS SSS SSS SSSSSS SSSSS SSSS SSS SSSSSSSSS SSSSSS SSS SSS SSSSSSS SSS
    SSS SSS SSSS SSSSSS SSSSSSSS SSSS SSSSSS SSSSSSS SSS SSSSS SSSSSSSSS SSSSSSSSSSS SS SSSSS SSS
    SS SSSSSSSS SS SSSS SSS SSSSSS
  XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXX gettext(u'Content that is not accessible') XXXXX
  XXXX
    XXXX gettext(u'The website has not been tested manually with screen readers, screen magnifiers or voice control. Problems that automated tests cannot find, for example unclear reading order or link texts that are hard to understand out of context, may remain.') 
      SSS SSSSSSS SSS SSS SSSS SSSSSS SSSSSSSS SSSS SSSSSS SSSSSSSS SSSSSS SSSSSSSSSS SS SSSSS
      SSSSSSSS SSSSSSSS SSSS SSSSSSSSS SSSSS SSSSSS SSSSS SSS SSSSSSS SSSSSSS SSSSSSS SSSSS SS
      SSSS SSSSS SSSS SSS SSSS SS SSSSSSSSSS SSS SS SSSSSSSS SSS SSSSSSS
    XXXXX
    XXXX gettext(u'The texts of the citizen promises are published as the Police and the municipality wrote them. They may contain abbreviations and difficult words that we cannot change.') 
      SSS SSSSS SS SSS SSSSSSS SSSSSSSS SSS SSSSSSSSS SS SSS SSSSSS SSS SSS SSSSSSSSSSSS SSSSS
      SSSSS SSSS SSS SSSSSSS SSSSSSSSSSSSS SSS SSSSSSSSS SSSSS SSSS SS SSSSSS SSSSSSS
    XXXXX
    XXXX gettext(u'The pages for logged-in staff, including the administration pages, are not covered by the automated browser tests yet.') 
      SSS SSSSS SSS SSSSSSSSS SSSSSS SSSSSSSSS SSS SSSSSSSSSSSSSS SSSSSS SSS SSS SSSSSSS SS SSS
      SSSSSSSSS SSSSSSS SSSSS SSSS
    XXXXX
  XXXXX
  XXX gettext(u'We do not claim any exception because an adaptation would be disproportionately burdensome, and we know of no content on the website that falls outside the scope of the Act.') 
    SS SS SSS SSSSS SSS SSSSSSSSS SSSSSSS SS SSSSSSSSSS SSSSS SS SSSSSSSSSSSSSSSSSS SSSSSSSSSSS
    SSS SS SSSS SS SS SSSSSSS SS SSS SSSSSSS SSSS SSSSS SSSSSSS SSS SSSSS SS SSS SSSS
  XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXXX gettext(u'Report shortcomings in the accessibility of the website') XXXXX
  XXX gettext(u'If you cannot use some part of the website, or if you need its content in another format, tell us and we will help you. We also want to hear about problems you find, so that we can fix them.') 
    SS SSS SSSSSS SSS SSSS SSSS SS SSS SSSSSSSS SS SS SSS SSSS SSS SSSSSSS SS SSSSSSS SSSSSSS
    SSSS SS SSS SS SSSS SSSS SSSS SS SSSS SSSS SS SSSS SSSSS SSSSSSSS SSS SSSSS SS SSSS SS SSS SSS
    SSSSS
  XXXX
  XXX gettext(u'E-mail:')  XX XXXXXXXXXXXXXXXXXXXXXXX
  XXX gettext(u'Say which page it concerns, what did not work and, if you like, which browser and assistive technology you use.') XXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXXXXXXXX gettext(u'Supervision') XXXXX
  XXX gettext(u'The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) is responsible for supervising the Act on accessibility to digital public services. If you are not satisfied with how we handle your comments, you can contact Digg and tell them.') 
    SSS SSSSSS SSS SSSSSSS SSSSSSSSSS SSSSSSSSSSSS SSS SSSSSSS SSSSSSSSSSSS SSSSS SS SSSSSSSSSSS
    SSS SSSSSSSSSSS SSS SSS SS SSSSSSSSSSSSS SS SSSSSSS SSSSSS SSSSSSSSS SS SSS SSS SSS SSSSSSSSS
    SSSS SSS SS SSSSSS SSSS SSSSSSSSS SSS SSS SSSSSSS SSSS SSS SSSS SSSSS
  XXXX
  XXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX gettext(u'Report to Digg (digg.se)') XXXXXXXX
XXXXXXXXXX

XXXXXXXX XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX
  XXX XXXXXXXXXXXXXXXXXXXX gettext(u'How we tested the website') XXXXX
  XXX gettext(u'We have assessed the website ourselves (self-assessment). Every time the website is changed, every type of public page is tested automatically: with axe-core in the Chromium browser against the WCAG 2.1 level A and AA rules, at a width of 1280 and of 320 pixels, and with the Nu Html Checker for valid HTML. The pages also work without JavaScript and are checked with the keyboard in those tests.') 
    SS SSSS SSSSSSSS SSS SSSSSSS SSSSSSSSS SSSSSSSSSSSSSSSSSS SSSSS SSSS SSS SSSSSSS SS SSSSSSSS
    SSSSS SSSS SS SSSSSS SSSS SS SSSSSS SSSSSSSSSSSSSS SSSS SSSSSSSS SS SSS SSSSSSSS SSSSSSS SSSSSSS
    SSS SSSS SSS SSSSS S SSS SS SSSSSS SS S SSSSS SS SSSS SSS SS SSS SSSSSSS SSS SSSS SSS SS SSSS
    SSSSSSS SSS SSSSS SSSSS SSS SSSSS SSSS SSSS SSSSSSS SSSSSSSSSS SSS SSS SSSSSSS SSSS SSS
    SSSSSSSS SS SSSSS SSSSSS
  XXXX
  XXX gettext(u'The latest assessment was made on <time datetime="%(assessed_iso)s">%(assessed)s</time>.') 
    SSS SSSSSS SSSSSSSSSS SSS SSSS SS SSSSS SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
  
   gettext(u'This statement was last updated on <time datetime="%(updated_iso)s">%(updated)s</time>.') 
    SSSS SSSSSSSSS SSS SSSS SSSSSSS SS SSSSS SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS
  XXXX
XXXXXXXXXX
BBBBBBBB
