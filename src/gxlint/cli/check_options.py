"""The options of ``gxlint [check]`` (cli.md §1)."""

from __future__ import annotations

from gxlint.cli.args import Parser, add_common, count

FORMATS_HELP = "full（默认）、concise、json、jsonl、sarif、github、junit、csv 或规则包提供的格式"


def build_parser() -> Parser:
    p = Parser(
        prog="gxlint",
        usage="gxlint [check] [OPTIONS] [PATH ...]",
        description="检查政府信息公开工作年度报告。其他子命令：rules、rule CODE|NAME、plugins、"
        "parse FILE、config --show [FILE]、clean（gxlint 子命令 -h 查看各自的帮助）。",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="文件或文件夹（默认 .；- 为标准输入）")
    add_common(p, selection=True)
    flag = p.add_argument
    flag("--format", "--output-format", dest="format", default="full", help=FORMATS_HELP)
    flag("-o", "--output-file", metavar="FILE", help="把报告写入 FILE（退出码不变）")
    flag("--statistics", action="store_true", help="按规则统计，而不列出各处问题")
    flag("-q", "--quiet", action="store_true", help="只输出问题：不输出汇总行和进度条")
    flag("--color", choices=("auto", "always", "never"), help="是否使用颜色（默认 auto）")
    flag("--no-color", action="store_true", help="同 --color never")
    flag("--no-progress", action="store_true", help="不显示进度条")
    flag("--exit-zero", action="store_true", help="有问题时也以 0 退出（2 仍为 2）")
    flag("--max-warnings", type=count, metavar="N", help="警告多于 N 个时也以 1 退出")
    flag("-j", "--jobs", type=count, default=0, metavar="N", help="进程数；0（默认）为全部 CPU")
    flag(
        "--timing",
        action="store_true",
        help="在标准错误输出中显示各阶段、各规则的用时（不使用缓存）",
    )
    flag("--no-cache", action="store_true", help="不读也不写缓存（默认缓存在 .gxlint_cache）")
    flag("--cache-dir", metavar="DIR", help="缓存文件夹（默认为配置中的 cache-dir）")
    flag("--force-exclude", action="store_true", help="exclude 也作用于直接指定的文件")
    flag("--show-files", action="store_true", help="列出将要检查的文件及各自的配置文件")
    flag("--stdin-filename", metavar="PATH", help="把标准输入（PATH 为 -）当作位于 PATH 的文件")
    flag("--version", action="store_true", help="显示版本和已加载的规则包")
    return p
