# jpyc: expect SyntaxError
# jpyc: feature 'break' outside loop, raised after the finally bodies were compiled inline (3.10: line -1, the last statement's columns)
def f(a, x):
    try:
        try:
            print(1)
            break
        finally:
            if a:
                a.count += 1
    finally:
        match x:
            case 1:
                pass
            case [y, *rest]:
                print(y)
