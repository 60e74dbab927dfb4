"""docgen-vn: write and read Vietnamese administrative documents (Nghị định 30/2020/NĐ-CP).

The public verbs live in their packages: ``extractors.extract`` reads a document into a
record, ``docgen.render`` writes one from a template, ``corpus.Corpus`` indexes many.
"""
__version__ = "0.1.0"
