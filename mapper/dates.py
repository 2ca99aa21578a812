"""Time expressions in news text, resolved against the article's publication date.

``find_when`` finds expressions such as "on Saturday morning", "later this week", "Aug. 22" or
"last year" in a sentence; ``resolve_when`` turns one into an ISO date ("2011-08-20") or an ISO
interval ("2011-08-22/2011-08-28"). Weekdays are read the way news agencies write them: in a
past-tense sentence the most recent such day on or before publication, in a future-tense one the
next such day on or after it. Dates without a year take the year that puts them closest to the
publication date.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: i
    for i in range(1, 13)
    for name in (calendar.month_name[i].lower(), calendar.month_abbr[i].lower())
}
MONTHS["sept"] = 9
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "several": 3, "a few": 3,
}  # fmt: skip

_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_PART = r"(?i:\s+(?:morning|afternoon|evening|night))"
_NUM = r"(?i:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)"
_UNIT = r"(?i:days?|weeks?|months?|years?)"

_PATTERNS = [
    # explicit dates: "Monday, August 22, 2011", "Aug. 22", "22 August 2011", "2011-08-22"
    rf"(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"(?:{_WEEKDAY},?\s+)?(?i:the\s+)?{_DAY}\s+(?i:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
    r"\b(?:1[89]|20)\d\d-[01]\d-[0-3]\d\b",
    rf"{_MONTH}\s+{_YEAR}\b",
    rf"(?i:(?:in|early|late|mid-?|since|until|by)\s+){_MONTH}(?!\s+\d)",
    rf"(?i:in|since|until|by)\s+{_YEAR}\b",
    # relative phrases
    r"(?i:(?:earlier|later)\s+this\s+(?:week|month|year))",
    r"(?i:(?:last|this|next|past|coming)\s+(?:week(?:end)?|month|year))",
    r"(?i:over\s+the\s+weekend)",
    rf"(?i:(?:last|this|next|this\s+coming)\s+){_WEEKDAY}{_PART}?",
    rf"\b{_WEEKDAY}{_PART}?",
    r"(?i:the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))",
    r"(?i:\b(?:today|tonight|yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?)",
    r"(?i:\bthis\s+(?:morning|afternoon|evening)|\blast\s+night)",
    rf"\b{_NUM}\s+{_UNIT}\s+(?i:ago)\b",  # "two days earlier/before" count from another event
    rf"(?i:\bin\s+){_NUM}\s+{_UNIT}\b",
]
_FIND = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


_DURATION = re.compile(rf"(?i:in)\s+{_NUM}\s+{_UNIT}$")
_AFTER_FIRST = re.compile(r"(?i:\b(?:first|last|only|time|ever)\b|\w{3,}est\b)[^.;]*$")


def find_when(sentence: str) -> list[tuple[str, int, int]]:
    """The time expressions of ``sentence`` as (text, start, end), in order of appearance."""
    found = []
    for m in _FIND.finditer(sentence):
        text = m.group(0).strip()
        if _DURATION.match(text) and _AFTER_FIRST.search(
            sentence[max(0, m.start() - 60) : m.start()]
        ):
            continue  # "his first visit in nine years": a span of time, not a date
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        found.append((text, start, start + len(text)))
    return found


def _iso(d: date) -> str:
    return d.isoformat()


def _interval(a: date, b: date) -> str:
    return f"{a.isoformat()}/{b.isoformat()}"


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _month_interval(year: int, month: int) -> str:
    return _interval(date(year, month, 1), _month_end(year, month))


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _weekday(name: str) -> int | None:
    name = name.lower().rstrip(".")
    for i, full in enumerate(WEEKDAYS):
        if name == full or (len(name) >= 3 and full.startswith(name)):
            return i
    return None


def _month(name: str) -> int | None:
    return MONTHS.get(name.lower().rstrip("."))


def _nearest_year(month: int, day: int, published: date) -> date | None:
    """The date with ``month``/``day`` closest to ``published`` (its year, the one before or
    after)."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - published).days))


