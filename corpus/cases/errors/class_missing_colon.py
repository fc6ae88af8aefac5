# jpyc: expect SyntaxError
# jpyc: feature "expected ':'" after a class header (invalid_class_def_raw, in 3.10.8 too)

class Point(object)
    x = 0
