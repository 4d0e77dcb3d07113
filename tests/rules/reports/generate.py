"""Generates the clean reference reports in this folder, one per table layout.

Each report is complete and correct (all six sections, balanced tables, a fee statement,
a sign-off), so gxlint must report nothing on it; rule cases then break one thing at a time
with edits. Run ``python tests/rules/reports/generate.py`` after changing it; the outputs are
committed so that a case's expected line numbers are reviewable.
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).parent

T2 = [
    (
        "第二十条第（一）项",
        ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        [("规章", [0, 0, 0]), ("行政规范性文件", [2, 1, 9])],
    ),
    ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], [("行政许可", [356])]),
    (
        "第二十条第（六）项",
        ["信息内容", "本年处理决定数量"],
        [("行政处罚", [41]), ("行政强制", [3])],
    ),
    (
        "第二十条第（八）项",
        ["信息内容", "本年收费金额（单位：万元）"],
        [("行政事业性收费", ["12.5"])],
    ),
]

T3_HEADER = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
Z = [0, 0, 0, 0, 0, 0, 0]
T3 = [
    ("一、本年新收政府信息公开申请数量", [10, 2, 0, 0, 0, 0, 12]),
    ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1]),
    ("三、本年度办理结果", None),
    ("（一）予以公开", [6, 1, 0, 0, 0, 0, 7]),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 0, 0, 0, 0, 1]),
    ("（三）不予公开", None),
    ("1.属于国家秘密", Z),
    ("2.其他法律行政法规禁止公开", Z),
    ("3.危及“三安全一稳定”", Z),
    ("4.保护第三方合法权益", Z),
    ("5.属于三类内部事务信息", Z),
    ("6.属于四类过程性信息", Z),
    ("7.属于行政执法案卷", Z),
    ("8.属于行政查询事项", Z),
    ("（四）无法提供", None),
    ("1.本机关不掌握相关政府信息", [2, 1, 0, 0, 0, 0, 3]),
    ("2.没有现成信息需要另行制作", Z),
    ("3.补正后申请内容仍不明确", Z),
    ("（五）不予处理", None),
    ("1.信访举报投诉类申请", Z),
    ("2.重复申请", [1, 0, 0, 0, 0, 0, 1]),
    ("3.要求提供公开出版物", Z),
    ("4.无正当理由大量反复申请", Z),
    ("5.要求行政机关确认或重新出具已获取信息", Z),
    ("（六）其他处理", None),
    ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Z),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Z),
    ("3.其他", Z),
    ("（七）总计", [10, 2, 0, 0, 0, 0, 12]),
    ("四、结转下年度继续办理", [1, 0, 0, 0, 0, 0, 1]),
]
T4_HEADER = ["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉"]
T4_COLUMNS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
T4 = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
CAPTION = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def front(organ: str) -> list[str]:
    return [
        f"{organ}2024年政府信息公开工作年度报告",
        "",
        (
            "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与"
            "政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》"
            "（国办公开办函〔2021〕30号）要求，编制本报告。本报告所列数据的统计期限自2024年1月1日"
            "至2024年12月31日。"
        ),
        "",
        "一、总体情况",
        "",
        f"2024年，{organ}认真贯彻落实《条例》，持续推进政务公开工作。",
        "（一）主动公开。全年主动公开政府信息215条，其中政策文件12条、工作动态203条。",
        "（二）依申请公开。全年共收到政府信息公开申请12件，均在法定期限内答复。",
        "（三）政府信息管理。一是严格执行公开前保密审查；二是定期清理已公开的政策文件。",
        "（四）平台建设。依托政府门户网站和政务公开栏及时发布信息。",
        "（五）监督保障。将政务公开工作纳入年度绩效考核，全年未发生责任追究情况。",
        "",
        "二、主动公开政府信息情况",
        "",
    ]


def middle() -> list[str]:
    return ["", "三、收到和处理政府信息公开申请情况", ""]


def review_heading() -> list[str]:
    return ["", "四、政府信息公开行政复议、行政诉讼情况", ""]


def back(organ: str) -> list[str]:
    return [
        "",
        "五、存在的主要问题及改进情况",
        "",
        "（一）存在的主要问题。政策解读形式较为单一，部分栏目更新不够及时。",
        "（二）改进措施。丰富政策解读形式，建立栏目更新提醒机制。",
        "",
        "六、其他需要报告的事项",
        "",
        (
            "（一）信息处理费收取情况。依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
            "本机关2024年未收取信息处理费。"
        ),
        (
            "（二）人大代表建议和政协提案办理结果公开情况。本年度承办人大代表建议3件、政协提案2件，"
            "办理结果均已公开。"
        ),
        "",
        f"{organ}",
        "2025年1月20日",
        "",
    ]


def cells_t2() -> list[list[str]]:
    rows: list[list[str]] = []
    for heading, header, data in T2:
        rows.append([heading])
        rows.append(header)
        rows.extend([label, *map(str, values)] for label, values in data)
    return rows


def cells_t3() -> list[list[str]]:
    rows: list[list[str]] = [
        [CAPTION],
        ["申请人情况"],
        ["自然人", "法人或其他组织", "总计"],
        ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"],
    ]
    for label, values in T3:
        rows.append([label] if values is None else [label, *map(str, values)])
    return rows


def cells_t4() -> list[list[str]]:
    return [T4_HEADER[:2], T4_COLUMNS + T4_HEADER[2:], T4_COLUMNS * 2, [str(v) for v in T4]]


def render(organ: str, layout) -> str:
    lines = front(organ)
    lines += layout(cells_t2()) + middle() + layout(cells_t3())
    lines += review_heading() + layout(cells_t4()) + back(organ)
    return "\n".join(lines)


def cell_per_line(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        for cell in row:
            out += [cell, ""]
    return out


def tab_indented(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += ["\t" + cell for cell in row] + [""]
    return out


def pipes(rows: list[list[str]]) -> list[str]:
    out: list[str] = []
    for row in rows:
        out += [cell + " |" for cell in row]
    return out


def tab_rows(rows: list[list[str]]) -> list[str]:
    return ["\t".join(row) for row in rows]


def markdown(rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(row) + " |" for row in rows]


REPORTS = {
    "clean_cell_per_line.txt": ("城关镇人民政府", cell_per_line),
    "clean_tab_indented.txt": ("示例县交通运输局", tab_indented),
    "clean_pipes.txt": ("河东乡人民政府", pipes),
    "clean_tab_rows.txt": ("新城街道办事处", tab_rows),
    "clean_markdown.txt": ("示例市生态环境局", markdown),
}

if __name__ == "__main__":
    for name, (organ, layout) in REPORTS.items():
        (HERE / name).write_text(render(organ, layout), encoding="utf-8")
        print("wrote", name)
