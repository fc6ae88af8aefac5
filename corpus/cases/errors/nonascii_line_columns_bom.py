# jpyc: expect SyntaxError
# jpyc: feature error columns on a non-ASCII line of a source with a BOM: characters in every version

GREETINGS = {"fr": "salut", "de": "grüß dich"}


def greet(lang):
    word = GREETINGS.get(lang, "¡hola!")
    return "» " + word.title() " «"
