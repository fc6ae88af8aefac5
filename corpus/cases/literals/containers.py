# jpyc: feature list/tuple/set/dict displays: empty, constant, mixed, nested, trailing commas
e_list = []
e_tuple = ()
e_dict = {}
one = (1,)
unparen = 1, 2, 3
const_list = [1, 2, 3, 4, 5]
const_tuple = (1, "a", 2.0, None, True, b"x")
nested_tuple = ((1, 2), (3, (4, 5)), ())
const_set = {1, 2, 3}
const_dict = {"a": 1, "b": 2, "c": 3}
x = 10
mixed_list = [1, x, 3]
mixed_dict = {"a": x, x: "b", (1, 2): [x]}
mixed_set = {x, 1, "s"}
trailing = [
    1,
    2,
]
dict_trailing = {
    "k": "v",
}
long_list = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
             20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36]
many_keys = {str(i): i for i in range(3)} | {"p": 1, "q": 2, "r": 3, "s": 4, "t": 5,
                                             "u": 6, "v": 7, "w": 8, "x": 9, "y": 10,
                                             "z": 11, "aa": 12, "bb": 13, "cc": 14,
                                             "dd": 15, "ee": 16, "ff": 17, "gg": 18}
