"""Template folders of docgen-vn, one per type of văn bản hành chính (Nghị định 30, Phụ lục III).

Each folder holds ``template.j2`` (content markup, see docgen.markup), ``schema.toml`` (fields)
and ``example.yaml`` (data that renders as is). ``_parts/`` holds the shared macros and fields.
"""
