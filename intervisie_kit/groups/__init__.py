"""Forming intervisie groups for a startdag (page 09): participants in, hard rules and soft goals, a
constraint solver, reasons in words, manual changes re-checked, and a local store that can be erased.

Modules: ``model`` (records and limits), ``importer`` (CSV/Excel/typed text), ``rules`` (hard-rule checks),
``solver`` (OR-Tools CP-SAT), ``explain`` (why a group looks like it does), ``messages`` (texts in Dutch and
English), ``store`` (the local JSON file). Heavy libraries (pandas, ortools) load only when used.
"""
