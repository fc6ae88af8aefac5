# jpyc: feature dotted import-as inside functions and nested functions (IMPORT_FROM chains)
def parse(text):
    import xml.etree.ElementTree as ET
    import email.mime.text as mt

    def inner():
        import html.parser as hp
        return hp
    return ET.fromstring(text), mt, inner()
