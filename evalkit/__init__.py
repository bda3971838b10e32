"""evalkit: survey exports from school-leadership programs → privacy-safe evaluation reports.

The package follows the flow ``ingest → clean → anonymize → analyze → disclose → report``;
each stage is a subpackage and depends only on the stages before it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("evalkit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
