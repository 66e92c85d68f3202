"""crawler.extract.decode: strict readings first, then a lenient one that drops
a few bad byte sequences (and counts them) rather than losing the page."""

from __future__ import annotations

import codecs
import random

import opencc
import pytest

from crawler.extract import extract
from crawler.extract.decode import (
    MAX_DROPPED_RATIO,
    Decoded,
    ExtractionError,
    decode_body,
    decode_page,
)
from crawler.extract.render import render_blocks

PARAGRAPH = ("今年以来，太原市持续推进老旧小区改造，完成管网更新、外墙保温和道路硬化等工程，"
             "惠及居民一万二千余户。市住建局有关负责人介绍，明年还将启动新一批改造项目。")
URL = "http://www.shanxidayuan.com/gsyl/lzyl/12031.html"


def page(charset: str, paragraphs: int = 40) -> str:
    """A small article page declaring ``charset`` (Big5 ones in Traditional)."""
    body = "\n".join(f"<p>{PARAGRAPH}</p>" for _ in range(paragraphs))
    html = (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
            f"<title>太原推进老旧小区改造_山西大院资讯网</title></head><body>"
            f"<h1>太原推进老旧小区改造</h1><p>2024-05-12 10:30 来源：太原日报</p>"
            f'<div class="content">{body}</div></body></html>')
    return TO_TRADITIONAL.convert(html) if charset == "big5" else html


TO_TRADITIONAL = opencc.OpenCC("s2t")


def spliced(body: bytes, bad: list[bytes], seed: int = 1) -> bytes:
    """``body`` with each of ``bad`` put right before a ``<`` (a character
    boundary in any of the corpus charsets), at places chosen by ``seed``."""
    out = bytearray(body)
    boundaries = [i for i, byte in enumerate(body) if byte == ord("<")]
    for at, junk in sorted(zip(random.Random(seed).sample(boundaries, len(bad)), bad,
                               strict=True), reverse=True):
        out[at:at] = junk
    return bytes(out)


# Invalid in GB18030: a lone 0x80 or 0xFF, a lead byte before "<".
GB_BAD = [b"\x80", b"\xff", b"\xb0", b"\xfe"]


def test_a_gb_page_with_a_few_bad_sequences_is_kept_and_counted() -> None:
    text = page("gb2312")
    body = spliced(text.encode("gb18030"), GB_BAD * 2)
    with pytest.raises(UnicodeDecodeError):
        body.decode("gb18030")
    decoded = decode_page(body, "text/html")
    assert decoded == Decoded(text, "gb18030", 8)  # dropped, never U+FFFD
    assert decode_body(body, "text/html") == (text, "gb18030")


def test_a_four_byte_sequence_cut_short_loses_only_its_lead_byte() -> None:
    text = page("gb18030")
    body = spliced(text.encode("gb18030"), [b"\x81\x30"])  # "0" is ASCII on its own
    decoded = decode_page(body, "text/html")
    assert decoded.replaced == 1
    assert decoded.text.replace("0<", "<") == text.replace("0<", "<")


def test_extraction_counts_the_dropped_sequences_and_gives_the_clean_record() -> None:
    clean = page("gbk").encode("gb18030")
    body = spliced(clean, [b"\xff", b"\x80", b"\xb0"])
    got = extract(body, URL)
    assert got.counters["decode/replaced"] == 3
    assert got.record == extract(clean, URL).record
    assert "decode/replaced" not in extract(clean, URL).counters


def test_a_big5_page_with_a_few_bad_sequences_is_kept() -> None:
    text = page("big5")
    body = spliced(text.encode("big5hkscs"), [b"\xff", b"\x80", b"\xa4"])
    decoded = decode_page(body, "text/html; charset=big5")
    assert (decoded.encoding, decoded.replaced) == ("big5hkscs", 3)
    assert decoded.text == text


def test_a_utf8_page_cut_inside_a_character_loses_only_that_character() -> None:
    body = page("utf-8").encode("utf-8")
    cut = body[:body.rindex("改造".encode()) + 4]  # "改" and the first byte of "造"
    decoded = decode_page(cut, "text/html; charset=utf-8")
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 1)
    assert decoded.text.endswith("改")


def test_more_bad_sequences_than_allowed_is_bad_encoding() -> None:
    body = page("gbk").encode("gb18030")
    too_many = int(len(body) * MAX_DROPPED_RATIO) + 10
    with pytest.raises(ExtractionError) as error:
        decode_page(spliced(body, [b"\xff"] * too_many), "text/html")
    assert error.value.reason == "bad_encoding"


def test_a_strict_reading_wins_over_a_lenient_one() -> None:
    # Valid UTF-8 that GB18030 would read with a bad sequence or two: UTF-8.
    text = page("utf-8")
    decoded = decode_page(text.encode("utf-8"), "text/html; charset=gbk")
    assert decoded == Decoded(text, "utf-8", 0)
    # Valid GB18030 declared: read strictly, nothing counted.
    decoded = decode_page(page("gbk").encode("gb18030"), "text/html")
    assert (decoded.encoding, decoded.replaced) == ("gb18030", 0)


def test_the_reading_with_fewest_bad_sequences_wins() -> None:
    # A UTF-8 page cut inside a character, served as GBK: the GB18030 reading
    # of UTF-8 bytes is Chinese-looking mojibake with many bad sequences.
    body = spliced(page("utf-8").encode("utf-8"), ["造".encode()[:2]])
    decoded = decode_page(body, "text/html; charset=gbk")
    assert (decoded.encoding, decoded.replaced) == ("utf-8", 1)


