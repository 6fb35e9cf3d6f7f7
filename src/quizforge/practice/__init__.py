"""Terminal practice that remembers: ask, check, store each answer, bring weak points back sooner.

askers   -> one way to ask and check each body type in a terminal
schedule -> the Leitner boxes: when each question is due again
store    -> the SQLite database (versioned schema, one transaction per answer)
session  -> the practice loop; progress -> the per-cause table
"""

from .progress import show_progress
from .session import run_practice
from .store import default_db_path

__all__ = ["default_db_path", "run_practice", "show_progress"]
