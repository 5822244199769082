"""The checks stage: rules that compare a draft's figures with each other."""

from numcheck.checks.engine import run_checks
from numcheck.checks.model import SEVERITIES, Facts, Finding, Related, Rule, RuleDocs, Settings
from numcheck.checks.registry import INTERNAL_RULES

__all__ = ["run_checks", "Facts", "Finding", "Related", "Rule", "RuleDocs", "Settings", "INTERNAL_RULES", "SEVERITIES"]
