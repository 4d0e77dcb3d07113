"""``--timing``: seconds per stage and per rule, on stderr (summed over all processes)."""

from __future__ import annotations

from collections.abc import Mapping

from gxlint.cli import messages

STAGES = {
    "setup": "配置与规则包",
    "discover": "查找文件",
    "stage:decode": "解码（decode）",
    "stage:parse": "解析（parse：规范化、逐行分类、LALR 语法分析）",
    "stage:model": "建模（model：章节、表格、日期）",
    "render": "输出（render）",
}


def report(linter: Mapping[str, float] | None, cli: Mapping[str, float], total: float) -> None:
    linter = linter or {}
    rows = [(label, cli.get(key, linter.get(key))) for key, label in STAGES.items()]
    rules = sorted(
        ((key, seconds) for key, seconds in linter.items() if key not in STAGES),
        key=lambda item: (-item[1], item[0]),
    )
    rows += [(f"规则 {code}", seconds) for code, seconds in rules]
    rows.append(("总计（墙钟时间）", total))
    messages.info("用时（秒；-j 时为各进程之和）：")
    for label, seconds in rows:
        if seconds is not None:
            messages.info(f"  {seconds:9.4f}  {label}")
