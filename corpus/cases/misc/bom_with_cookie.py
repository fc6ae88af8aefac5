# -*- coding: utf-8 -*-
# jpyc: feature UTF-8 BOM together with a matching coding cookie
x = "€"
