# jpyc: feature %-formatting folded to an f-string (optimize_format), where "%%" becomes a "%"
# that CPython allocates afresh (PyUnicode_Replace), so it is not the runtime's one-character '%'
# singleton: marshal writes it uninterned and unflagged unless the constant cache merges it.


def lone_percent(a, b):
    return "%s%%%s" % (a, b)


def percent_pairs(a):
    return "%%%%%s%%" % (a,)


def percent_text(a, b):
    return "%d%% of %s" % (a, b)


def twice(a, b):
    return "%s%%%s" % (a, b), "%s%%%s" % (b, a)


PERCENT = "%"


def after_a_plain_percent(a):
    return "%s%%" % (a,), PERCENT + "%"
