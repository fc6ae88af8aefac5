# jpyc: feature single, double, triple quotes and implicit concatenation
a = 'single'
b = "double"
c = '''triple single
spanning lines'''
d = """triple double with "quotes" and 'apostrophes' inside"""
e = "it's"
f = 'say "hi"'
g = ("implicit "
     'concatenation '
     """of several
""" 'parts')
h = ""
i = ''
j = """"""
k = "a" "b" "c"
l = """line one
line two\
 continued
"""
