"""Sentence splitting: where a dot ends a sentence and where it does not."""
from armswatch import nlp


def _sentences(text: str) -> list[str]:
    para = nlp.paragraphs(text)[0]
    return [text[s.start:s.end] for s in nlp.split_sentences(text, para)]


def test_dotted_initials_inside_a_name_do_not_end_the_sentence():
    assert _sentences("Former president John F.X. Doyle opened the hall. Then it rained.") == [
        "Former president John F.X. Doyle opened the hall.", "Then it rained."]
    assert _sentences("Ông Harold K.L. Marsh sang Hà Nội. Sau đó ông về nước.") == [
        "Ông Harold K.L. Marsh sang Hà Nội.", "Sau đó ông về nước."]


def test_spaced_initials_do_not_end_the_sentence():
    assert _sentences("Envoy T. R. Hale arrived on Monday. Talks began.") == [
        "Envoy T. R. Hale arrived on Monday.", "Talks began."]


def test_lower_case_abbreviations_and_acronyms_still_end_sentences():
    # "p.m." is no initial, and an acronym without inner dots is a word like any other
    assert _sentences("They met at 5 p.m. The next day they left.") == [
        "They met at 5 p.m.", "The next day they left."]
    assert _sentences("Iran rejoined the NPT. Then it left again.") == [
        "Iran rejoined the NPT.", "Then it left again."]
