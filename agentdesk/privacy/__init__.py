"""Personal data: masking rules shared by the gateway (on the wire) and the console (in the store)."""
