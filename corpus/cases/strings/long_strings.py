# jpyc: feature long string constants (>255 bytes, >65535 bytes via repetition folding)
LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
         "tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, "
         "quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo "
         "consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse "
         "cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non "
         "proident, sunt in culpa qui officia deserunt mollit anim id est laborum.")
SHORT = "x" * 20
LONG_FOLD = "ab" * 2048
NOT_FOLDED = "abc" * 5000
BYTES_FOLD = b"-" * 100
HUGE_LIST = [LOREM] * 3
UNICODE_LONG = "\u00e9\u4e2d" * 200
ASCII_256 = "0123456789abcdef" * 16
ASCII_255 = ASCII_256[:255]
