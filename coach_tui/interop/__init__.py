"""Reading and writing model objects in other people's formats (ICS, Markdown, CSV, vCard, JSON).

Like the rest of the core it never imports Textual; the converters arrive with the features
that need them.
"""
