"""Validates SARIF logs against a JSON schema: `sarif_schema.py SCHEMA LOG…` prints, as JSON, one
list of problems (JSON path and message) per log, empty when the log is valid."""
import json
import sys

from jsonschema import validators

with open(sys.argv[1], encoding="utf-8") as file:
    schema = json.load(file)
validator = validators.validator_for(schema)(schema)
problems = []
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as file:
        log = json.load(file)
    problems.append([f"{error.json_path}: {error.message}" for error in validator.iter_errors(log)])
print(json.dumps(problems))
