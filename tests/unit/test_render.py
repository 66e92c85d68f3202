from __future__ import annotations

from crawler.extract.render import decode_cfemail, parse_document, render_blocks, render_text

PAGE = """<html><head><title>不可见</title><style>p{}</style></head><body>
<div class="hd">大院网-山西大院资讯网</div>
<h1>标题  一</h1><script>document.write('脚本')</script>
<p>第一段，内容&nbsp;&nbsp;（含圖片）</p><p>第二<br>段</p>
<ul><li>上一篇：甲</li><li>下一篇：乙</li></ul>
<div style="display: none">隐藏</div><div hidden>也隐藏</div>
<p>E-mail: <a href="/cdn-cgi/l/email-protection" class="__cf_email__"
 data-cfemail="422b2c242d02273a232f322e276c2d3025">[email&#160;protected]</a></p>
<table><tr><td>甲</td><td>乙</td></tr></table><!-- 注释 --> 尾</body></html>"""


def test_blocks_lines_and_folding() -> None:
    assert render_blocks(PAGE) == [
        ["大院网-山西大院资讯网"], ["标题 一"], ["第一段,内容 (含圖片)"], ["第二", "段"],
        ["  • 上一篇:甲"], ["  • 下一篇:乙"], ["E-mail: [email protected]"], ["甲 乙"], ["尾"],
    ]


def test_cloudflare_email_decodes_only_when_asked() -> None:
    assert "E-mail: info@example.org" in render_text(PAGE, decode_emails=True)
    assert "[email protected]" in render_text(PAGE)
    assert decode_cfemail("42") is None and decode_cfemail("zz") is None


def test_page_bytes_decode_as_the_extractor_reads_them() -> None:
    # By crawler.extract.decode.decode_page: the <meta>, and the bytes over a
    # header that lies (test_decode holds the cases where the two might part).
    html = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">' \
           '</head><body><p>山西新聞網</p></body></html>'
    for header in (None, "text/html", "text/html; charset=utf-8"):
        assert render_text(html.encode("gb18030"), content_type=header) == "山西新聞網"


def test_empty_and_garbage() -> None:
    assert render_text(b"") == ""
    assert render_text("   ") == ""
    assert render_text(b"\x00\x01\x02") == ""
    # Bytes the decoder refuses as no Chinese text are no document either.
    russian = "<p>" + "Сегодня в городе прошло совещание. " * 5 + "</p>"
    assert render_text(russian.encode("koi8-r"), content_type="text/html; charset=koi8-r") == ""
    assert render_text(russian) != ""


def test_nesting_past_every_parser_limit_keeps_the_rest_of_the_page() -> None:
    for depth in (300, 2100, 3000):
        for tag in ("div", "span"):
            html = (f"<html><body><p>前</p>{f'<{tag}>' * depth}<p>深处</p>{f'</{tag}>' * depth}"
                    f"<p>后面的文字</p></body></html>")
            assert render_blocks(html) == [["前"], ["深处"], ["后面的文字"]], (depth, tag)


def test_a_body_wrapped_deep_keeps_its_paragraphs() -> None:
    inner = "<div class='c'><p>第一段<b>粗</b>文字</p><p>第二段</p></div>"
    for depth in (300, 3000):
        html = f"<html><body>{'<div>' * depth}{inner}{'</div>' * depth}</body></html>"
        assert render_blocks(html) == [["第一段粗文字"], ["第二段"]], depth


def test_what_noscript_template_and_svg_hold_is_not_in_the_tree() -> None:
    for inert in ('<noscript><img src="/pixel.gif"><p>请启用脚本</p></noscript>',
                  "<template><div>模板</div><img src='/a.png'></template>",
                  "<svg><foreignObject><div>外文</div><img src='/a.png'/></foreignObject></svg>",
                  "<template><template><p>x</p></template><img src='/a.png'></template>"):
        root = parse_document(f"<html><body><p>前半{inert}后半</p><p>下一段</p></body></html>")
        assert [el.tag for el in root.iter("img", "div")] == [], inert
        assert [p.text for p in root.iter("p")] == ["前半", "下一段"], inert
        assert render_blocks(f"<html><body><p>前半{inert}后半</p><p>下一段</p></body></html>") \
            == [["前半后半"], ["下一段"]], inert
    # A <noscript> inside a script's text is no element.
    html = "<body><script>document.write('<noscript>')</script><p>正文</p></body>"
    assert render_blocks(html) == [["正文"]]


def test_display_none_is_hidden_but_visibility_hidden_is_revealed_text() -> None:
    # WeChat serves its article body as <div id="js_content" style="visibility: hidden;">
    # and reveals it by script: it keeps its place, so it is the page's text.
    html = ('<html><body><h1>标题</h1><div id="js_content" style="visibility: hidden;">'
            '<p>正文第一段。</p></div><div style="display:none"><p>隐藏的菜单</p></div>'
            '<p hidden>也隐藏</p></body></html>')
    assert render_text(html) == "标题\n\n正文第一段。"
