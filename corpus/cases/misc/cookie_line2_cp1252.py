#!/usr/bin/env python
# vim: set fileencoding=cp1252 :
# jpyc: feature coding cookie on line 2 (after a shebang), cp1252 specific bytes
euro = "€"
quotes = "“quoted”"
dash = "—"
