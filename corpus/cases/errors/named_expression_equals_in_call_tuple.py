# jpyc: expect SyntaxError
# jpyc: feature "Maybe you meant '==' or ':=' instead of '='?" for a name assigned inside a tuple in call arguments: 3.10.8's invalid_named_expression no longer returns NULL inside a left-recursive rule (p->in_raw_rule), as 3.10.0's did

assert (check(1, 1) == check(1, (1, is_valid=True))) == (True, True)
