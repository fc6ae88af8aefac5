# jpyc: versions 3.12
# jpyc: feature a newline in the format spec of a single-quoted f-string: 3.12 ends the format spec there (checked on 3.12.1, from its test_tokenize); 3.13 makes it an error; before 3.12 the string is unterminated

x = 1
s = f'__{
    x:d
}__'
