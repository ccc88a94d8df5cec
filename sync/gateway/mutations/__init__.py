"""``POST /v1/mutations``: schema validation of the whole batch (validate.py), then each mutation
applied in its own transaction with its id recorded (apply.py, effects in kinds.py)."""
