"""The SAMEN site's own logic, free of MkDocs.

One flow, in one direction: YAML files and front matter are loaded once (``sources``),
validated against the schemas (``schemas``, ``validation``), turned into one typed
``SiteData`` (``site_data``), and rendered per language (``rendering``).
The MkDocs hook files one folder up only glue these functions to build events.
"""
