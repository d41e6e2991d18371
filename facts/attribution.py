"""Who a claim is sourced to: "X said", "said X", "according to X", "X told Y", "officials said"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from facts.lexicon import SPEECH_VERBS
from facts.model import AttributionFact, TextSpan
from facts.names import entity_key, fold

_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"})
_ROLE_ALIASES = {
    "officials": "official",
    "spokesperson": "spokesman",
    "spokeswoman": "spokesman",
    "spokesmen": "spokesman",
    "diplomats": "diplomat",
    "sources": "source",
}


def extract_attributions(doc: Doc) -> list[AttributionFact]:
    found: list[AttributionFact] = []
    for token in doc:
        speaker = _speaker_of(token)
        if speaker is None:
            continue
        found.append(_fact(doc, token, speaker))
    return found


def _speaker_of(token: Token) -> Token | None:
    if token.lower_ == "according":
        for child in token.children:
            objects = (
                [g for g in child.children if g.dep_ == "pobj"] if child.lower_ == "to" else []
            )
            if objects:
                return objects[0]
        return None
    if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ != "VERB":
        return None
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        return subjects[0]
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return next((c for c in token.head.children if c.dep_ == "nsubj"), None)
    return None


def _fact(doc: Doc, verb: Token, speaker: Token) -> AttributionFact:
    tokens = [
        t
        for t in speaker.subtree
        if t.dep_ not in ("punct", "relcl") and t.i >= speaker.left_edge.i
    ]
    tokens = _trim_clause(tokens, speaker)
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1].text)
    text = doc.text[start:end]
    is_person = speaker.ent_type_ == "PERSON"
    is_pronoun = speaker.pos_ == "PRON" or speaker.lower_ in _PRONOUNS
    return AttributionFact(
        speaker=text,
        key=_speaker_key(speaker, text, is_person),
        is_person=is_person,
        is_pronoun=is_pronoun,
        verb=verb.lemma_.lower(),
        span=TextSpan(text, start, end),
    )


def _trim_clause(tokens: list[Token], speaker: Token) -> list[Token]:
    kept = [t for t in tokens if abs(t.i - speaker.i) <= 8]
    contiguous = [t for t in kept if t.i <= speaker.i]
    after = [
        t for t in kept if t.i > speaker.i and t.dep_ in ("compound", "flat", "appos", "conj", "cc")
    ]
    return contiguous + after if contiguous else [speaker]


def _speaker_key(speaker: Token, text: str, is_person: bool) -> str:
    if is_person:
        first = speaker.i
        while first > 0 and speaker.doc[first - 1].pos_ == "PROPN":
            first -= 1
        return entity_key(speaker.doc[first : speaker.i + 1].text)
    return _ROLE_ALIASES.get(speaker.lower_, fold(speaker.lemma_)) or fold(text)
