"""Whose is an @handle: a person's or an organisation's, from the account's display name (pure).

A post carries the profile of its author and, for a repost, of the original's author
(``Post.author``, ``Post.repost_of.author``: handle, display name, verified). When one of
those handles is in the text (``RT @x:``, a self-mention), its display name says more than
the handle's spelling: ``BBC Sport News`` or ``Northwind Traders Inc.`` is an organisation,
``Maria Fernandez`` a person. ``profile_label`` reads that; the handle classifier
(``handles.py``) decides every other handle, and these too when the name says neither.

Rules (hand-written; the description rules checked against the name rules on StockNet
authors, see README.md):

* the name holds an organisation word (``Inc``, ``Ltd``, ``News``, ``FC``, ``Official``,
  ``Bank``, ``University``...) -> ORG, unless those words are only ``Official``/``HQ``-like
  ones and the rest parses as a person (``Jane Doe Official`` is her account);
* the name parses as a person: an optional title, a known first name, then one or two
  capitalised words (``Tim Cook``, ``Dr. Ana María López``) -> PERSON;
* when the name says neither, the account's **description** (bio) may: an organisation
  speaking of itself (``Official account of``, ``We are``, ``our team``, ``breaking news``)
  -> ORG; a person (``I'm``, ``my views are my own``, ``mom``, ``reporter at``, ``founder of``)
  -> PERSON; both or neither -> nothing;
* otherwise nothing (the classifier decides). ``verified`` says an account is notable, not
  whether a person or an organisation holds it, so it decides nothing here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["FIRST_NAMES", "ORG_WORDS", "Profile", "description_label", "profile_label"]


@dataclass(frozen=True)
class Profile:
    """What a post says about an account: its display name, its self-description (bio) and
    whether it is verified."""

    name: str | None = None
    verified: bool | None = None
    description: str | None = None


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


ORG_WORDS = _word_set(
    """
    inc incorporated corp corporation co company companies ltd limited llc llp plc gmbh ag
    sa nv bv ab asa oyj group holdings news newsroom media press tv radio magazine mag
    journal times daily weekly gazette herald tribune network channel broadcasting studios
    records publishing fc cf afc sc football club team racing athletics official hq
    headquarters support help careers store shop bank capital partners ventures fund funds
    investments securities insurance university college school academy institute foundation
    association society council agency ministry department dept government gov police
    service services airlines airways motors systems technologies technology tech labs
    solutions software games entertainment pharmaceuticals pharma energy
    """
)
"""Words of a display name that make it an organisation's (compared lower-cased)."""

_ACCOUNT_WORDS = frozenset({"official", "hq", "team", "news", "updates", "fans", "page"})
"""Words a person's own account adds to the name (``Jane Doe Official``)."""

_TITLES = frozenset({"dr", "prof", "mr", "mrs", "ms", "sir", "dame", "lady", "lord", "rev"})

FIRST_NAMES = _word_set(
    """
    aaron adam adrian ahmed aisha alan albert alex alexander alexandra alice alicia alison
    amanda amy ana andrea andrew andy angela ann anna anne anthony antonio barack barbara
    ben benjamin beth bill billy bob brad brandon brenda brian bruce carl carlos carol
    caroline catherine charles charlie charlotte chris christian christina christine
    christopher claire claudia colin craig dan daniel danny david deborah denis dennis diana
    diego donald donna doug douglas ed edward elena elizabeth ella ellen emily emma eric
    erik eva fatima fernando francesca francis frank fred gary george gordon grace greg
    gregory hannah harry heather helen henry hillary hugh ian isabel jack jacob james jamie
    jan jane janet jason jean jeff jennifer jeremy jerry jessica jim joan joe john johnny
    jon jonathan jordan jose joseph josh joshua juan julia julie justin karen kate katie
    keith kelly ken kevin kim kyle larry laura lauren lee leo linda lisa liz lucas lucy luis
    luke maria mariana mark martin mary matt matthew max megan melissa michael michelle mike
    mohammed natalie nathan neil nicholas nick nicola nicole nigel oliver olivia omar oscar
    pat patricia patrick paul paula peter philip rachel ralph raj rebecca richard rick rob
    robert robin roger ron ruth ryan sam samantha sandra sara sarah scott sean simon sophie
    stephanie stephen steve steven susan tanya taylor ted thomas tim timothy tina tom tony
    tyler victoria vincent walter wendy william zoe
    """
)
"""Common given names (hand-written): the first word of a name that parses as a person."""

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?", re.UNICODE)


