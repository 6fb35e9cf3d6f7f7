"""Marking a class set from the scanner.

Printing (``quizforge build/batch --scannable``):
  grid.py     which boxes a question gets, and how its rows are marked (one registry entry per body type)
  codes.py    the QR payload on every page (printed twice): set, version, student, page, check value
  layout.py   where the laid-out boxes are, read back from WeasyPrint's layout, in PDF points
  stamp.py    corner marks and the two QR codes drawn onto finished pages (PDF operators)
  printed.py  a scannable worksheet for `build`, and the layout sidecar (scan-layout.json)

Reading (``quizforge scan``):
  images.py   scans (PDF pages, images) -> greyscale arrays
  locate.py   find the QR code and corner marks; the page -> image homography
  boxes.py    measure every box and classify it against the sheet's own empty boxes
  decide.py   rows -> answers, doubles, blanks, and what goes to review
  sequence.py a page whose codes are both lost, placed by the pages either side of it in the scan
  results.py  marks per student, written marks, the results file --focus-from reads
  review.py   the review page and CSV, and the teacher's decisions
  report.py   the class report: per question, distractors, weakest branches
  run.py      the whole job
"""
