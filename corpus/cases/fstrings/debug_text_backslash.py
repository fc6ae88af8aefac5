# jpyc: versions >=3.12
# jpyc: feature a backslash in an f-string debug expression's text: 3.12 decodes the text with the f-string's literal parts ("\\" becomes one backslash), 3.13 keeps the source text

a = f'{"\\" = }'
b = f'{"\\n" + "\t" = }'
