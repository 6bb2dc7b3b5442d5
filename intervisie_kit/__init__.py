"""intervisie-kit: a training kit for new facilitators of intervisie (structured peer consultation).

Importing the package is deliberately cheap: every page starts a fresh kernel that pays for it.
Submodules are imported where they are used (``intervisie_kit.content``, ``intervisie_kit.ui``, ...).
"""

__all__ = ["__version__"]

__version__ = "0.1.0"
