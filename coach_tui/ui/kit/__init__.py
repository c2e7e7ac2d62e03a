"""What screens are built from: base screens (form, guided flow, confirm, filtered list) and
the action mixins several screens share. Nothing here is pushed by name; screens live in
`ui/screens/` and never import each other. Nothing here imports a screen or the app either: a
screen is opened through a route (`self.coach.open(route)`, see `ui/routes.py`)."""
