"""One repository per kind of record; each returns model objects, never TinyDB documents."""
