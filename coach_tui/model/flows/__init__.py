"""Each guided flow's answers as a dataclass, and the one codec that keeps them in a draft.

Answers that hold a coaching type live next to it: the weekly review's
(`coaching/review_answers.py`, clear-up choices) and a prep's (`coaching/prep_answers.py`,
the advance's size).
"""
