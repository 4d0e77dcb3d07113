"""Rule docs from docstrings: rendering for `gxlint rule CODE` and the heading check."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from gxlint.docs import missing_headings, parse_doc, render_rule_doc, rule_doc_data
from gxlint.engine_codes import ENGINE_CODES
from gxlint.findings import FixSafety, Severity
from gxlint.rule import Rule


class Node:
    pass


class DuplicateOrdinal(Rule):
    """同级序号重复。

    ## 说明
    同一层级的条目使用了相同的序号。
    ## 为什么
    多为复制后漏改。
    ## 错误示例
    `（一）` … `（二）` … `（二）`
    ## 正确示例
    `（一）` … `（二）` … `（三）`
    ## 依据
    GB/T 9704—2012 7.3.3
    """

    code = "GX104"
    name = "duplicate-ordinal"
    aliases = ("repeated-ordinal",)
    target = Node
    default_severity = Severity.ERROR
    fix = FixSafety.UNSAFE

    def check(self, node, ctx):
        return []


class Halfwidth(Rule):
    """中文文本中混用半角标点。

    ## 说明
    半角标点。
    ## 为什么
    不一致。
    ## 错误示例
    `a,b`
    ## 正确示例
    `a，b`
    """

    code = "GX501"
    name = "halfwidth-punctuation"
    target = Node
    default_severity = Severity.WARNING
    fix = FixSafety.SAFE

    @dataclass(frozen=True)
    class Options:
        mode: Literal["normal", "strict"] = "normal"
        skip_urls: bool = True
        allowed: tuple[str, ...] = (":",)

    def check(self, node, ctx):
        return []


def test_parse_doc_sections():
    doc = parse_doc(DuplicateOrdinal.__doc__)
    assert doc.summary == "同级序号重复。"
    assert list(doc.sections) == ["说明", "为什么", "错误示例", "正确示例", "依据"]
    assert doc.sections["依据"] == "GB/T 9704—2012 7.3.3"
    assert doc.intro == ""


def test_render_rule_doc():
    text = render_rule_doc(DuplicateOrdinal, "core")
    lines = text.splitlines()
    assert lines[0] == "GX104 duplicate-ordinal（同级序号重复）"
    assert "默认级别：错误（error）" in lines
    assert "自动修复：不安全（unsafe：改正可能改变含义，须人工确认）" in lines
    assert "规则包：core" in lines
    assert "旧名称：repeated-ordinal" in lines
    assert "配置项" not in text
    body = text[text.index("## 说明") :]
    assert body == (
        "## 说明\n同一层级的条目使用了相同的序号。\n\n## 为什么\n多为复制后漏改。\n\n"
        "## 错误示例\n`（一）` … `（二）` … `（二）`\n\n## 正确示例\n`（一）` … `（二）` … `（三）`"
        "\n\n## 依据\nGB/T 9704—2012 7.3.3\n"
    )


def test_render_options_table():
    text = render_rule_doc(Halfwidth, "core")
    assert "配置项（[rules.GX501]）：" in text
    table = text[text.index("配置项") :].splitlines()[1:5]
    assert table == [
        "  名称       类型                         默认值",
        "  mode       Literal['normal', 'strict']  \"normal\"",
        "  skip-urls  bool                         true",
        '  allowed    tuple[str, ...]              [":"]',
    ]
    data = rule_doc_data(Halfwidth, "core")
    assert data["fix"] == "safe" and data["severity"] == "warning"
    assert data["options"][1] == {"key": "skip-urls", "type": "bool", "default": "true"}


def test_missing_headings():
    assert missing_headings(DuplicateOrdinal) == []
    assert missing_headings(Halfwidth) == ["## 依据", "## 配置"]

    class Bare(Rule):
        code = "GX999"
        name = "bare"
        target = Node
        default_severity = Severity.INFO

        def check(self, node, ctx):
            return []

    assert missing_headings(Bare) == [
        "摘要",
        "## 说明",
        "## 为什么",
        "## 错误示例",
        "## 正确示例",
        "## 依据",
    ]


def test_engine_codes_are_documented():
    for engine_code in ENGINE_CODES:
        assert missing_headings(engine_code) == [], engine_code.code
        assert render_rule_doc(engine_code, "core").startswith(
            f"{engine_code.code} {engine_code.name}（"
        )
