"""Error pages as the CMS families and servers behind Chinese news sites send
them, mostly with HTTP 200 ("soft 404s"), for the replica's faults.

Each style follows its CMS's own template: DedeCMS ``ShowMsg()`` and its
article view's 系统提示 page, PHPCMS v9 ``showmessage()`` (``div.showMsg``),
EmpireCMS ``printerror()``, IIS's 404 page, a hand-made error page in the
site's own chrome (``site``), and one in the site's chrome that names no error
at all (``site_quiet``: "走丢了"), which only a crawler that learned the site's
error page can tell from an article.
"""

from __future__ import annotations

from html import escape

from replica.pages import SITE_TITLES, to_traditional

STYLES = ("dedecms", "dedecms_showmsg", "phpcms", "empirecms", "iis", "site", "site_quiet",
          "dedecms_big5")


def _chrome(site: str, columns: dict[str, str], inner: str, title: str) -> str:
    """The site's header, column navigation and footer around ``inner``."""
    name = SITE_TITLES[site]
    nav = "".join(f'<li><a href="{url}">{escape(label)}</a></li>'
                  for url, label in columns.items())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{escape(title)}'
            f"</title></head><body><div class=\"header\"><a href=\"/\">{escape(name)}</a>"
            f'<div class="search"><input type="text" name="q"><button>搜索</button></div></div>'
            f'<div class="nav"><ul><li><a href="/">首页</a></li>{nav}</ul></div>'
            f'<div class="main">{inner}</div>'
            f'<div class="footer"><p>版权所有 {escape(name)} 未经授权禁止转载</p>'
            "<p>联系电话：0351-0000000 备案号：晋ICP备00000000号</p></div></body></html>")


def error_page(style: str, site: str, columns: dict[str, str]) -> str:
    """The HTML of one error page; ``columns``: the site's navigation (URL -> name)."""
    name = SITE_TITLES[site]
    if style in ("dedecms", "dedecms_big5"):
        html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
                "<title>系统提示</title></head><body><br><br>"
                '<div style="width:450px;margin:auto;border:1px solid #DADADA">'
                '<div style="background:#EFEFEF;padding:6px">系统提示</div>'
                '<div style="padding:20px;font-size:14px">对不起，您访问的文章不存在或已被删除！'
                '<br><br><a href="/">返回首页</a></div></div></body></html>')
        return to_traditional(html) if style == "dedecms_big5" else html
    if style == "dedecms_showmsg":
        return ('<html><head><title>DedeCMS提示信息</title>'
                '<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>'
                '<body style="background:#FFF"><center><br/><div style="width:450px">'
                "<div style='height:22px;background:#EFEFEF'><b>DedeCMS 提示信息！</b></div>"
                "<div style='padding:10px'><br/>文档ID不存在!<br/><br/>"
                "<a href='javascript:history.go(-1)'>点击这里返回</a><br/></div></div>"
                "</center></body></html>")
    if style == "phpcms":
        return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>提示信息</title>'
                '</head><body><div class="showMsg" style="text-align:center">'
                '<h5>提示信息</h5><div class="content guery" style="display:inline-block">'
                '信息不存在或已删除</div><div class="bottom">'
                '<a href="javascript:history.back();">[点这里返回上一页]</a></div></div>'
                "</body></html>")
    if style == "empirecms":
        return ('<html><head><meta charset="utf-8"><title>提示信息</title></head><body>'
                '<table width="500" border="0" align="center" cellpadding="3" cellspacing="1">'
                '<tr class="header"><td height="25"><div align="center">信息提示</div></td></tr>'
                '<tr><td height="80"><div align="center"><b>此信息不存在</b><br><br>'
                '<a href="javascript:history.go(-1)">返回上一页</a></div></td></tr></table>'
                "</body></html>")
    if style == "iis":
        return ('<!DOCTYPE html><html><head><meta charset="utf-8">'
                "<title>404 - 找不到文件或目录。</title></head><body>"
                '<div id="header"><h1>服务器错误</h1></div><div id="content">'
                '<div class="content-container"><fieldset><h2>404 - 找不到文件或目录。</h2>'
                "<h3>您要查找的资源可能已被删除，已更改名称或者暂时不可用。</h3></fieldset>"
                "</div></div></body></html>")
    if style == "site":
        inner = ('<div class="error404"><h2>抱歉，您访问的页面不存在或已被删除！</h2>'
                 '<p>您可以：<a href="/">返回首页</a></p></div>')
        return _chrome(site, columns, inner, f"页面不存在_{name}")
    if style == "site_quiet":
        inner = ('<div class="lost"><img src="/static/img/lost.png" alt="">'
                 "<p>哎呀，走丢了……</p><p>看看别的吧</p></div>")
        return _chrome(site, columns, inner, name)
    raise ValueError(f"unknown error page style {style!r}; known: {', '.join(STYLES)}")
