import ast, sys
for h in open(sys.argv[1]).read().split():
    src = bytes.fromhex(h)
    try:
        t = ast.parse(src, filename="<f>")
        v = None
        for n in ast.walk(t):
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id == "x":
                v = n.value.value
        print("OK", ascii(v))
    except (SyntaxError, ValueError) as e:
        if isinstance(e, ValueError) or e.lineno in (0, None) or e.msg.startswith(("Non-UTF-8", "encoding problem")):
            if isinstance(e, SyntaxError):
                print("ERR %s(%r, lineno=%r, offset=%r, end_lineno=%r, end_offset=%r)" % (type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset))
            else:
                print("ERR %s(%r)" % (type(e).__name__, str(e)))  # no position attributes: PyCompileError.pythonLine
        else:
            print("OTHER")