def _number(text: str) -> int | None:
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else NUMBER_WORDS.get(text)


_EXPLICIT_MDY = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH})\s+(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?$",
    re.I,
)
_EXPLICIT_DMY = re.compile(
    rf"^(?:{_WEEKDAY},?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?$",
    re.I,
)
_MONTH_YEAR = re.compile(rf"^(?P<month>{_MONTH})(?:\s+(?P<year>{_YEAR}))?$", re.I)
_LEADING = re.compile(
    r"^(?:(?:on|in|at|by|from|since|until|till|during|early|late|mid|around|about|before|after)"
    r"\b-?\s*|mid-\s*)(?=\S)",
    re.I,
)


def _explicit(expr: str, published: date | None, future: bool) -> str | None:
    m = _EXPLICIT_MDY.match(expr) or _EXPLICIT_DMY.match(expr)
    if m:
        month = _month(m.group("month"))
        day = int(re.sub(r"\D", "", m.group("day")))
        if month is None:
            return None
        if m.group("year"):
            try:
                return _iso(date(int(m.group("year")), month, day))
            except ValueError:
                return None
        if published is None:
            return None
        found = _nearest_year(month, day, published)
        return _iso(found) if found else None
    m = re.fullmatch(r"((?:1[89]|20)\d\d)-([01]\d)-([0-3]\d)", expr)
    if m:
        try:
            return _iso(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
        except ValueError:
            return None
    m = _MONTH_YEAR.match(expr)
    if m and _month(m.group("month")):
        month = _month(m.group("month"))
        assert month is not None
        if m.group("year"):
            return _month_interval(int(m.group("year")), month)
        if published is None:
            return None
        year = published.year
        if future and month < published.month:
            year += 1
        elif not future and month > published.month:
            year -= 1
        return _month_interval(year, month)
    m = re.fullmatch(_YEAR, expr)
    if m:
        year = int(expr)
        return _interval(date(year, 1, 1), date(year, 12, 31))
    return None


def _relative(expr: str, published: date, future: bool) -> str | None:
    p = published
    monday = p - timedelta(days=p.weekday())
    sunday = monday + timedelta(days=6)
    simple = {
        "today": p, "tonight": p, "this morning": p, "this afternoon": p, "this evening": p,
        "yesterday": p - timedelta(days=1), "last night": p - timedelta(days=1),
        "tomorrow": p + timedelta(days=1),
        "the day before yesterday": p - timedelta(days=2),
        "the day after tomorrow": p + timedelta(days=2),
    }  # fmt: skip
    base = re.sub(r"\s+(morning|afternoon|evening|night)$", "", expr)
    if expr in simple:
        return _iso(simple[expr])
    if base in simple:
        return _iso(simple[base])
    if expr == "this week":
        return _interval(monday, sunday)
    if expr == "later this week":
        return _interval(p, sunday)
    if expr == "earlier this week":
        return _interval(monday, p)
    if expr in ("last week", "past week"):
        return _interval(monday - timedelta(days=7), monday - timedelta(days=1))
    if expr in ("next week", "coming week"):
        return _interval(monday + timedelta(days=7), sunday + timedelta(days=7))
    if expr in ("this weekend", "over the weekend", "last weekend", "next weekend",
                "coming weekend", "past weekend"):  # fmt: skip
        saturday = monday + timedelta(days=5)
        if expr in ("last weekend", "past weekend") or (
            expr == "over the weekend" and not future and p < saturday
        ):
            saturday -= timedelta(days=7)
        elif expr in ("next weekend", "coming weekend") and p >= saturday:
            saturday += timedelta(days=7)
        return _interval(saturday, saturday + timedelta(days=1))
    if expr == "this month":
        return _month_interval(p.year, p.month)
    if expr == "earlier this month":
        return _interval(date(p.year, p.month, 1), p)
    if expr == "later this month":
        return _interval(p, _month_end(p.year, p.month))
    if expr in ("last month", "past month", "next month", "coming month"):
        year, month = _shift_month(p.year, p.month, -1 if expr.startswith(("last", "past")) else 1)
        return _month_interval(year, month)
    if expr == "this year":
        return _interval(date(p.year, 1, 1), date(p.year, 12, 31))
    if expr == "earlier this year":
        return _interval(date(p.year, 1, 1), p)
    if expr == "later this year":
        return _interval(p, date(p.year, 12, 31))
    if expr in ("last year", "past year", "next year", "coming year"):
        year = p.year + (-1 if expr.startswith(("last", "past")) else 1)
        return _interval(date(year, 1, 1), date(year, 12, 31))
    m = re.fullmatch(r"(?:(last|this|next|this coming)\s+)?([a-z]+)\.?", base)
    if m and _weekday(m.group(2)) is not None:
        target = _weekday(m.group(2))
        assert target is not None
        back = (p.weekday() - target) % 7
        ahead = (target - p.weekday()) % 7
        which = m.group(1)
        if which == "last":
            return _iso(p - timedelta(days=back or 7))
        if which == "next":
            return _iso(p + timedelta(days=ahead or 7))
        if which in ("this", "this coming"):
            return _iso(p + timedelta(days=ahead) if future or which == "this coming" else
                        p - timedelta(days=back))  # fmt: skip
        return _iso(p + timedelta(days=ahead) if future else p - timedelta(days=back))
    m = re.fullmatch(rf"(?:in\s+)?({_NUM})\s+(day|week|month|year)s?(?:\s+(ago))?",
                     expr, re.I)  # fmt: skip
    if m:
        n = _number(m.group(1))
        if n is None:
            return None
        sign = -1 if m.group(3) else 1
        unit = m.group(2)
        if unit in ("day", "week"):
            return _iso(p + timedelta(days=sign * n * (7 if unit == "week" else 1)))
        if unit == "month":
            year, month = _shift_month(p.year, p.month, sign * n)
            return _month_interval(year, month)
        year = p.year + sign * n
        return _interval(date(year, 1, 1), date(year, 12, 31))
    return None


def resolve_when(expression: str, published: date | None, tense: str | None = None) -> str | None:
    """Resolve a time expression to an ISO date or ISO interval, or None when it cannot be.

    ``tense`` is "past", "future" or None (read as past): it decides which way a bare weekday
    or month points from the publication date.
    """
    future = tense == "future"
    expr = re.sub(r"\s+", " ", expression.strip().strip(",;.").strip())
    if not expr:
        return None
    while True:
        stripped = _LEADING.sub("", expr)
        if stripped == expr:
            break
        expr = stripped.strip()
    found = _explicit(expr, published, future)
    if found:
        return found
    if published is None:
        return None
    found = _relative(expr.lower(), published, future)
    if found:
        return found
    if not re.search(r"\d", expr) and _month(expr.split()[0]) is None:
        return None
    parsed = _dateparser(expr, published, future)
    return _iso(parsed) if parsed else None


def _dateparser(expr: str, published: date, future: bool) -> date | None:
    """Fall back on dateparser for written dates the rules above do not cover."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "REQUIRE_PARTS": ["day", "month"],
    }
    try:
        parsed = dateparser.parse(expr, languages=["en"], settings=settings)
    except (ValueError, OverflowError):  # pragma: no cover - dateparser internals
        return None
    return parsed.date() if parsed else None


def parse_date(text: str) -> date | None:
    """A full written date with a year ("Monday, August 22, 2011", "2011-08-22") as a date."""
    expr = text.strip()
    found = _explicit(expr, None, False)
    if found and "/" not in found:
        return date.fromisoformat(found)
    import dateparser

    parsed = dateparser.parse(
        expr, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None
