# jpyc: feature while True loops, infinite loops with return/break, while with constant false
def read_until(stream, sentinel):
    out = []
    while True:
        item = stream.pop(0) if stream else sentinel
        if item == sentinel:
            break
        out.append(item)
    return out


def spin(limit):
    i = 0
    while 1:
        i += 1
        if i >= limit:
            return i


def never():
    while False:
        print("dead")
    while 0:
        pass
    return "ok"


def nested_while(a, b):
    while a:
        while b:
            b -= 1
            if b == 3:
                break
        a -= 1
    return a, b
