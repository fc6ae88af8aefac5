# jpyc: expect SyntaxError
# jpyc: feature error columns on a line with non-ASCII text: bytes before 3.13 (no BOM, no cookie), characters from 3.13

GREETINGS = {"fr": "salut", "de": "grüß dich"}


def greet(lang):
    word = GREETINGS.get(lang, "¡hola!")
    return "» " + word.title() " «"
