"""The Textual front end. Screens call the repository and draw model objects."""
