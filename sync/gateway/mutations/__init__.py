"""``POST /v1/mutations``: schema validation of the whole batch (validate.py), then the batch applied
in one transaction with a savepoint per mutation and its id recorded (apply.py, effects in kinds.py)."""
