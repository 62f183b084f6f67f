from __future__ import annotations

import pytest

from bounceback.lib.companies import company_key, role_key, similarity


@pytest.mark.parametrize(
    "name",
    [
        "ACME Corp",
        "Acme",
        "acme, inc.",
        "Acme Inc",
        "  ACME   Corporation ",
        "Acme GmbH",
        "The Acme Company",
    ],
)
def test_legal_forms_case_and_spacing_do_not_make_a_different_company(name: str) -> None:
    assert company_key(name) == "acme"


def test_accents_and_ampersands_are_folded() -> None:
    assert company_key("Société Générale S.A.") == "societe generale"
    assert company_key("Moss & Finch") == company_key("Moss and Finch")


def test_a_name_made_only_of_a_legal_form_is_kept() -> None:
    assert company_key("Group") == "group"
    assert company_key("   ") == ""


def test_similar_names_score_high_and_different_names_low() -> None:
    assert similarity("Northwind Analytics Ltd", "northwind analytics") == 100
    assert similarity("Northwind Analytics", "Northwind Analytic") > 90
    assert similarity("Acme", "Apex") < 80


def test_roles_compare_without_punctuation() -> None:
    assert role_key("Data Analyst (Operations)") == role_key("data analyst operations")
