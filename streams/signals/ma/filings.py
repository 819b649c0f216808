"""A regulatory filing as M&A evidence (pure): the form and the 8-K items say what the
text may not, and who the parties are.

    8-K (or 8-K/A) with Item 2.01   completed   the filer (Completion of Acquisition or
                                                Disposition of Assets)
    SC TO-T                         announced   tender offer: the filer buys, the subject
                                                company is the target
    SC 14D9                         announced   the target's response to a tender offer
    DEFM14A, PREM14A                announced   merger proxy: the filer is the target
    S-4                             announced   shares registered for a deal: the filer buys
    425                             announced   merger communication: the filer, and the
                                                subject company as the target

Other forms and 8-Ks without Item 2.01 (say only 5.02, an officer leaving) give no
evidence: the post's text alone decides. An amendment (``/A``) reads as its form.
"""

from __future__ import annotations

from typing import Final

from models.post import Filing
from models.signals import MASignal, MAStatus, Party

__all__ = ["FILING_SCORE", "filing_signal", "with_filing"]

FILING_SCORE: Final = 0.95
"""A filing is first-party evidence: scored above anything read from text alone."""

_COMPLETED_ITEM: Final = "2.01"
# form -> (status, the filer's role, the subject's role)
_FORMS: Final[dict[str, tuple[MAStatus, str | None, str | None]]] = {
    "SC TO-T": ("announced", "acquirer", "target"),
    "SC 14D9": ("announced", None, "target"),
    "DEFM14A": ("announced", "target", None),
    "PREM14A": ("announced", "target", None),
    "S-4": ("announced", "acquirer", None),
    "425": ("announced", "acquirer", "target"),
}


def base_form(form: str) -> str:
    """``SC TO-T/A`` -> ``SC TO-T``; upper case, spaces collapsed."""
    return " ".join(form.upper().split()).removesuffix("/A")


def filing_signal(filing: Filing) -> MASignal | None:
    """The M&A signal a filing carries by itself, or None when it carries none."""
    form = base_form(filing.form)
    filer = Party(name=filing.company) if filing.company else None
    subject = Party(name=filing.subject) if filing.subject else None
    if subject is not None and filer is not None and filing.subject_cik == filing.cik:
        subject = None  # the filer files about itself
    if form == "8-K":
        if _COMPLETED_ITEM not in filing.items:
            return None
        return MASignal(is_ma=True, score=FILING_SCORE, acquirer=filer, status="completed")
    rule = _FORMS.get(form)
    if rule is None:
        return None
    status, filer_role, subject_role = rule
    roles: dict[str, Party | None] = {"acquirer": None, "target": None}
    if subject_role is not None and subject is not None:
        roles[subject_role] = subject
    if filer_role is not None and filer is not None and roles[filer_role] is None:
        roles[filer_role] = filer
    elif subject_role == "target" and roles["target"] is None:
        roles["target"] = filer  # SC 14D9 filed by the target itself
    return MASignal(is_ma=True, score=FILING_SCORE, status=status, **roles)


def with_filing(signal: MASignal, filing: Filing | None) -> MASignal:
    """``signal`` (read from the text) with a filing's evidence over it: the filing decides
    that it is M&A, its status and its parties (the text of a filing post is a form line,
    whose "Completion of Acquisition" reads as a party); the amount comes from the text."""
    found = filing_signal(filing) if filing is not None else None
    if found is None:
        return signal
    return found.model_copy(
        update={"score": max(found.score, signal.score), "amount": signal.amount}
    )
