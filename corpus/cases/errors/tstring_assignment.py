# jpyc: expect SyntaxError
# jpyc: feature assignment to a t-string: "cannot assign to t-string expression here" on 3.14+ (_PyPegen_get_expr_name of TemplateStr), invalid syntax before
x = 1
t"{x}" = 42
