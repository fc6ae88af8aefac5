# jpyc: feature string operations, % formatting, str.format, multi-line methods
name = "World"
count = 3
s1 = "Hello, %s! You have %d messages" % (name, count)
s2 = "%(name)s has %(count)03d" % {"name": name, "count": count}
s3 = "{} and {}".format(name, count)
s4 = "{0!r:>10} {1:08.3f}".format(name, 3.14159)
s5 = "%-10s|%5.2f|%x|%o|%e|%%" % ("left", 2.5, 255, 8, 12345.678)
s6 = ", ".join(
    part.strip().title()
    for part in " a, b ,c ".split(",")
)
s7 = name[::-1].center(11, "*")
s8 = "x=%r" % (s7,)
s9 = "%s" % name
