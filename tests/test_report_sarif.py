"""The sarif format: valid SARIF 2.1.0 (the official schema, vendored in tests/data), and what
code scanning relies on: levels by severity, relative uris with SRCROOT, rule metadata,
related locations, fixes, and fingerprints that survive lines moving."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest

from numcheck.api import check_text
from numcheck.checks import Rule, RuleDocs
from numcheck.rules import RULES
from numcheck.report.sarif import FINGERPRINT, LEVELS, render_sarif, sarif_dict

REPO = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((REPO / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
HARBOUR = "seeds/harbour-report-2023.md"


def validate(log: dict) -> None:
    errors = sorted(VALIDATOR.iter_errors(log), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])


def run_cli(*args: str, cwd: Path = REPO):
    return subprocess.run([sys.executable, "-m", "numcheck", *args], capture_output=True, cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def seeds_log() -> dict:
    proc = run_cli("check", "seeds/", "--reference", "reference/", "--format", "sarif")
    assert proc.returncode == 1, proc.stderr  # the harbour report has errors
    return json.loads(proc.stdout.decode("utf-8"))


@pytest.fixture(scope="module")
def seeds_json() -> dict:
    proc = run_cli("check", "seeds/", "--reference", "reference/", "--format", "json")
    return json.loads(proc.stdout.decode("utf-8"))


def _results(log: dict) -> list[dict]:
    return log["runs"][0]["results"]


def _where(result: dict) -> tuple:
    loc = result["locations"][0]["physicalLocation"]
    region = loc["region"]
    return (loc["artifactLocation"]["uri"], region["startLine"], region["startColumn"], region["endLine"],
            region["endColumn"])


def test_vendored_schema_is_the_official_one():
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    assert SCHEMA["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert (REPO / "tests" / "data" / "NOTICE-sarif-schema.md").is_file()


def test_seeds_validate_against_the_schema(seeds_log):
    validate(seeds_log)
    assert seeds_log["version"] == "2.1.0"
    assert len(seeds_log["runs"]) == 1


def test_schema_catches_a_broken_log(seeds_log):
    # the validator is not vacuous: a level SARIF does not have is rejected
    broken = json.loads(json.dumps(seeds_log))
    broken["runs"][0]["results"][0]["level"] = "info"
    assert list(VALIDATOR.iter_errors(broken))


def test_driver_and_rules_metadata(seeds_log):
    driver = seeds_log["runs"][0]["tool"]["driver"]
    import numcheck

    assert driver["name"] == "numcheck" and driver["version"] == numcheck.__version__
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for meta, rule in zip(driver["rules"], RULES):
        assert meta["name"] == rule.name
        assert meta["shortDescription"]["text"] == rule.summary
        assert meta["fullDescription"]["text"] == rule.docs.what
        assert meta["help"]["text"] == rule.docs.fix
        assert rule.docs.why in meta["help"]["markdown"] and rule.docs.fix in meta["help"]["markdown"]
        assert meta["defaultConfiguration"]["level"] == LEVELS[rule.severity]
    assert {LEVELS[s] for s in ("error", "warning", "info")} == {"error", "warning", "note"}


def test_results_match_the_json_format(seeds_log, seeds_json):
    results, findings = _results(seeds_log), seeds_json["findings"]
    assert len(results) == len(findings)
    rules = seeds_log["runs"][0]["tool"]["driver"]["rules"]
    for result, f in zip(results, findings):
        assert result["ruleId"] == f["rule"]
        assert rules[result["ruleIndex"]]["id"] == f["rule"]
        assert result["level"] == LEVELS[f["severity"]]
        assert result["message"]["text"] == f["message"]
        assert _where(result) == (f["path"], f["line"], f["column"], f["end_line"], f["end_column"])


def test_levels_are_mixed(seeds_log):
    harbour = [r for r in _results(seeds_log) if _where(r)[0] == HARBOUR]
    levels = {r["level"] for r in harbour}
    assert {"error", "warning"} <= levels


def test_uris_are_relative_to_srcroot(seeds_log):
    run = seeds_log["runs"][0]
    base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
    assert base.startswith("file://") and base.endswith("/")
    assert base == REPO.as_uri() + "/"
    assert run["columnKind"] == "unicodeCodePoints"
    for result in _results(seeds_log):
        locations = [result["locations"][0]] + result.get("relatedLocations", [])
        for loc in locations:
            artifact = loc["physicalLocation"]["artifactLocation"]
            assert artifact["uriBaseId"] == "SRCROOT"
            assert not urlsplit(artifact["uri"]).scheme and not artifact["uri"].startswith("/")
            assert (REPO / artifact["uri"]).is_file()


def test_related_locations_and_fixes(seeds_log):
    by_rule = {r["ruleId"]: r for r in _results(seeds_log)}
    nc101 = by_rule["NC101"]  # '120 of 800 ... (12%)': related 'the counts', fix '15%'
    related = nc101["relatedLocations"]
    assert [(r["id"], r["message"]["text"]) for r in related] == [(1, "the counts")]
    assert related[0]["physicalLocation"]["region"]["snippet"]["text"] == "120"
    (fix,) = nc101["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"]["uri"] == HARBOUR
    (replacement,) = change["replacements"]
    assert replacement["insertedContent"]["text"] == "15%"
    region = replacement["deletedRegion"]
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == _where(nc101)[1:]
    assert nc101["locations"][0]["physicalLocation"]["region"]["snippet"]["text"] == "12%"
    # NC103 relates the whole and each part; NC102 has neither related figures nor a fix
    assert len(by_rule["NC103"]["relatedLocations"]) == 3
    assert [r["id"] for r in by_rule["NC103"]["relatedLocations"]] == [1, 2, 3]
    assert "fixes" not in by_rule["NC102"] and "relatedLocations" not in by_rule["NC102"]


def test_end_column_is_exclusive_as_in_sarif(seeds_log):
    nc101 = next(r for r in _results(seeds_log) if r["ruleId"] == "NC101")
    region = nc101["locations"][0]["physicalLocation"]["region"]
    line = (REPO / HARBOUR).read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] == "12%"


# --- fingerprints ---------------------------------------------------------------------


def _fingerprints(text: str, path: str = "draft.md", root: Path = REPO) -> list[tuple[str, str]]:
    log = sarif_dict([check_text(text, path)], root=str(root))
    validate(log)
    return [(r["ruleId"], r["partialFingerprints"][FINGERPRINT]) for r in _results(log)]


def test_fingerprints_survive_blank_lines_above():
    text = (REPO / HARBOUR).read_text(encoding="utf-8")
    marker = "Of the 800 dock workers"
    moved = text.replace(marker, "\n\n\n" + marker).replace("Inspectors said", "\n\nInspectors said")
    before, after = _fingerprints(text), _fingerprints(moved)
    assert before == after
    lines_before = [r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    for r in _results(sarif_dict([check_text(text, "draft.md")], root=str(REPO)))]
    lines_after = [r["locations"][0]["physicalLocation"]["region"]["startLine"]
                   for r in _results(sarif_dict([check_text(moved, "draft.md")], root=str(REPO)))]
    assert lines_after != lines_before  # the findings did move


def test_fingerprints_differ_between_findings(seeds_log):
    prints = [r["partialFingerprints"][FINGERPRINT] for r in _results(seeds_log)]
    assert len(prints) > 2 and len(set(prints)) == len(prints)
    assert all(len(p) == 64 and int(p, 16) >= 0 for p in prints)


def test_fingerprint_changes_with_the_sentence_and_the_file():
    text = "Of the 800 applicants, 120 (12%) were accepted.\n"
    (one,) = _fingerprints(text)
    (other_sentence,) = _fingerprints("Of the 800 candidates, 120 (12%) were accepted.\n")
    (other_file,) = _fingerprints(text, "other.md")
    assert len({one, other_sentence, other_file}) == 3


def test_identical_findings_in_identical_sentences_get_distinct_fingerprints():
    sentence = "Of the 800 applicants, 120 (12%) were accepted.\n\n"
    prints = _fingerprints(sentence * 2)
    assert [rule for rule, _ in prints] == ["NC101", "NC101"]
    assert prints[0][1] != prints[1][1]
    # and the first stays the one a single copy had
    assert prints[0] == _fingerprints(sentence)[0]


# --- paths, severities, errors ----------------------------------------------------------


def test_info_is_note_and_warning_is_warning():
    def check(facts, settings):
        for q in facts.draft.quantities[:1]:
            yield info.finding("an info", q.start, q.end)
            yield warning.finding("a warning", q.start, q.end)

    docs = RuleDocs("what", "why", "1 fires", "quiet", "fix")
    info = Rule("NC991", "test-info", "info", "Info.", docs, check)
    warning = Rule("NC992", "test-warning", "warning", "Warning.", docs, lambda d, s: ())
    result = check_text("26 ships sailed.\n", "draft.md", rules=[info])
    log = sarif_dict([result], root=str(REPO))
    validate(log)
    assert sorted(r["level"] for r in _results(log)) == ["note", "warning"]
    # rules not in the registry get no ruleIndex (it would point at the wrong rule)
    assert all("ruleIndex" not in r for r in _results(log))


def test_paths_outside_the_root_and_stdin(tmp_path):
    inside = tmp_path / "in side" / "a:b.md"
    result = check_text("Of the 800 applicants, 120 (12%) were accepted.\n", str(inside))
    log = sarif_dict([result], root=str(tmp_path))
    validate(log)
    artifact = _results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "in%20side/a%3Ab.md", "uriBaseId": "SRCROOT"}

    log = sarif_dict([result], root=str(tmp_path / "elsewhere"))
    validate(log)
    artifact = _results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"].startswith("file://") and "uriBaseId" not in artifact

    stdin = check_text("Of the 800 applicants, 120 (12%) were accepted.\n", "<stdin>")
    log = sarif_dict([stdin], root=str(tmp_path))
    validate(log)
    assert _results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"] == {"uri": "%3Cstdin%3E"}


def test_no_findings_is_an_empty_result_list(tmp_path):
    log = json.loads(render_sarif([check_text("Nothing is counted here.\n", "clean.md")], root=str(tmp_path)))
    validate(log)
    assert _results(log) == []
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": True}]


def test_input_errors_are_notifications_and_exit_2(tmp_path):
    (tmp_path / "wrong.md").write_text("Of the 800 applicants, 120 (12%) were accepted.\n", encoding="utf-8")
    proc = run_cli("check", "wrong.md", "missing.md", "--format", "sarif", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"missing.md" in proc.stderr  # still said on standard error, as for every format
    log = json.loads(proc.stdout.decode("utf-8"))
    validate(log)
    (invocation,) = log["runs"][0]["invocations"]
    assert invocation["executionSuccessful"] is False
    assert any("missing.md" in n["message"]["text"] for n in invocation["toolExecutionNotifications"])
    assert [r["ruleId"] for r in _results(log)] == ["NC101"]  # the readable file is still reported
    assert log["runs"][0]["originalUriBaseIds"]["SRCROOT"]["uri"] == tmp_path.resolve().as_uri() + "/"


def test_written_as_utf8_bytes(tmp_path):
    (tmp_path / "übersicht.md").write_text("Of the 800 applicants, 120 (12%) were accepted.\n", encoding="utf-8")
    proc = run_cli("check", ".", "--format", "sarif", cwd=tmp_path)
    log = json.loads(proc.stdout.decode("utf-8"))
    validate(log)
    assert _results(log)[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "%C3%BCbersicht.md"


def test_exit_status_does_not_depend_on_the_format(tmp_path):
    (tmp_path / "clean.md").write_text("Nothing is counted here.\n", encoding="utf-8")
    for fmt in ("text", "json", "sarif", "github"):
        assert run_cli("check", "clean.md", "--format", fmt, cwd=tmp_path).returncode == 0
        assert run_cli("check", str(REPO / "seeds"), "--format", fmt, cwd=tmp_path).returncode == 1
        assert run_cli("check", str(REPO / "seeds"), "--format", fmt, "--fail-on", "never",
                       cwd=tmp_path).returncode == 0
        assert run_cli("check", "missing.md", "--format", fmt, cwd=tmp_path).returncode == 2
