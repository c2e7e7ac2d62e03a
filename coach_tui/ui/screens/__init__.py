"""One screen per flow."""
