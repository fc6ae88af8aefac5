# jpyc: feature non-ASCII in comments and docstrings (column offsets count bytes)
"""Модуль с документацией — 文档字符串."""

# 注释: this comment has CJK characters
x = 1  # trailing comment with émojis 🎉


def función(año):
    """Devuelve el año siguiente. ∑ ∫ ∂"""
    # ünïcödé comment inside a function
    return año + 1  # ➜ arrow


class Ελληνικά:
    """Κλάση."""

    def μέθοδος(self):
        return "ok"  # τέλος
