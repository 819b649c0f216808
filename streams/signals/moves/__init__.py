"""Executive moves and hiring: who joins or leaves which organisation in which role.

Rules over the post's text and its entities (no parser): a move cue ("appoints", "steps
down", "hires"), a role title nearby, and the PERSON / ORG entities around them. The
direction comes from the cue: ``joins`` (appointed, hired, named), ``leaves`` (resigns,
steps down, departs, ousted), ``promoted``; ``hiring`` when a named company hires people
("hiring 500 engineers", "Contoso hires two chip designers") with no named executive, and
``layoffs`` when it cuts jobs ("layoffs at Contoso", "Contoso cuts 1,000 jobs");
``reshuffle`` for a management shake-up and ``succession`` for a company choosing its next
leader ("Contoso CEO search nears its end"), no one named.

A move needs its person, or a role held at a named organisation ("Contoso CFO steps
down": the CFO is a specific person). What looks like a move and is not (see
``streams.signals.moves.not_moves``): an executive who "joins us" on a TV show, the Kindle
"Fire", a denied or hypothetical departure, an award ("named best CEO"), a move told as
background ("weeks after being named CEO", "ousted years ago, the former CEO says").
Which company a move is at: ``streams.signals.moves.orgs``.

Modules: ``words`` (cues and titles), ``not_moves`` (what only looks like a move),
``people`` (who moves), ``orgs`` (at which organisation), ``company`` (moves with no one
named), ``detect`` (``detect_moves``)."""

from streams.signals.moves.detect import detect_moves

__all__ = ["detect_moves"]
