"""Score kg-facts/1 predictions against a gold file, as `/work/shared/spec/facts-format.md` says.

Two kinds of gold are understood:

* **fact gold** (``{"documents": [...]}``): role, quote and funding facts are matched per
  document and per fact type; precision, recall and F1 are reported per type and
  micro-averaged over the types.
* **span gold** (``{"articles": [...]}``, the PolNeAR shape): predicted quote facts carrying
  ``"span"`` / ``"speaker_span"`` offsets are scored for content-token overlap and for
  attribution.

Choices where the spec leaves room (each is also stated where it is implemented):

* Only documents present in the gold are scored. A gold document missing from the
  predictions contributes false negatives; predicted documents absent from the gold are
  ignored and listed in `Report.unscored_documents`.
* Aliases may be given per document (``document["aliases"]``) and/or for the whole file
  (top-level ``"aliases"``); both are used. A canonical name and its aliases form one
  group, and a gold name is expanded to every group it belongs to (by normalised equality),
  so a gold name that is itself listed as an alias still gets its canonical name and
  sibling aliases. Aliases apply to every name slot: person, speaker, funder, organisation.
* A single-token name (``"Mr Hall"`` -> ``hall``) never matches a longer one through the
  token-run rule: the spec requires the contained name to have at least two tokens. It can
  still match through an alias.
* Exact duplicate gold facts in one document (same type and same scored fields) are one
  fact, required if any copy is required. The format's facts are per document, not per
  mention, and a graph export cannot repeat a fact.
* A gold role fact whose ``organisation`` is null is matched on person and role only.
  If the gold role has no content word outside the organisation's words (e.g. role
  "Assembly" at "London Assembly"), all its content words are required instead, and if it
  has no content word at all, all its words.
* Quote token F1 is computed over bags (multisets) of content words, as in SQuAD F1.
* Assignment is an exact maximum bipartite matching (augmenting paths), required gold
  first, then optional gold, so the largest possible number of required facts is matched
  and, given that, the fewest predictions are left over as false positives.
* Empty denominators: precision is 1.0 when nothing was predicted and nothing was missed,
  else 0.0 (and likewise for recall), so an empty gold with empty predictions scores 1.0.
* Span mode: article text is split into ``\\w+`` tokens once; a span covers every token it
  overlaps by at least one character. A token is identified by its position, so
  overlapping predictions never count a token twice, and a span that cuts a word in two
  still covers that word. Predicted content tokens are the union over predicted quote
  spans; gold content tokens the union over gold ``content_fragments`` (or
  ``content_span`` when there are no fragments). Gold speakers likewise use
  ``speaker_fragments`` when present.
* Span mode attribution follows the spec's wording literally: recall is the share of gold
  attributions found by *some* predicted quote, precision the share of predicted quote
  facts that find *some* gold attribution; it is not a one-to-one matching. A shared token
  count of zero never counts as "half". Predicted quotes without a ``"span"`` count as
  predicted quotes that find nothing.
* If the gold's top-level ``"scoring"`` string contains "role facts only", only role facts
  are scored and predicted facts of other types are ignored.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

FORMAT = "kg-facts/1"
FACT_TYPES: tuple[str, ...] = ("role", "quote", "funding")
ROLE_ONLY_MARKER = "role facts only"

QUOTE_F1_THRESHOLD = 0.5
AMOUNT_TOLERANCE = Decimal("0.01")
PROGRAMME_OVERLAP = 0.5
SPAN_SHARE = 0.5


def _word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a literal word list."""
    return frozenset(text.split())


# Dropped from names (as whole tokens, anywhere in the name) before comparing them.
HONORIFICS: frozenset[str] = _word_set(
    """
    mr mrs ms miss mx dr sir dame lord lady baron baroness prof professor
    rev revd reverend rt hon the
    """
)

