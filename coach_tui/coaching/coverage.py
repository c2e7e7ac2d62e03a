"""Coverage: does the seller know the people who decide, in the parts they play?

Deals stall when the seller knows only one person, or only the wrong one. The check is
deliberately simple — it names the gap and who to find next: nobody who holds the money,
a buyer never met, no champion, a champion who has never acted, people whose part is
unknown. A blocker is worth knowing but covers nothing.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from coach_tui.model.contact import BuyingRole, Contact, RosterEntry

# The parts that cover a deal; "unknown" is a gap, not a role, and a blocker works against
# you: knowing one is useful, but it is not coverage.
KNOWN_ROLES = tuple(
    role for role in BuyingRole if role not in (BuyingRole.UNKNOWN, BuyingRole.BLOCKER)
)
ENOUGH_ROLES = 3
UNKNOWN_NAMED = 3  # people asked about by name; the rest are counted


def roles_covered(contacts: Sequence[Contact | RosterEntry]) -> set[BuyingRole]:
    """The parts someone is known to play for the deal; people whose part is unknown add
    nothing yet, and blockers add nothing at all."""
    return {contact.role for contact in contacts if contact.role in KNOWN_ROLES}


def _known(contacts: Sequence[Contact | RosterEntry]) -> set[BuyingRole]:
    return {contact.role for contact in contacts if contact.role is not BuyingRole.UNKNOWN}


def _names(people: Sequence[Contact]) -> str:
    """'Anna', 'Anna and Ben', 'Anna, Ben, Carl and 2 others'."""
    shown = [person.name for person in people[:UNKNOWN_NAMED]]
    rest = len(people) - len(shown)
    if rest:
        shown.append(f"{rest} other{'s' if rest != 1 else ''}")
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"


def coverage_warnings(
    contacts: Sequence[Contact],
    *,
    met: Collection[str] | None = None,
    kept: Collection[str] | None = None,
) -> list[str]:
    """What is missing from the map of decision makers, most important first.

    `met` holds the people who were on a call of the account (held or booked), `kept` the
    people on a call where the client made a promise that was kept; without them the
    economic buyer and the champions are not tested.
    """
    if not contacts:
        return [
            "Nobody mapped yet. Start with whoever owns the problem at your entry point, "
            "then find who signs off on the money."
        ]
    roles, known = roles_covered(contacts), _known(contacts)
    warnings = []
    if all(contact.role is BuyingRole.BLOCKER for contact in contacts):
        warnings.append(
            "The only people you know here are blockers. Find a champion who wants you to win."
        )
    elif known == {BuyingRole.BLOCKER}:
        warnings.append(
            "Everyone whose part you know is a blocker. Find out where the others stand, and "
            "look for a champion among them."
        )
    buyers = [c for c in contacts if c.role is BuyingRole.ECONOMIC_BUYER]
    champions = [c for c in contacts if c.role is BuyingRole.CHAMPION]
    if not buyers:
        warnings.append(
            "No economic buyer known: who can say yes to the money? Ask your champion or "
            "look at who signs off on budgets in their org chart."
        )
    warnings += [
        f"You haven't met {buyer.name}, who holds the money. Who can introduce you?"
        for buyer in buyers
        if met is not None and buyer.uid not in met
    ]
    if not champions and known != {BuyingRole.BLOCKER}:
        warnings.append("No champion yet. Who wants you to win, and would tell you how?")
    warnings += [
        f"Has {champion.name} kept a promise to you yet? Ask for one small step: a champion "
        "acts for you, a friendly contact only talks."
        for champion in champions
        if kept is not None and champion.uid not in kept
    ]
    if len(roles) < ENOUGH_ROLES:
        warnings.append(
            f"Only {len(roles)} of {len(KNOWN_ROLES)} buying roles covered. One contact "
            "going quiet should not stop the deal: map at least three."
        )
    unknown = [c for c in contacts if c.role is BuyingRole.UNKNOWN]
    if unknown:
        warnings.append(
            f"What part {'does' if len(unknown) == 1 else 'do'} {_names(unknown)} play in "
            "the decision? Ask, or ask someone who knows."
        )
    return warnings


def coverage_summary(contacts: Sequence[Contact]) -> str:
    """One line for lists and the dashboard: '3 people · 3 of 4 roles · no economic buyer'."""
    if not contacts:
        return "no one mapped"
    roles = roles_covered(contacts)
    parts = [
        f"{len(contacts)} {'person' if len(contacts) == 1 else 'people'}",
        f"{len(roles)} of {len(KNOWN_ROLES)} roles",
    ]
    if BuyingRole.ECONOMIC_BUYER not in roles:
        parts.append("no economic buyer")
    return " · ".join(parts)


def coverage_brief(
    contacts: Sequence[Contact | RosterEntry], met: Collection[str] | None = None
) -> str:
    """The gap in a few words for the dashboard ('no economic buyer'); empty when covered.

    With `met` (who was on a call of the account), an economic buyer nobody has met is a
    gap too."""
    if not contacts:
        return "no one mapped"
    roles = roles_covered(contacts)
    if _known(contacts) == {BuyingRole.BLOCKER}:
        return "only blockers known"
    if BuyingRole.ECONOMIC_BUYER not in roles:
        return "no economic buyer"
    if met is not None and not any(
        c.role is BuyingRole.ECONOMIC_BUYER and c.uid in met for c in contacts
    ):
        return "economic buyer not met"
    if BuyingRole.CHAMPION not in roles:
        return "no champion"
    if len(roles) < ENOUGH_ROLES:
        return f"{len(roles)} of {len(KNOWN_ROLES)} roles"
    return ""
