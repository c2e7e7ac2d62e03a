"""Word lists the demo builds invented companies and people from.

Every name is a combination of common words and given names; none refers to a real
company or person, and the combinations are drawn with a seeded generator so a demo
folder is the same every time for the same seed.
"""

from __future__ import annotations

import random

COMPANY_FIRST = (
    "Harbor", "Cobalt", "Juniper", "Meridian", "Tallow", "Quarry", "Lantern", "Saltmarsh",
    "Brightwater", "Copperfield", "Ironbark", "Moss", "Granite", "Alder", "Kestrel", "Orchard",
    "Tidewater", "Bramble", "Larkspur", "Foxglove", "Cedar", "Hollow", "Summit", "Wren",
    "Basalt", "Silverpine", "Driftwood", "Thistle", "Marlow", "Pebble", "Amber", "Heron",
    "Flint", "Rowan", "Clover", "Sandstone", "Birch", "Osprey", "Willow", "Maple",
)  # fmt: skip
COMPANY_SECOND = (
    "Logistics", "Foods", "Health", "Freight", "Analytics", "Textiles", "Energy", "Labs",
    "Insurance", "Robotics", "Dairy", "Pharma", "Shipping", "Outfitters", "Clinics",
    "Packaging", "Mills", "Telecom", "Retail", "Bank", "Software", "Foundry", "Hotels",
    "Water", "Plastics",
)  # fmt: skip
FIRST_NAMES = (
    "Amara", "Bastien", "Carmen", "Dmitri", "Elif", "Farid", "Greta", "Hiro", "Ines", "Jonah",
    "Kaia", "Luca", "Mireille", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Sanjay", "Tove",
    "Ugo", "Valeria", "Wanjiru", "Xavier", "Yara", "Zoltan", "Anouk", "Bruno", "Chiara",
    "Desmond", "Esther", "Felipe", "Ginevra", "Hamza", "Ilse", "Joaquín", "Kenji", "Leila",
)  # fmt: skip
LAST_NAMES = (
    "Abara", "Brandt", "Castell", "Duarte", "Eklund", "Ferreira", "Galloway", "Haddad",
    "Ivanova", "Jansen", "Kowalczyk", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrakis",
    "Quist", "Rahman", "Sørensen", "Tanaka", "Ueda", "Varga", "Whitlock", "Xu", "Yilmaz",
    "Zamora", "Achterberg", "Bianchi", "Corrigan", "Dalca", "Esposito", "Falk",
)  # fmt: skip
TITLES = (
    "VP Operations", "Head of Procurement", "Chief Financial Officer", "IT Director",
    "Plant Manager", "Head of Supply Chain", "Director of Sales", "Chief Operating Officer",
    "Operations Analyst", "Security Architect", "Regional Manager", "Head of Customer Service",
)  # fmt: skip
UNITS = (
    "Operations", "Procurement", "Supply chain", "Finance", "IT", "Customer service",
    "Manufacturing", "Regional sales",
)  # fmt: skip


class NameMaker:
    """Hands out unique invented company names and person names from one seeded source."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        pairs = [(a, b) for a in COMPANY_FIRST for b in COMPANY_SECOND]
        rng.shuffle(pairs)
        self._companies = iter(pairs)
        self._used: set[str] = set()

    def company(self) -> str:
        for first, second in self._companies:
            name = f"{first} {second}"
            if name not in self._used:
                self._used.add(name)
                return name
        # More accounts than pairs: number the rest rather than repeat a name.
        name = f"{self._rng.choice(COMPANY_FIRST)} Group {len(self._used) + 1}"
        self._used.add(name)
        return name

    def person(self) -> str:
        return f"{self._rng.choice(FIRST_NAMES)} {self._rng.choice(LAST_NAMES)}"

    def title(self) -> str:
        return self._rng.choice(TITLES)

    def unit(self) -> str:
        return self._rng.choice(UNITS)
