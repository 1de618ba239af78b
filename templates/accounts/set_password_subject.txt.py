BBBB BBBB gettext(u'Your staff account on Citizen promises: set your password') 
