# jpyc: expect SyntaxError
# jpyc: feature generic invalid syntax inside an f-string replacement field


def describe(total, count):
    return f"average: {total / count +}"
