"""The checks stage: rules that compare a draft's figures with each other."""

from numcheck.checks.engine import run_checks
from numcheck.checks.model import SEVERITIES, Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.registry import RULES, find_rule

__all__ = ["run_checks", "Finding", "Related", "Rule", "RuleDocs", "Settings", "RULES", "find_rule", "SEVERITIES"]
