"""ipywidgets builders for the kit's pages, one module per page area.

Builders take state and callbacks and return a widget; they never call ``display()``, never parse YAML
and never open the database. Notebooks call one builder per cell.
"""