# spaCy 3.8's English stop words (alphabetic entries), plus the pieces that English
# contractions split into ("don't" -> "don" "t"). Kept literal so scores do not move
# when a library is upgraded.
STOP_WORDS: frozenset[str] = _word_set(
    """
    a about above across after afterwards again against all almost alone along already also
    although always am among amongst amount an and another any anyhow anyone anything anyway
    anywhere are around as at back be became because become becomes becoming been before
    beforehand behind being below beside besides between beyond both bottom but by ca call
    can cannot could did do does doing done down due during each eight either eleven else
    elsewhere empty enough even ever every everyone everything everywhere except few fifteen
    fifty first five for former formerly forty four from front full further get give go had
    has have he hence her here hereafter hereby herein hereupon hers herself him himself his
    how however hundred i if in indeed into is it its itself just keep last latter latterly
    least less made make many may me meanwhile might mine more moreover most mostly move
    much must my myself name namely neither never nevertheless next nine no nobody none
    noone nor not nothing now nowhere of off often on once one only onto or other others
    otherwise our ours ourselves out over own part per perhaps please put quite rather re
    really regarding same say see seem seemed seeming seems serious several she should show
    side since six sixty so some somehow someone something sometime sometimes somewhere
    still such take ten than that the their them themselves then thence there thereafter
    thereby therefore therein thereupon these they third this those though three through
    throughout thru thus to together too top toward towards twelve twenty two under unless
    until up upon us used using various very via was we well were what whatever when whence
    whenever where whereafter whereas whereby wherein whereupon wherever whether which while
    whither who whoever whole whom whose why will with within without would yet you your
    yours yourself yourselves
    s t d ll m ve ain aren couldn didn doesn don hadn hasn haven isn mustn needn shan
    shouldn wasn weren won wouldn
    """
)

