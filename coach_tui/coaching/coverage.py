"""Coverage: does the seller know the people who decide, in the parts they play?

Deals stall when the seller knows only one person, or only the wrong one. The check is
deliberately simple — it names the gap and who to find next.
"""

from __future__ import annotations

from collections.abc import Sequence

from coach_tui.model.contact import BuyingRole, Contact, RosterEntry

# The known roles a healthy map has several of; "unknown" is a gap, not a role.
KNOWN_ROLES = tuple(role for role in BuyingRole if role is not BuyingRole.UNKNOWN)
ENOUGH_ROLES = 3


def roles_covered(contacts: Sequence[Contact | RosterEntry]) -> set[BuyingRole]:
    """The parts someone is known to play; people whose part is unknown add nothing yet."""
    return {contact.role for contact in contacts if contact.role is not BuyingRole.UNKNOWN}


def coverage_warnings(contacts: Sequence[Contact]) -> list[str]:
    """What is missing from the map of decision makers, most important first."""
    if not contacts:
        return [
            "Nobody mapped yet. Start with whoever owns the problem at your entry point, "
            "then find who signs off on the money."
        ]
    roles = roles_covered(contacts)
    warnings = []
    if all(contact.role is BuyingRole.BLOCKER for contact in contacts):
        warnings.append(
            "The only people you know here are blockers. Find a champion who wants you to win."
        )
    elif roles == {BuyingRole.BLOCKER}:
        warnings.append(
            "Everyone whose part you know is a blocker. Find out where the others stand, and "
            "look for a champion among them."
        )
    if BuyingRole.ECONOMIC_BUYER not in roles:
        warnings.append(
            "No economic buyer known: who can say yes to the money? Ask your champion or "
            "look at who signs off on budgets in their org chart."
        )
    if len(roles) < ENOUGH_ROLES:
        warnings.append(
            f"Only {len(roles)} of {len(KNOWN_ROLES)} buying roles covered. One contact "
            "going quiet should not stop the deal: map at least three."
        )
    return warnings


def coverage_summary(contacts: Sequence[Contact]) -> str:
    """One line for lists and the dashboard: '3 of 5 roles · no economic buyer'."""
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


def coverage_brief(contacts: Sequence[Contact | RosterEntry]) -> str:
    """The gap in a few words for the dashboard ('no economic buyer'); empty when covered."""
    if not contacts:
        return "no one mapped"
    roles = roles_covered(contacts)
    if roles == {BuyingRole.BLOCKER}:
        return "only blockers known"
    if BuyingRole.ECONOMIC_BUYER not in roles:
        return "no economic buyer"
    if len(roles) < ENOUGH_ROLES:
        return f"{len(roles)} of {len(KNOWN_ROLES)} roles"
    return ""
