"""Numbers as German readers write them: "1.234,5". One place for reading and writing them."""

import re
from decimal import Decimal, InvalidOperation

# Digits with an optional decimal comma; thousands separated by points in groups of three.
GERMAN_NUMBER = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$")


def parse_german(text: str) -> Decimal | None:
    """`text` as a number in German notation ("1.234,5", "-0,75", "45"); None if it is not one.

    A point is always a thousands separator, so "1234.5" is refused rather than read as 12345
    (a spreadsheet set to English would have written it; guessing would corrupt the series).
    """
    text = text.strip().replace("\u2212", "-")  # the minus sign of typeset text
    if not GERMAN_NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
        return None


def format_german(value: Decimal | float | int, places: int | None = None) -> str:
    """`value` in German notation without needless trailing zeros ("1.234,5"); `places` fixes the decimals."""
    number = Decimal(str(value))
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places))
    elif number == number.to_integral_value():
        number = number.quantize(Decimal(1))
    else:
        number = number.normalize()
    sign = "-" if number < 0 else ""
    whole, _sep, fraction = f"{abs(number):f}".partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")
