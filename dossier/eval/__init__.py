"""Evaluation against gold files (dossier-gold/1): scorers, report, floors (the CI gate)."""
from dossier.eval.errors import format_errors
from dossier.eval.gold import Gold, GoldEntity, load_gold, parse_gold
from dossier.eval.report import FloorError, check_floors, format_report, load_floors, update_floors
from dossier.eval.run import NOT_IMPLEMENTED, TASKS, run_eval, run_eval_stored

__all__ = ["Gold", "GoldEntity", "load_gold", "parse_gold", "run_eval", "run_eval_stored", "TASKS",
           "NOT_IMPLEMENTED", "format_report", "format_errors", "check_floors", "update_floors",
           "load_floors", "FloorError"]
