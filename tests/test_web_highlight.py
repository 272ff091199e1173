"""Facts marked in a story's text from their offsets: nesting, crossing spans, repeats, bounds."""

from __future__ import annotations

from sinodesk.web.highlight import Fact, Mark, mark_text


def _flat(items) -> str:
    """The marks as bracketed text: [kind:text] with nested marks inside."""
    out = []
    for it in items:
        if isinstance(it, str):
            out.append(it)
        else:
            out.append(f"[{it.fact.kind}{'#' + str(it.piece) if it.piece else ''}:{_flat(it.children)}]")
    return "".join(out)


def _fact(kind: str, text: str, doc: str, base: int = 0, nth: int = 0) -> Fact:
    start = doc.index(text)
    for _ in range(nth):
        start = doc.index(text, start + 1)
    return Fact(kind, base + start, base + start + len(text), text, "", "")


def test_plain_and_nested_facts():
    doc = "The Ministry of Commerce said exports fell 48 percent in January."
    facts = [_fact("attribution", "Ministry of Commerce said", doc), _fact("entity", "Ministry of Commerce", doc),
             _fact("number", "48 percent", doc), _fact("date", "January", doc)]
    facts.sort(key=lambda f: (f.start, -f.end))
    assert _flat(mark_text(doc, 0, facts)) == (
        "The [attribution:[entity:Ministry of Commerce] said] exports fell [number:48 percent] in [date:January].")


def test_offsets_are_document_offsets():
    doc = "Headline\n\nBody about Huawei."
    base = doc.index("Body")
    items = mark_text(doc[base:], base, [_fact("entity", "Huawei", doc)])
    assert _flat(items) == "Body about [entity:Huawei]."
    mark = items[1]
    assert isinstance(mark, Mark) and doc[mark.start : mark.end] == "Huawei"


def test_a_crossing_fact_is_cut_in_pieces_that_nest():
    doc = "said Wang Yi on Monday"
    a = Fact("attribution", 0, 12, "said Wang Yi", "", "")  # "said Wang Yi"
    b = Fact("entity", 5, 22, "Wang Yi on Monday", "", "")  # crosses a's end
    items = mark_text(doc, 0, [a, b])
    assert _flat(items) == "[attribution:said [entity#1:Wang Yi]][entity#2: on Monday]"
    pieces = [it for it in items if isinstance(it, Mark) and it.fact is b]
    assert [(p.start, p.end) for p in pieces] == [(12, 22)]


def test_repeats_empty_and_outside_facts_are_left_out():
    doc = "Huawei and Huawei"
    facts = [_fact("entity", "Huawei", doc), _fact("entity", "Huawei", doc), _fact("entity", "Huawei", doc, nth=1),
             Fact("entity", 3, 3, "", "", ""), Fact("entity", 40, 45, "x", "", "")]
    assert _flat(mark_text(doc, 0, facts)) == "[entity:Huawei] and [entity:Huawei]"


def test_text_survives_whole():
    doc = "网络攻击导致杭州云服务中断。据奇虎360称，流量峰值达到每秒1.2太比特。"
    facts = [_fact("entity", "杭州", doc), _fact("entity", "奇虎360", doc), _fact("number", "每秒1.2太比特", doc),
             _fact("attribution", "据奇虎360称", doc)]
    facts.sort(key=lambda f: (f.start, -f.end))
    items = mark_text(doc, 0, facts)

    def text(xs):
        return "".join(x if isinstance(x, str) else text(x.children) for x in xs)

    assert text(items) == doc
    assert _flat(items) == "网络攻击导致[entity:杭州]云服务中断。[attribution:据[entity:奇虎360]称]，流量峰值达到[number:每秒1.2太比特]。"
