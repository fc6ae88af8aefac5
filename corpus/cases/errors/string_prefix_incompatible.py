# jpyc: expect SyntaxError
# jpyc: feature incompatible string prefixes ("'u' and 'b' prefixes are incompatible", a tokenizer error from 3.14; byte columns in 3.14, characters in 3.15), after a non-ASCII name on the same line
résumé = ub"payload"
