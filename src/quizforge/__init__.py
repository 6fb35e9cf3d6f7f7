"""quizforge: revision notes in, worksheets and mark schemes out."""

__version__ = "0.1.0"
