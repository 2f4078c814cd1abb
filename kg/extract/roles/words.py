"""The word sets more than one family of role rules reads."""

from __future__ import annotations

STATUS_WORDS = {"former", "then", "acting", "interim", "outgoing", "incoming", "ex", "late"}
# Prepositions that introduce the organisation after a title ("chief executive of Acme").
ORG_PREPOSITIONS = {"of", "at", "for", "with", "in", "on"}
COPULAS = {"be", "become", "remain"}
# Words that rank or qualify a post rather than name a body: "Founding Director",
# "Deputy Managing Director", "Group Executive Chef", "Lieutenant-Colonel", "Country Manager".
TITLE_MODIFIERS = {
    "senior", "junior", "deputy", "assistant", "associate", "founding", "executive",
    "managing", "artistic", "scientific", "administrative", "technical", "creative",
    "medical", "clinical", "legal", "financial", "operating", "commercial", "group",
    "global", "regional", "national", "general", "principal", "chief", "vice", "lieutenant",
    "honorary", "emeritus", "distinguished", "visiting", "adjunct", "joint", "co", "sole",
    "head", "lead", "first", "second", "acting", "interim", "former", "programme", "program",
    "shadow", "country", "area",
}  # fmt: skip
# Posts named "minister" that belong to a region's government, not the nation's.
REGIONAL_MINISTERS = {
    "first minister", "chief minister", "deputy first minister",
    "cabinet secretary",  # "the Cabinet Secretary for Health": a Scottish or Welsh minister
}  # fmt: skip
# Posts followed by a field, not a body: "Professor of Psychology at Clark University".
ACADEMIC_POSTS = {"professor", "lecturer", "reader", "fellow", "emeritus", "chair", "scholar"}
# Of these, the posts whose "of" names a field even when NER calls it a body ("Professor of
# Operations Research"); a chair or fellow "of" a company or society is held there.
FIELD_POSTS = ACADEMIC_POSTS - {"chair", "fellow"}
# Generic words for organisations that a role path may pass through:
# "Acme is a privately held company founded by Jane Doe".
ORG_NOUNS = {
    "company", "firm", "organisation", "organization", "group", "business", "agency",
    "startup", "charity", "institute", "university", "college", "school", "network",
    "publisher", "studio", "newspaper", "magazine", "bank", "club", "team", "band",
    "board", "faculty", "staff", "career", "position", "post", "job", "role", "member",
    "appointment", "division", "department", "unit", "office", "laboratory", "lab",
}  # fmt: skip
# Words by which an article points back to a company, never to a public body.
COMPANY_ANAPHORS = {
    "company", "firm", "bank", "lender", "business", "retailer", "carmaker", "airline",
    "insurer", "broker", "conglomerate", "startup", "supermarket", "chain", "manufacturer",
}  # fmt: skip
# Posts whose "for" names the seat held: "MP for Bolton West", "MLA for Kiama".
SEAT_POSTS = {
    "mp", "msp", "ms", "mla", "mhk", "mep", "td", "member", "senator", "representative",
    "parliament",  # "member of Parliament for Abbotsford"
}  # fmt: skip
# Posts in a US state's legislature, with the chamber's name for the article's state:
# "State Sen. Jo Bloggs", "state senator Jo Bloggs", "Assemblymember Jo Bloggs".
STATE_LEGISLATURE_POSTS = {
    "senator": "{} State Senate",
    "state senator": "{} State Senate",
    "representative": "{} House of Representatives",
    "state representative": "{} House of Representatives",
    "assembly member": "{} State Assembly",
    "assemblymember": "{} State Assembly",
    "assemblyman": "{} State Assembly",
    "assemblywoman": "{} State Assembly",
}
# The heads of a US state, whose state is the one the article is about.
STATE_HEADS = {"governor", "lieutenant governor"}
