"""Findings the engine itself emits, documented exactly like rules.

GX001, GX003 and GX009 are not rules (nothing to select a target for: they report that a file
could not be read, parsed or checked), but users meet them in output, `gxlint rules` lists
them and `gxlint rule GX009` explains them, so each is a class with the same attributes and
docstring headings as a :class:`gxlint.rule.Rule`. GX002 not-a-report is a real rule.
"""

from __future__ import annotations

from typing import Any, ClassVar

from gxlint.findings import Finding, FixSafety, RuleInfo, Severity
from gxlint.rule import NoOptions, rule_info
from gxlint.source.spans import SourceSpan


class EngineCode:
    """A documented code the engine emits; never selected by target, never run."""

    code: ClassVar[str]
    name: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    default_severity: ClassVar[Severity] = Severity.ERROR
    fix: ClassVar[FixSafety | None] = None
    Options: ClassVar[type] = NoOptions

    @classmethod
    def info(cls, pack: str = "core") -> RuleInfo:
        return rule_info(cls, pack)

    @classmethod
    def finding(cls, span: SourceSpan, message: str, *, help: str | None = None) -> Finding:
        return Finding(cls.code, cls.name, cls.default_severity, message, span, help=help)


class UnreadableInput(EngineCode):
    """文件无法作为文本读取。

    ## 说明
    文件不是可读的纯文本：二进制文件（Word、PDF、图片）、空文件、无法解码的文件，或超过大小上限。
    只报告一处（第 1 行第 1 列），不再进行其他检查。
    ## 为什么
    年度报告须以纯文本形式检查；把 Word 文档或另存失败的文件交给检查工具，任何结果都不可信。
    ## 错误示例
    把 `年度报告.docx` 直接改名为 `年度报告.txt`。
    ## 正确示例
    在 Word 中“另存为”纯文本（.txt），编码选择 UTF-8 或 GB18030。
    ## 依据
    gxlint 的输入约定：UTF-8（可带 BOM）、UTF-16（带 BOM）或 GB18030 编码的纯文本。
    """

    code = "GX001"
    name = "unreadable-input"


class ParseError(EngineCode):
    """报告中有无法识别结构的区域。

    ## 说明
    某一区域的结构无法识别（例如表格行被拆散、标题与正文粘连），该区域无法检查；报告其余部分照常检查。
    读取和识别结构超过时限（每个文件 30 秒）的文件也报告此项（在第 1 行第 1 列），不再进行其他检查。
    ## 为什么
    无法识别的区域里可能藏着缺失的栏目或错误的数字，检查工具不能假装它是正确的。
    ## 错误示例
    表格从网页复制后，各单元格的数字挤在同一行且没有分隔，无法对应到栏目。
    ## 正确示例
    每个单元格的数字之间用空格、制表符或换行分隔，行标签与数字对应。
    ## 依据
    《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）规定的栏目与表格结构。
    """

    code = "GX003"
    name = "parse-error"


class RuleCrashed(EngineCode):
    """规则运行时出错。

    ## 说明
    某条规则（内置或规则包提供）在检查本文件时抛出异常。该规则对本文件停止检查，其余规则照常运行。
    消息中写明规则代码、名称、所属规则包和异常；使用 `-v` 可在标准错误输出中看到错误堆栈。
    本文件全部规则的检查超过时限（每个文件 30 秒）时，也报告此项，指出时限用尽时正在运行的规则，
    本文件其余尚未完成的检查随之停止。
    ## 为什么
    这是规则本身的缺陷，而不是报告的问题；但该规则对本文件没有给出结论，不能当作“检查通过”。
    ## 错误示例
    `规则 GX205（balance-mismatch，规则包 core）运行时出错：ZeroDivisionError: division by zero；`
    `其余规则照常检查。`
    ## 正确示例
    没有此类结果。出现时请将报告文件和消息反馈给对应规则包的维护者。
    ## 依据
    gxlint 的运行约定：一条规则出错不影响其他规则和其他文件。
    """

    code = "GX009"
    name = "rule-crashed"


ENGINE_CODES: tuple[type[EngineCode], ...] = (UnreadableInput, ParseError, RuleCrashed)


def engine_infos() -> dict[str, RuleInfo]:
    """The engine codes as ``gxlint rules`` lists them (pack ``core``)."""
    return {cls.code: cls.info("core") for cls in ENGINE_CODES}


def unreadable(message: str) -> Finding:
    """GX001 at 1:1; ``message`` says why (``二进制文件（可能是 Word 文档，请另存为 .txt）``)."""
    return UnreadableInput.finding(SourceSpan(0, 0), message)


def parse_error(span: SourceSpan, message: str, *, help: str | None = None) -> Finding:
    """GX003 at ``span`` (already mapped to the original text through the ``OffsetMap``)."""
    return ParseError.finding(span, message, help=help)


def parse_timed_out(seconds: float) -> Finding:
    """GX003 at 1:1 for a file whose reading and parsing ran out of time."""
    return ParseError.finding(
        SourceSpan(0, 0),
        f"读取和识别本文件的结构超过时限（{seconds:g} 秒），未进行其他检查。",
        help="文件可能异常庞大或结构异常（例如极长的行、成千上万行表格），请检查文件内容。",
    )


def rule_timed_out(rule: Any, seconds: float, span: SourceSpan, pack: str = "core") -> Finding:
    """GX009 naming the rule that was running when the per-file time limit ran out."""
    rule_cls = rule if isinstance(rule, type) else type(rule)
    message = (
        f"规则 {rule_cls.code}（{rule_cls.name}，规则包 {pack}）运行时，本文件的检查超过时限"
        f"（{seconds:g} 秒），已停止；本文件其余尚未完成的检查也已停止。"
    )
    help = f"可能是规则的缺陷，请将报告文件反馈给规则包 {pack} 的维护者；使用 -v 查看停止时的堆栈。"
    return RuleCrashed.finding(span, message, help=help)


def rule_crashed(rule: Any, exc: BaseException, span: SourceSpan, pack: str = "core") -> Finding:
    """GX009 naming the rule, its pack and the exception."""
    rule_cls = rule if isinstance(rule, type) else type(rule)
    text = str(exc)
    error = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    message = (
        f"规则 {rule_cls.code}（{rule_cls.name}，规则包 {pack}）运行时出错：{error}；"
        "其余规则照常检查。"
    )
    help = f"这是规则的缺陷而不是报告的问题，请反馈给规则包 {pack} 的维护者；使用 -v 查看错误堆栈。"
    return RuleCrashed.finding(span, message, help=help)
