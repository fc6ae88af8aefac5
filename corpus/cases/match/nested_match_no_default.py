# jpyc: versions >=3.10
# jpyc: feature a match without a default case as the last statement of a case body (3.11: the jump's location)
import ast


def anchors(statement, normalize):
    match statement:
        case ast.Expr(expr):
            match expr:
                case ast.BinOp():
                    return normalize(expr.left.end_col_offset)
                case ast.Subscript():
                    start = normalize(expr.value.end_col_offset)
                    return start, normalize(expr.slice.end_col_offset + 1)
        case ast.Pass():
            match statement.lineno:
                case 1:
                    pass
                case 2 if normalize:
                    statement = None
    return None