def test_latin1_junk_is_mojibake_even_read_leniently() -> None:
    # Accented letters read as GB18030 pair into ideographs, with a bad
    # sequence wherever one is followed by a space: on a page that is mostly
    # markup those are few of its characters, but many of its non-ASCII ones.
    french = "Le café de la société : élève, père, Noël à Paris ; très été 2023. " * 3
    markup = '<div class="nav"><a href="/a/b/c.html">Accueil</a></div>\n' * 300
    body = (f'<html><head><meta charset="iso-8859-1"><title>Actualités</title></head>'
            f"<body>{markup}<p>{french}</p></body></html>").encode("latin-1")
    for header in ("text/html; charset=iso-8859-1", "text/html", None):
        with pytest.raises(ExtractionError) as error:
            decode_page(body, header)
        assert error.value.reason == "mojibake"


def test_a_page_that_is_not_chinese_in_any_reading_is_still_mojibake() -> None:
    russian = "<html><body><p>" + "Сегодня в городе прошло совещание. " * 20 + "</p></body></html>"
    with pytest.raises(ExtractionError) as error:
        decode_page(spliced(russian.encode("koi8-r"), [b"\xff"]), "text/html; charset=koi8-r")
    assert error.value.reason == "mojibake"


def test_a_valid_utf8_page_is_unchanged() -> None:
    text = page("utf-8").replace("太原", "太原\ufffd", 1)  # a U+FFFD the page carries stays
    for header in ("text/html; charset=utf-8", "text/html", None):
        assert decode_page(text.encode("utf-8"), header) == Decoded(text, "utf-8", 0)


def test_a_few_control_characters_are_no_bad_encoding() -> None:
    text = page("gbk")
    controls = "\x01" * int(len(text) * 0.003)  # past the strict 0.2 %, within 0.5 %
    body = text.replace("<h1>", f"<h1>{controls}").encode("gb18030")
    decoded = decode_page(body, "text/html")
    assert (decoded.encoding, decoded.replaced) == ("gb18030", 0)
    assert extract(body, URL).record == extract(text.encode("gb18030"), URL).record


def test_the_meta_charset_wins_over_an_xml_declaration() -> None:
    # An XHTML template's declaration says UTF-8, the <meta> Big5: browsers
    # read HTML by the <meta>.
    text = page("big5")
    body = b'<?xml version="1.0" encoding="utf-8"?>\n' + text.encode("big5hkscs")
    assert decode_page(body, "text/html") == Decoded('<?xml version="1.0" encoding="utf-8"?>\n'
                                                     + text, "big5hkscs", 0)
    # Without a <meta>, the declaration is read.
    bare = text.replace('<meta http-equiv="Content-Type" content="text/html; charset=big5">', "")
    body = b'<?xml version="1.0" encoding="big5"?>' + bare.encode("big5hkscs")
    assert decode_page(body, "text/html").encoding == "big5hkscs"


def test_empty_and_binary_bodies_are_refused() -> None:
    for body in (b"", b"  \n", bytes(range(256)) * 4):
        with pytest.raises(ExtractionError):
            decode_page(body, "text/html")


def test_a_page_given_as_text_is_kept_as_it_is() -> None:
    text = page("gbk")
    assert decode_page(text, "text/html; charset=big5") == Decoded(text, "", 0)
    for blank in ("", " \n"):
        with pytest.raises(ExtractionError) as error:
            decode_page(blank)
        assert error.value.reason == "empty_body"


def test_a_byte_order_mark_decides_and_is_no_text() -> None:
    # The <meta> and the header say GBK; the mark says otherwise, and wins.
    text = page("gbk")
    for mark, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                           (codecs.BOM_UTF16_BE, "utf-16-be")):
        body = mark + text.encode(encoding)
        assert decode_page(body, "text/html; charset=gbk") == Decoded(text, encoding, 0)
        assert render_blocks(body) == render_blocks(text)
        assert extract(body, URL).record == extract(text, URL).record
    with pytest.raises(ExtractionError) as error:
        decode_page(codecs.BOM_UTF8 + b" \n")
    assert error.value.reason == "empty_body"


def test_render_reads_page_bytes_as_the_extractor_does() -> None:
    # One decoder: the page text (render) and the record (extract) of the same
    # bytes and header come from the same reading, the page's own text.
    gbk = page("gbk", 3)
    big5_meta = '<meta http-equiv="Content-Type" content="text/html; charset=big5">'
    bare_big5 = page("big5", 3).replace(big5_meta, "")
    cases = [
        (gbk, gbk.encode("gb18030"), None),  # the <meta> alone
        # The header and the <meta> disagree: the header lies.
        (gbk, gbk.encode("gb18030"), "text/html; charset=utf-8"),
        (gbk, gbk.encode("gb18030"), "text/html; charset=iso-8859-1"),
        # Both lie: the bytes are UTF-8.
        (gbk, gbk.encode("utf-8"), "text/html; charset=gbk"),
        # The header alone: without it GB18030 reads these Big5 bytes as mojibake.
        (bare_big5, bare_big5.encode("big5hkscs"), "text/html; charset=big5"),
    ]
    for text, body, header in cases:
        record = extract(body, URL, content_type=header).record
        assert record == extract(text, URL).record, header
        blocks = render_blocks(body, content_type=header)
        assert blocks == render_blocks(text), header
        lines = {line for block in blocks for line in block}
        assert set(str(record["text"]).split("\n\n")) <= lines, header
