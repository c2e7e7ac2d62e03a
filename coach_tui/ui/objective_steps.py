"""The questions of the strategic-objective flow.

Apart from the flow's screen because the account page shows the saved answers under the
same step titles.
"""

from __future__ import annotations

from coach_tui.model.account import ExpansionKind
from coach_tui.model.wording import possessive
from coach_tui.ui.kit.guided import FlowStep, StepKind


def objective_steps(account: str) -> tuple[FlowStep, ...]:
    return (
        FlowStep(
            "kind",
            "The door",
            f"If things go well with {account}, what door opens next?",
            "Think past the next order: a new line of business, a new market or territory, "
            "or a wider rollout of what they already use.",
            kind=StepKind.CHOICE,
            choices=tuple((kind.value, kind.value.capitalize()) for kind in ExpansionKind),
        ),
        FlowStep(
            "description",
            "The next stage",
            "Describe that next stage in one sentence.",
            "What will be true when you get there? For example: “Their three EMEA plants plan "
            "production on our scheduling suite.”",
            kind=StepKind.LINE,
        ),
        FlowStep(
            "client_goal",
            "Their goal",
            f"Which of {possessive(account)} own goals does it serve?",
            "Use their words if you can: a line from their annual report, a strategy slide, "
            "what a leader said is this year's priority.",
            kind=StepKind.LINE,
        ),
        FlowStep(
            "target",
            "What it is worth",
            "What is it worth to you, in money?",
            "Yearly revenue, deal size or lifetime value: pick one and stick to it across "
            "accounts. 250k, €1.2m and 1,500,000 all work.",
            kind=StepKind.LINE,
            placeholder="e.g. 250k",
        ),
        FlowStep(
            "date",
            "By when",
            "By when should this stage be reached?",
            "A date you would defend to your manager. 2027-06-30, end of next quarter, "
            "in 9 months and next march all work.",
            kind=StepKind.LINE,
            placeholder="e.g. end of next quarter",
        ),
        FlowStep(
            "why_now",
            "Why now",
            f"Why would {account} act this year rather than someday?",
            "Their compelling event: a plant opening, a contract running out, a new rule, a "
            "target the board set. Leave it empty if you don't know yet; finding out is "
            "worth a question on your next call.",
            kind=StepKind.LINE,
            placeholder="e.g. their supply contract ends in June",
        ),
        FlowStep(
            "review",
            "Check it",
            "Does this read like a plan you believe in?",
            "Esc goes back to change anything. Ctrl+s saves it as the account's objective.",
            kind=StepKind.REVIEW,
        ),
    )
