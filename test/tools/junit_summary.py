"""Reads JUnit XML (stdin) with junitparser and prints what a CI test-report reader sees, as JSON:
the counts each element declares, the counts junitparser recomputes from the test cases, and each
test case's outcome, message and standard output."""
import json
import sys

from junitparser import Error, Failure, JUnitXml, Skipped, TestSuite


def counts(element):
    return {key: getattr(element, key) for key in ("tests", "failures", "errors", "skipped", "time")}


def outcome(case):
    for result in case.result:
        if isinstance(result, Failure):
            return "failure", result.message, result.type
        if isinstance(result, Error):
            return "error", result.message, result.type
        if isinstance(result, Skipped):
            return "skipped", result.message, None
    return "passed", None, None


def suite_summary(suite):
    declared = counts(suite)
    cases = []
    for case in suite:
        result, message, kind = outcome(case)
        cases.append({"classname": case.classname, "name": case.name, "result": result, "message": message,
                      "type": kind, "system_out": case.system_out})
    timestamp = suite.timestamp
    suite.update_statistics()
    return {"name": suite.name, "declared": declared, "recounted": counts(suite), "timestamp": timestamp, "cases": cases}


document = JUnitXml.fromstring(sys.stdin.buffer.read())
suites = [document] if isinstance(document, TestSuite) else list(document)
declared = counts(document)
summaries = [suite_summary(suite) for suite in suites]
document.update_statistics()
print(json.dumps({"name": document.name, "declared": declared, "recounted": counts(document), "suites": summaries}))