_WORD = re.compile(r"[^\W_]+")  # words of names and text: \w without the underscore
_SPAN_TOKEN = re.compile(r"\w+")  # span-mode tokens, as the spec words it
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bc`\u00b4]")
_POSSESSIVE = re.compile(r"'s\b")
_ACRONYM_DOT = re.compile(r"(?<=\w)\.(?=\w)")

Fact = Mapping[str, Any]
Tokens = tuple[str, ...]
AliasGroups = tuple[frozenset[Tokens], ...]


# --------------------------------------------------------------------------- counts


def _ratio(hits: int, total: int, other_errors: int) -> float:
    """hits/total; for an empty total, 1.0 when there are no other errors either, else 0.0."""
    if total:
        return hits / total
    return 1.0 if other_errors == 0 else 0.0


def _f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall (0.0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives, with P/R/F1 derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp, self.fn)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn, self.fp)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class AttributionCounts:
    """Span-mode attribution counts, which are not one-to-one (see the module docstring).

    `found` / `missed` are gold attributions found / not found by some predicted quote;
    `correct` / `spurious` are predicted quotes that do / do not find some gold attribution.
    """

    found: int = 0
    missed: int = 0
    correct: int = 0
    spurious: int = 0

    def __add__(self, other: AttributionCounts) -> AttributionCounts:
        return AttributionCounts(
            self.found + other.found,
            self.missed + other.missed,
            self.correct + other.correct,
            self.spurious + other.spurious,
        )

    @property
    def precision(self) -> float:
        return _ratio(self.correct, self.correct + self.spurious, self.missed)

    @property
    def recall(self) -> float:
        return _ratio(self.found, self.found + self.missed, self.spurious)

    @property
    def f1(self) -> float:
        return _f1(self.precision, self.recall)


@dataclass(frozen=True)
class SpanReport:
    """Span-mode results: content-token overlap and attribution."""

    content_tokens: Counts = Counts()
    attribution: AttributionCounts = AttributionCounts()


@dataclass
class Report:
    """Everything `score` measures.

    `by_type` maps each scored fact type to its counts (empty for span-only gold);
    `span` is set when the gold has span-annotated articles; `documents` is the number of
    gold documents/articles scored; `unscored_documents` lists predicted document ids that
    are not in the gold and were therefore ignored.
    """

    by_type: dict[str, Counts] = field(default_factory=dict)
    span: SpanReport | None = None
    documents: int = 0
    unscored_documents: tuple[str, ...] = ()

    @property
    def micro(self) -> Counts | None:
        """Counts summed over all fact types, or None when no fact type was scored."""
        if not self.by_type:
            return None
        return sum(self.by_type.values(), Counts())


# --------------------------------------------------------------------------- loading


def _fail(where: str, message: str) -> ValueError:
    return ValueError(f"{where}: {message}")


def _check_fact_documents(data: Mapping[str, Any], where: str) -> None:
    """Raise ValueError unless data["documents"] is a list of {"id": str, "facts": [...]}."""
    documents = data["documents"]
    if not isinstance(documents, list):
        raise _fail(where, '"documents" must be a list')
    for index, document in enumerate(documents):
        at = f"{where}: documents[{index}]"
        if not isinstance(document, dict):
            raise ValueError(f"{at} must be an object")
        if not isinstance(document.get("id"), str):
            raise ValueError(f'{at} needs a string "id"')
        facts = document.get("facts", [])
        if not isinstance(facts, list):
            raise ValueError(f'{at} ("{document["id"]}"): "facts" must be a list')
        for fact_index, fact in enumerate(facts):
            if not isinstance(fact, dict) or not isinstance(fact.get("type"), str):
                raise ValueError(
                    f'{at} ("{document["id"]}"): facts[{fact_index}] must be an object '
                    'with a string "type"'
                )


def _check_articles(data: Mapping[str, Any], where: str) -> None:
    """Raise ValueError unless data["articles"] is a list of {"id", "text", "quotes"}."""
    articles = data["articles"]
    if not isinstance(articles, list):
        raise _fail(where, '"articles" must be a list')
    for index, article in enumerate(articles):
        at = f"{where}: articles[{index}]"
        if not isinstance(article, dict):
            raise ValueError(f"{at} must be an object")
        if not isinstance(article.get("id"), str) or not isinstance(article.get("text"), str):
            raise ValueError(f'{at} needs a string "id" and a string "text"')
        quotes = article.get("quotes", [])
        if not isinstance(quotes, list) or not all(isinstance(q, dict) for q in quotes):
            raise ValueError(f'{at} ("{article["id"]}"): "quotes" must be a list of objects')


def check_shape(data: Any, where: str = "facts") -> None:
    """Raise ValueError (naming `where`) unless `data` is kg-facts/1 or span-annotated gold."""
    if not isinstance(data, dict):
        raise _fail(where, "expected a JSON object at the top level")
    if "format" in data and data["format"] != FORMAT:
        raise _fail(where, f'"format" is {data["format"]!r}, expected {FORMAT!r}')
    if "documents" not in data and "articles" not in data:
        raise _fail(where, f'expected a {FORMAT} object with "documents" (or "articles")')
    if "documents" in data:
        _check_fact_documents(data, where)
    if "articles" in data:
        _check_articles(data, where)


def load_facts(path: str | Path) -> dict:
    """Read a kg-facts/1 (or span-annotated gold) JSON file and return it as a dict.

    Raises ValueError naming the file when it is not UTF-8 JSON or not of either shape.
    """
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise _fail(where, f"not UTF-8 text ({error})") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _fail(
            where, f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    check_shape(data, where)
    return data


# --------------------------------------------------------------------------- text


def words(text: str | None) -> Tokens:
    """Lower-cased word tokens of `text`: NFKC, possessive 's and punctuation dropped.

    "Mayor's Office" -> ("mayor", "office"); "U.S." -> ("us",); None -> ().
    """
    if not text:
        return ()
    text = unicodedata.normalize("NFKC", text).lower()
    text = _APOSTROPHES.sub("'", text)
    text = _POSSESSIVE.sub("", text)
    text = _ACRONYM_DOT.sub("", text)
    return tuple(_WORD.findall(text))


def normalise_name(name: str | None) -> Tokens:
    """The tokens names are compared on: `words` without honorifics.

    "Mr Hall's" -> ("hall",); "The Met" -> ("met",).
    """
    return tuple(token for token in words(name) if token not in HONORIFICS)


def content_words(text: str | None) -> Tokens:
    """`words` of `text` with stop words dropped, in order (duplicates kept)."""
    return tuple(token for token in words(text) if token not in STOP_WORDS)


def _contains_run(longer: Tokens, shorter: Tokens) -> bool:
    """True when `shorter` occurs as a contiguous run of whole tokens in `longer`."""
    width = len(shorter)
    return any(longer[i : i + width] == shorter for i in range(len(longer) - width + 1))


def tokens_match(a: Tokens, b: Tokens) -> bool:
    """Whether two normalised names match: equal, or the shorter (of >= 2 tokens) is a
    whole-token run inside the longer. Empty names match nothing."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return len(shorter) >= 2 and _contains_run(longer, shorter)


def alias_groups(*alias_maps: Mapping[str, Sequence[str]] | None) -> AliasGroups:
    """Turn {canonical: [alias, ...]} maps into groups of normalised names (empty names
    dropped), one group per canonical entry."""
    groups: list[frozenset[Tokens]] = []
    for aliases in alias_maps:
        for canonical, others in (aliases or {}).items():
            names = [canonical, *(others if isinstance(others, list) else [others])]
            group = frozenset(n for n in map(normalise_name, names) if n)
            if group:
                groups.append(group)
    return tuple(groups)


def name_variants(name: str | None, groups: AliasGroups) -> frozenset[Tokens]:
    """The normalised gold name plus every name of each alias group that contains it."""
    own = normalise_name(name)
    if not own:
        return frozenset()
    variants = {own}
    for group in groups:
        if own in group:
            variants |= group
    return frozenset(variants)


def names_match(gold: str | None, predicted: str | None, groups: AliasGroups = ()) -> bool:
    """Whether a predicted name matches a gold name or one of the gold name's aliases."""
    candidate = normalise_name(predicted)
    return any(tokens_match(variant, candidate) for variant in name_variants(gold, groups))


def token_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """F1 of the bag-of-tokens overlap between two token sequences (0.0 if either is empty)."""
    shared = sum((Counter(gold) & Counter(predicted)).values())
    if not shared:
        return 0.0
    precision, recall = shared / len(predicted), shared / len(gold)
    return 2 * precision * recall / (precision + recall)


def _amount(value: Any) -> Decimal | None:
    """A money amount as a Decimal, or None when absent or not a number."""
    if value is None or isinstance(value, bool):
        return None
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        return None
    return amount if amount.is_finite() else None


def _currency(value: Any) -> str | None:
    """An upper-cased currency code, or None when absent or blank."""
    if not isinstance(value, str):
        return None
    return value.strip().upper() or None


# --------------------------------------------------------------------------- fact rules
#
# Each rule takes (gold fact, predicted fact, alias groups) and returns None when the
# prediction does not match, else a score in (0, 1] used only to prefer better pairings.


def required_role_words(role: str | None, organisation: str | None) -> frozenset[str]:
    """Words of the gold role of which the predicted role must contain at least one.

    Content words of the role that are not words of the organisation; falling back to all
    content words, then all words, when that leaves nothing. Empty when role is null.
    """
    all_content = frozenset(content_words(role))
    distinctive = all_content - frozenset(words(organisation))
    return distinctive or all_content or frozenset(words(role))


def match_role(gold: Fact, pred: Fact, groups: AliasGroups) -> float | None:
    """Role rule: person matches, organisation matches (unless gold's is null), and the
    predicted role contains a required word of the gold role (unless gold's is null)."""
    if not names_match(gold.get("person"), pred.get("person"), groups):
        return None
    if gold.get("organisation") is not None and not names_match(
        gold.get("organisation"), pred.get("organisation"), groups
    ):
        return None
    required = required_role_words(gold.get("role"), gold.get("organisation"))
    if not required:
        return 1.0
    found = required & frozenset(words(pred.get("role")))
    return len(found) / len(required) if found else None


def match_quote(gold: Fact, pred: Fact, groups: AliasGroups) -> float | None:
    """Quote rule: speaker matches and content-word token F1 of the texts is >= 0.5.

    When the gold text has no content word, all words are compared instead."""
    if not names_match(gold.get("speaker"), pred.get("speaker"), groups):
        return None
    gold_tokens = content_words(gold.get("text"))
    if gold_tokens:
        f1 = token_f1(gold_tokens, content_words(pred.get("text")))
    else:
        f1 = token_f1(words(gold.get("text")), words(pred.get("text")))
    return f1 if f1 >= QUOTE_F1_THRESHOLD else None


def match_funding(gold: Fact, pred: Fact, groups: AliasGroups) -> float | None:
    """Funding rule: funder matches; amount within 1% when gold has one; currency equal
    when both give one; at least half the gold programme's content words in the predicted
    programme when gold names one."""
    if not names_match(gold.get("funder"), pred.get("funder"), groups):
        return None
    score = 1.0
    gold_amount = _amount(gold.get("amount"))
    if gold_amount is not None:
        pred_amount = _amount(pred.get("amount"))
        if pred_amount is None:
            return None
        error = abs(pred_amount - gold_amount)
        if error > AMOUNT_TOLERANCE * abs(gold_amount):
            return None
        score -= float(error / abs(gold_amount)) if gold_amount else 0.0
    gold_currency, pred_currency = _currency(gold.get("currency")), _currency(pred.get("currency"))
    if gold_currency and pred_currency and gold_currency != pred_currency:
        return None
    if gold.get("programme"):
        wanted = frozenset(content_words(gold["programme"])) or frozenset(words(gold["programme"]))
        found = wanted & frozenset(words(pred.get("programme")))
        if len(found) < PROGRAMME_OVERLAP * len(wanted):
            return None
    return score


RULES: dict[str, Callable[[Fact, Fact, AliasGroups], float | None]] = {
    "role": match_role,
    "quote": match_quote,
    "funding": match_funding,
}

# The fields that make two gold facts of a type the same fact.
SCORED_FIELDS: dict[str, tuple[str, ...]] = {
    "role": ("person", "role", "organisation"),
    "quote": ("speaker", "text"),
    "funding": ("funder", "programme", "amount", "currency"),
}


# --------------------------------------------------------------------------- matching


def _augment(start: int, edges: Sequence[Sequence[int]], owner: dict[int, int]) -> bool:
    """Look for an augmenting path from gold `start`; on success re-assign `owner`
    (prediction -> gold) along it and return True. Iterative depth-first search."""
    seen: set[int] = set()
    stack: list[tuple[int, Iterable[int]]] = [(start, iter(edges[start]))]
    via: list[int] = []  # via[i]: the prediction that led from stack[i] to stack[i + 1]
    while stack:
        gold, candidates = stack[-1]
        for pred in candidates:
            if pred in seen:
                continue
            seen.add(pred)
            if pred not in owner:
                owner[pred] = gold
                for (earlier, _), taken in zip(stack[:-1], via, strict=True):
                    owner[taken] = earlier
                return True
            via.append(pred)
            stack.append((owner[pred], iter(edges[owner[pred]])))
            break
        else:
            stack.pop()
            if via:
                via.pop()
    return False


def match_counts(
    gold: Sequence[Fact],
    predicted: Sequence[Fact],
    rule: Callable[[Fact, Fact, AliasGroups], float | None],
    groups: AliasGroups = (),
) -> Counts:
    """Counts for one document and one fact type.

    Maximum bipartite matching: required gold facts are placed first, then optional ones
    (augmenting paths never unmatch an already matched gold fact). Each prediction is used
    at most once; candidates are tried best score first. Matched required gold -> tp,
    unmatched required gold -> fn, predictions matched to nothing -> fp.
    """
    edges: list[list[int]] = []
    for gold_fact in gold:
        scored = [(rule(gold_fact, pred, groups), index) for index, pred in enumerate(predicted)]
        edges.append([i for s, i in sorted(scored, key=lambda x: -(x[0] or 0)) if s is not None])
    required = [i for i, fact in enumerate(gold) if not fact.get("optional")]
    optional = [i for i, fact in enumerate(gold) if fact.get("optional")]
    owner: dict[int, int] = {}
    for index in required + optional:
        _augment(index, edges, owner)
    matched_required = sum(1 for g in owner.values() if not gold[g].get("optional"))
    return Counts(
        tp=matched_required,
        fp=len(predicted) - len(owner),
        fn=len(required) - matched_required,
    )


def dedupe_gold(facts: Iterable[Fact]) -> list[Fact]:
    """Merge gold facts that repeat the same type and scored fields; the merged fact is
    optional only if every copy is."""
    merged: dict[tuple, dict] = {}
    for fact in facts:
        fields = SCORED_FIELDS.get(fact["type"], ())
        key = (fact["type"], *(json.dumps(fact.get(name), sort_keys=True) for name in fields))
        if key not in merged:
            merged[key] = dict(fact)
        elif not fact.get("optional"):
            merged[key]["optional"] = False
    return list(merged.values())


def scored_types(gold: Mapping[str, Any]) -> tuple[str, ...]:
    """The fact types to score: only "role" when the gold's "scoring" says role facts only."""
    scoring = gold.get("scoring")
    if isinstance(scoring, str) and ROLE_ONLY_MARKER in scoring.lower():
        return ("role",)
    return FACT_TYPES


def _by_id(documents: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Documents grouped by id (a repeated id keeps all its documents)."""
    grouped: dict[str, list[Mapping[str, Any]]] = {}
    for document in documents:
        grouped.setdefault(document["id"], []).append(document)
    return grouped


def _facts_of(documents: Iterable[Mapping[str, Any]], fact_type: str) -> list[Fact]:
    """All facts of one type in the given documents."""
    return [f for d in documents for f in d.get("facts", []) if f["type"] == fact_type]


def score_facts(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> dict[str, Counts]:
    """Per-type counts of `pred` against fact gold, summed over the gold's documents."""
    unknown = {f["type"] for d in gold["documents"] for f in d.get("facts", [])} - set(RULES)
    if unknown:
        raise ValueError(f"gold has facts of unknown type(s): {', '.join(sorted(unknown))}")
    predicted = _by_id(pred.get("documents", []))
    totals = {fact_type: Counts() for fact_type in scored_types(gold)}
    for doc_id, gold_docs in _by_id(gold["documents"]).items():
        groups = alias_groups(gold.get("aliases"), *(d.get("aliases") for d in gold_docs))
        pred_docs = predicted.get(doc_id, [])
        for fact_type in totals:
            totals[fact_type] += match_counts(
                dedupe_gold(_facts_of(gold_docs, fact_type)),
                _facts_of(pred_docs, fact_type),
                RULES[fact_type],
                groups,
            )
    return totals


# --------------------------------------------------------------------------- span mode

Interval = tuple[int, int]


def _interval(value: Any, text: str, where: str) -> Interval | None:
    """A [start, end] offset pair checked against `text`; None for null/absent."""
    if value is None:
        return None
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        or not 0 <= value[0] <= value[1] <= len(text)
    ):
        raise ValueError(
            f"{where}: span {value!r} is not [start, end] with 0 <= start <= end <= {len(text)}"
        )
    return value[0], value[1]


def _fragments(quote: Mapping[str, Any], key: str, text: str, where: str) -> list[Interval]:
    """Gold `<key>_fragments` when non-empty, else `<key>_span`, else [] (no such part)."""
    fragments = quote.get(f"{key}_fragments") or [quote.get(f"{key}_span")]
    return [i for f in fragments if (i := _interval(f, text, where)) is not None]


class _TokenIndex:
    """The `\\w+` tokens of one article text, to map character spans to token positions."""

    def __init__(self, text: str) -> None:
        tokens = [m.span() for m in _SPAN_TOKEN.finditer(text)]
        self.starts = [start for start, _ in tokens]
        self.ends = [end for _, end in tokens]

    def covered(self, intervals: Iterable[Interval]) -> frozenset[int]:
        """Positions of the tokens that overlap any of the intervals by >= 1 character."""
        positions: set[int] = set()
        for start, end in intervals:
            positions.update(
                range(bisect.bisect_right(self.ends, start), bisect.bisect_left(self.starts, end))
            )
        return frozenset(positions)


def _overlaps(a: Sequence[Interval], b: Sequence[Interval]) -> bool:
    """Whether any interval of `a` shares at least one character with any of `b`."""
    return any(max(s1, s2) < min(e1, e2) for s1, e1 in a for s2, e2 in b)


def attribution_found(
    gold_tokens: frozenset[int],
    gold_speaker: Sequence[Interval],
    pred_tokens: frozenset[int] | None,
    pred_speaker: Sequence[Interval],
) -> bool:
    """Whether a predicted quote finds a gold attribution: they share a non-zero number of
    content tokens that is at least half of each side's, and, when the gold has a source
    (non-empty `gold_speaker`), the predicted speaker span overlaps it."""
    if not pred_tokens:
        return False
    shared = len(gold_tokens & pred_tokens)
    if not shared or shared < SPAN_SHARE * len(gold_tokens):
        return False
    if shared < SPAN_SHARE * len(pred_tokens):
        return False
    return not gold_speaker or _overlaps(gold_speaker, pred_speaker)


def score_article(article: Mapping[str, Any], pred_docs: Sequence[Mapping[str, Any]]) -> SpanReport:
    """Content-token and attribution counts for one span-annotated gold article."""
    text, where = article["text"], f'article "{article["id"]}"'
    index = _TokenIndex(text)
    gold = [
        (
            index.covered(_fragments(q, "content", text, where)),
            _fragments(q, "speaker", text, where),
        )
        for q in article.get("quotes", [])
    ]
    predicted: list[tuple[frozenset[int] | None, list[Interval]]] = []
    for quote in _facts_of(pred_docs, "quote"):
        content = _interval(quote.get("span"), text, f"{where} (prediction)")
        speaker = _interval(quote.get("speaker_span"), text, f"{where} (prediction speaker)")
        predicted.append(
            (None if content is None else index.covered([content]), [speaker] if speaker else [])
        )
    gold_all = frozenset().union(*(tokens for tokens, _ in gold))
    pred_all = frozenset().union(*(tokens for tokens, _ in predicted if tokens is not None))
    hits = [[attribution_found(*g, *p) for p in predicted] for g in gold]
    found = sum(1 for row in hits if any(row))
    correct = sum(1 for j in range(len(predicted)) if any(row[j] for row in hits))
    return SpanReport(
        content_tokens=Counts(
            tp=len(gold_all & pred_all), fp=len(pred_all - gold_all), fn=len(gold_all - pred_all)
        ),
        attribution=AttributionCounts(
            found=found,
            missed=len(gold) - found,
            correct=correct,
            spurious=len(predicted) - correct,
        ),
    )


def score_spans(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> SpanReport:
    """Span-mode results of `pred` against span-annotated gold, summed over its articles."""
    predicted = _by_id(pred.get("documents", []))
    total = SpanReport()
    for article in gold["articles"]:
        result = score_article(article, predicted.get(article["id"], []))
        total = SpanReport(
            content_tokens=total.content_tokens + result.content_tokens,
            attribution=total.attribution + result.attribution,
        )
    return total


# --------------------------------------------------------------------------- public entry


def score(gold: dict, pred: dict) -> Report:
    """Score predictions (kg-facts/1) against gold (fact gold and/or span gold).

    Raises ValueError when either is malformed or the gold has facts of unknown type.
    """
    check_shape(gold, "gold")
    check_shape(pred, "predictions")
    if "documents" not in pred:
        raise ValueError('predictions: expected a kg-facts/1 object with "documents"')
    gold_ids = {d["id"] for d in gold.get("documents", [])} | {
        a["id"] for a in gold.get("articles", [])
    }
    unscored = tuple(sorted({d["id"] for d in pred["documents"]} - gold_ids))
    return Report(
        by_type=score_facts(gold, pred) if "documents" in gold else {},
        span=score_spans(gold, pred) if "articles" in gold else None,
        documents=len(gold_ids),
        unscored_documents=unscored,
    )


def _rows(report: Report) -> list[tuple[str, float, float, float, str, int, int]]:
    """(name, P, R, F1, tp, fp, fn) rows in display order."""
    rows = [
        (name, c.precision, c.recall, c.f1, str(c.tp), c.fp, c.fn)
        for name, c in report.by_type.items()
    ]
    if report.micro is not None and len(report.by_type) > 1:
        m = report.micro
        rows.append(("micro", m.precision, m.recall, m.f1, str(m.tp), m.fp, m.fn))
    if report.span is not None:
        a, t = report.span.attribution, report.span.content_tokens
        tp = str(a.found) if a.found == a.correct else f"{a.found}/{a.correct}"
        rows.append(("attribution", a.precision, a.recall, a.f1, tp, a.spurious, a.missed))
        rows.append(("content-tokens", t.precision, t.recall, t.f1, str(t.tp), t.fp, t.fn))
    return rows


def format_report(report: Report) -> str:
    """The report as a plain, aligned text table: type, P, R, F1, tp, fp, fn."""
    header = ("type", "P", "R", "F1", "tp", "fp", "fn")
    body = [
        (name, f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", tp, str(fp), str(fn))
        for name, p, r, f, tp, fp, fn in _rows(report)
    ]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(width) if i == 0 else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in [header, *body]
    ]
    lines.append(f"documents scored: {report.documents}")
    if report.unscored_documents:
        lines.append(f"predicted documents not in gold (ignored): {len(report.unscored_documents)}")
    if report.span is not None:
        a = report.span.attribution
        if a.found != a.correct:
            lines.append("attribution tp: gold attributions found / predicted quotes that find one")
    return "\n".join(lines)


def _counts_dict(counts: Counts | AttributionCounts) -> dict[str, Any]:
    """Counts as a JSON-ready dict: its raw fields plus precision, recall and f1."""
    return {
        **counts.__dict__,
        "precision": counts.precision,
        "recall": counts.recall,
        "f1": counts.f1,
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    """The report as JSON-ready data (fact types, micro, span results, document counts)."""
    data: dict[str, Any] = {
        "documents": report.documents,
        "unscored_documents": list(report.unscored_documents),
    }
    if report.by_type:
        data["facts"] = {name: _counts_dict(c) for name, c in report.by_type.items()}
        data["facts"]["micro"] = _counts_dict(report.micro or Counts())
    if report.span is not None:
        data["span"] = {
            "attribution": _counts_dict(report.span.attribution),
            "content_tokens": _counts_dict(report.span.content_tokens),
        }
    return data
