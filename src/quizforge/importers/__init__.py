"""Import mind maps and outlines into the notes format (``quizforge import``).

read (a reader per format, ``registry``) -> clean (``clean``) -> map onto the
notes format (``mapper``) -> write YAML (``yamltext``) -> check with the notes
loader -> save atomically (``run``).
"""

from . import freemind, markdown, opml, outline_text
from .registry import Reader, Source, choose, readers, register
from .run import ImportResult, MergeResult, default_output, import_file, import_into, import_source, read_source, run_import

# Built-ins register exactly as a third-party reader would. Sniffing runs in this
# order, so the XML formats (unmistakable) come first and outline text last.
register(opml.READER)
register(freemind.READER)
register(markdown.READER)
register(outline_text.READER)

__all__ = ["ImportResult", "MergeResult", "import_into", "Reader", "Source", "choose", "default_output", "import_file", "import_source",
           "read_source", "readers", "register", "run_import"]
