# jpyc: feature unary operators on bool constants: 3.13's AST optimizer folds ~True to -2; 3.14's flowgraph leaves ~True and ~False unfolded (deprecated) but folds -True, not True and +True
# jpyc: optimize 0,1,2
x = ~True
y = ~False
z = -True
w = not True
u = +True
t = ~(1 == 1)
s = (~True, -False, ~1, ~(True,)[0])


def choose(a):
    if ~False:
        return ~True if a else -(~False)
    return not ~True


flags = [~b for b in (True, False)]
