"""Each guided flow's answers as a dataclass, and the one codec that keeps them in a draft."""
