"""The ``Rule`` base class and the ``RuleContext`` a rule's ``check`` receives.

A rule is plain class attributes plus ``check``; ``__init_subclass__`` validates them when the
class is defined, so a broken rule fails at import (and its pack fails to load with a message
naming it) instead of mid-run. No metaclass derives or rewrites anything (SQLFluff's lesson).
"""

from collections.abc import Iterable
from typing import Any, ClassVar, NamedTuple

from gxlint.findings import Finding, Fix, FixSafety, Label, RuleInfo, Severity, unmapped_label
from gxlint.options_type import is_options_type
from gxlint.regexcache import compile_cached
from gxlint.source.normalize import NormalizedText
from gxlint.source.spans import NormSpan, SourceSpan

CODE_RE = compile_cached(r"[A-Z]{2,}[0-9]{3}")
NAME_RE = compile_cached(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class NoOptions(NamedTuple):
    """The ``Options`` of a rule that has none."""


def code_prefix(code: str) -> str:
    """The letters of a code or selector: ``GX205`` → ``GX``, ``XJ1`` → ``XJ``."""
    return code.rstrip("0123456789")


class Rule:
    """Base class of every rule; subclass it with plain class attributes (style.md §4).

    ``class Base(Rule, abstract=True)`` declares a shared base that is not itself a rule: it is
    not validated and :func:`gxlint.plugins.hookspecs.discover_rules` skips it.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]] = ()
    target: ClassVar[type | tuple[type, ...]]
    default_severity: ClassVar[Severity]
    fix: ClassVar[FixSafety | None] = None
    Options: ClassVar[type] = NoOptions
    abstract: ClassVar[bool] = True

    def __init_subclass__(cls, *, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.abstract = abstract
        if not abstract:
            _validate(cls)

    def check(self, node: Any, ctx: "RuleContext") -> Iterable[Finding]:
        """Yield (or return a list of) findings about ``node``, built with ``ctx.finding``."""
        raise NotImplementedError

    @classmethod
    def info(cls, pack: str = "core") -> RuleInfo:
        return rule_info(cls, pack)


def rule_info(cls: type, pack: str) -> RuleInfo:
    """Static facts about a rule (or a documented engine code) for listings and SARIF."""
    from gxlint.docs import summary

    return RuleInfo(
        code=cls.code,
        name=cls.name,
        summary=summary(cls),
        severity=cls.default_severity,
        pack=pack,
        fix=cls.fix,
    )


def _validate(cls: type[Rule]) -> None:
    where = f"{cls.__module__}.{cls.__qualname__}"

    def fail(problem: str) -> None:
        raise TypeError(f"rule {where}: {problem}")

    code = getattr(cls, "code", None)
    if not isinstance(code, str) or not CODE_RE.fullmatch(code):
        fail(f"`code` must be 2+ capital letters and 3 digits (GX104, XJ101), got {code!r}")
    name = getattr(cls, "name", None)
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        fail(f"`name` must be kebab-case (duplicate-ordinal), got {name!r}")
    aliases = cls.aliases
    if not isinstance(aliases, tuple) or not all(
        isinstance(a, str) and NAME_RE.fullmatch(a) for a in aliases
    ):
        fail(f"`aliases` must be a tuple of kebab-case names, got {aliases!r}")
    target = getattr(cls, "target", None)
    targets = target if isinstance(target, tuple) else (target,)
    if not targets or not all(isinstance(t, type) for t in targets):
        fail(f"`target` must be a model node type, got {target!r}")
    if not isinstance(getattr(cls, "default_severity", None), Severity):
        fail("`default_severity` must be a gxlint.Severity")
    if cls.fix is not None and not isinstance(cls.fix, FixSafety):
        fail(f"`fix` must be FixSafety.SAFE, FixSafety.UNSAFE or None, got {cls.fix!r}")
    options = cls.Options
    if not is_options_type(options):
        fail("`Options` must be a NamedTuple or a frozen dataclass")
    try:
        options()
    except TypeError:
        fail("every field of `Options` needs a default")
    if cls.check is Rule.check:
        fail("`check(self, node, ctx)` is not implemented")


_new_context = object.__new__


class RuleContext:
    """What ``check`` may use besides its node, and the one way to build its findings.

    ``at`` arguments accept a :class:`NormSpan`, anything with a ``.span`` (a model node or a
    cell), or a :class:`SourceSpan` that is already original. Normalised offsets are mapped
    through ``norm`` here, so a rule never handles the mapping itself.
    """

    __slots__ = ("norm", "options", "pack", "report", "rule", "settings", "severity", "spec")

    def __init__(
        self,
        rule: type[Rule] | Rule,
        report: Any,
        norm: NormalizedText,
        *,
        options: Any = None,
        severity: Severity | None = None,
        settings: Any = None,
        spec: Any = None,
        pack: str = "core",
    ) -> None:
        self.rule = rule if isinstance(rule, type) else type(rule)
        self.report = report
        self.norm = norm
        self.options = options if options is not None else self.rule.Options()
        self.severity = severity if severity is not None else self.rule.default_severity
        self.settings = settings
        self.spec = spec
        self.pack = pack

    def for_file(self, report: Any, norm: NormalizedText) -> "RuleContext":
        """This context for another file: same rule, options, severity, settings and pack.

        NOTE: the engine makes one context per rule per run and copies it for each file;
        ``__init__``'s keyword binding and defaults, for ~33 rules, were ~2 % of a report.
        """
        ctx = _new_context(self.__class__)
        ctx.rule, ctx.options, ctx.severity = self.rule, self.options, self.severity
        ctx.settings, ctx.spec, ctx.pack = self.settings, self.spec, self.pack
        ctx.report, ctx.norm = report, norm
        return ctx

    def to_source(self, at: Any) -> SourceSpan:
        """The original span of ``at``."""
        span = getattr(at, "span", at)
        if isinstance(span, NormSpan):  # NOTE: tested first: nodes and cells, the usual case.
            return self.norm.offsets.span(span)
        if isinstance(span, SourceSpan):
            return span
        raise TypeError(f"cannot locate {at!r}: expected a NormSpan, SourceSpan or node")

    def source_text(self, at: Any) -> str:
        """The ORIGINAL characters under ``at`` (what the user wrote, before normalising)."""
        span = self.to_source(at)
        return self.norm.original[span.start : span.end]

    def label(self, at: Any, message: str) -> Label:
        """A label at ``at``; a normalised span is mapped only when the label is shown."""
        span = getattr(at, "span", at)
        if isinstance(span, NormSpan):
            return unmapped_label(span, message, self.norm.offsets)
        return Label(self.to_source(at), message)

    def replace(self, at: Any, text: str, *, safety: FixSafety | None = None) -> Fix:
        """A fix replacing the original text under ``at``; safety defaults to the rule's."""
        safety = safety or self.rule.fix
        if safety is None:
            raise ValueError(f"rule {self.rule.code} declares no fix (set `fix` on the class)")
        return Fix(self.to_source(at), text, safety)

    def finding(
        self,
        at: Any,
        message: str,
        *,
        help: str | None = None,
        labels: Iterable[Label] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule at ``at``.

        ``severity`` lets a rule lower one finding (GX501's single ``info`` for a uniformly
        ASCII file); it never exceeds the configured severity.
        """
        effective = self.severity if severity is None else min(severity, self.severity)
        rule = self.rule
        return Finding(
            rule.code,
            rule.name,
            effective,
            message,
            self.to_source(at),
            help,
            tuple(labels),
            fix,
            self.pack,
        )
