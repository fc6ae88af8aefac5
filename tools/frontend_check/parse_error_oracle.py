import ast, sys, warnings
warnings.simplefilter("ignore")
for h in open(sys.argv[1]).read().split():
    src = bytes.fromhex(h)
    try:
        ast.parse(src); print("OK")
    except SyntaxError as e:
        print("%s(%r, lineno=%r, offset=%r, end_lineno=%r, end_offset=%r)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
    except Exception as e:
        print("EXC " + type(e).__name__)