def _words(name: str) -> list[str]:
    """Letter words of a display name (emoji, digits, ``|`` and the like dropped)."""
    return _WORD.findall(unicodedata.normalize("NFC", name))


def _is_person(words: list[str]) -> bool:
    if words and words[0].lower().rstrip(".") in _TITLES:
        words = words[1:]
    if not 2 <= len(words) <= 4 or words[0].lower() not in FIRST_NAMES:
        return False
    return all(w[0].isupper() and not w.isupper() or len(w) <= 2 for w in words)


_ORG_BIO = re.compile(
    r"(?i)(^\W*(the )?official (twitter |x )?(account|page|feed|home|channel)?\s*(of|for)\b"
    r"|^\W*the official\b"
    r"|\bwe(?:'re|’re| are) (a|an|the|one of)\b"
    r"|\bwe (help|provide|make|build|offer|deliver|bring)\b"
    r"|\bour (mission|team|products?|services?|clients?|customers?|members?|readers?|community)\b"
    r"|\bfollow us\b|\bcontact us\b|\b(customer|technical) (service|support)\b"
    r"|\bbreaking news\b|\bnews (and|&) (analysis|updates|views|commentary)\b"
    r"|\bleading (provider|company|platform|source)\b)"
)
"""An organisation speaking of itself: ``Official account of``, ``we are``, ``our team``..."""

_PERSON_BIO = re.compile(
    r"(?i)(\bI(?:'m|’m|'ve| am| have| love| write| cover| trade| tweet)\b"
    r"|\bmy (own|views|opinions|wife|husband|kids|family|life|job|tweets|thoughts)\b"
    r"|\b(views|opinions|tweets|thoughts)( expressed)?( here)? are (my|mine|own|personal)\b"
    r"|\b(husband|wife|father|mother|dad|mom|mum|grandfather|grandmother|son of|daughter of)\b"
    r"|\b(he|she)/(him|her)\b"
    r"|\b(co-?founder|founder|ceo|president|managing director)\s+(of|at|and)\b"
    r"|\b(reporter|correspondent|columnist|editor|writer|analyst|anchor|host|producer"
    r"|journalist|strategist|economist|professor|author)\s+(at|for|of|with|in|@))"
)
"""A person speaking of themself: ``I'm``, ``my views``, ``mom``, ``reporter at``..."""


def _name_label(name: str) -> str | None:
    words = _words(name)
    if not words:
        return None
    hits = {w.lower().rstrip(".") for w in words} & ORG_WORDS
    if hits:
        rest = [w for w in words if w.lower() not in _ACCOUNT_WORDS]
        return "PERSON" if hits <= _ACCOUNT_WORDS and _is_person(rest) else "ORG"
    if _is_person(words):
        return "PERSON"
    return None


def description_label(description: str | None) -> str | None:
    """``ORG`` or ``PERSON`` when an account's bio speaks as one and not as the other."""
    if not description:
        return None
    org, person = bool(_ORG_BIO.search(description)), bool(_PERSON_BIO.search(description))
    if org == person:
        return None
    return "ORG" if org else "PERSON"


def profile_label(profile: Profile | None) -> str | None:
    """``ORG`` or ``PERSON`` when the display name says so, else when the bio does, else
    None."""
    if profile is None:
        return None
    named = _name_label(profile.name) if profile.name else None
    return named if named is not None else description_label(profile.description)
