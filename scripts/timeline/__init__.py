"""Generator for the North Korea Human Rights Timeline: YAML data in, Markdown pages out.

The stages, one module each: load (YAML with positions) -> model/validate (typed records,
cross-record rules) -> render (Jinja2 templates) -> write (atomic, only changed files).
`generate.py` wires them together (`freshness.py` says whether that is needed); nothing here
depends on MkDocs.
"""
