# jpyc: expect SyntaxError
# jpyc: feature an assignment statement written inside a list of call arguments spanning lines: "Maybe you meant '==' or ':=' instead of '='?" from 3.10.8 too, whose invalid_named_expression no longer returns NULL inside a left-recursive rule

@pytest.mark.parametrize(
    "data,expected",
    [
        ({"A": [1, 2, 3]}, 1),
    index = index_func(30)
        ({"A": [1, 2]}, 2),
    ],
)
def test(data, expected):
    pass
