# jpyc: feature raw string prefixes and backslashes
import re

a = r"\d+\.\d*"
b = R'\n is not a newline'
c = r"""raw
triple \t"""
d = r"\""
e = r'\''
f = r"trailing\\"
pattern = re.compile(r"(?P<name>\w+)\s*=\s*(?P<value>[^;]+);?")
g = r"a" "b\n" r"\c"
h = rb"\x00" + br"\\"
