"""What kind of body issued a report, read from its name.

The deadline (条例 第四十九条) and some required content depend on whether the issuer is a
县级以上地方人民政府 reporting for its 本级 (3月31日) or anything else (1月31日), and on its
level. Names are regular enough to tell: ``…镇人民政府`` is a township, ``…县交通运输局`` a
department, ``和田地区`` or ``…市人民政府`` a government at that level. Configuration
(``[jurisdiction] level``/``own-government-report``) overrides whatever is read here.
"""

from __future__ import annotations

import re
from functools import cache

from gxlint.record import FrozenRecord, set_field
from gxlint.regexcache import compile_cached

_TOWNSHIP = r"(镇|乡|街道|苏木|民族乡)(人民政府|办事处|政府)?$|街道办事处$"
_DEPARTMENT = (
    r"(局|委员会|委|办公室|办公厅|厅|中心|院|所|站|队|处|署|公司|管委会|管理委员会|部|会|办)$"
)
_PROVINCE = r"(省|自治区|北京市|天津市|上海市|重庆市)(人民政府)?$"
_CITY = r"(自治州|州|盟|地区|地区行政公署|行政公署)(人民政府)?$"
_COUNTY = r"(县|自治县|旗|自治旗|区|特区|林区)(人民政府)?$"
_CITY_OR_COUNTY = r"市(人民政府)?$"


class OrganKind(FrozenRecord):
    """``level``: 省 | 市 | 县 | 乡镇 | 部门 | 未知; ``government``: a 人民政府 itself."""

    __slots__ = ("government", "level")

    level: str
    government: bool

    def __init__(self, level: str, government: bool) -> None:
        set_field(self, "level", level)
        set_field(self, "government", government)

    @property
    def county_or_above_government(self) -> bool:
        """A 县级以上地方人民政府 (its own 本级 report has the 3月31日 deadline)."""
        return self.government and self.level in ("省", "市", "县")


def classify_organ(name: str | None) -> OrganKind:
    """Classify an issuing organ's name (from the title or the sign-off)."""
    if not name:
        return OrganKind("未知", False)
    name = _compiled(r"\s+").sub("", name)
    if _search(_TOWNSHIP, name):
        return OrganKind("乡镇", True)
    if _search(_PROVINCE, name):
        return OrganKind("省", True)
    if _search(_CITY, name):
        return OrganKind("市", True)
    if _search(_COUNTY, name):
        return OrganKind("县", True)
    if _search(_CITY_OR_COUNTY, name):
        # NOTE: a 县级市 and a 地级市 cannot be told apart by name; both are 县级以上.
        return OrganKind("市", True)
    if _search(_DEPARTMENT, name):
        return OrganKind("部门", False)
    return OrganKind("未知", False)


def _search(pattern: str, name: str) -> bool:
    return _compiled(pattern).search(name) is not None


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """Compiled on first use: many runs never classify an organ (import time matters)."""
    return compile_cached(pattern)
