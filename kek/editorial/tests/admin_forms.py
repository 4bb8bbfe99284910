"""Fill in Wagtail admin forms the way a browser does: read every field, change some, send."""

from bs4 import BeautifulSoup


def form_fields(html: str, form_selector: str = "form[method=post]") -> dict[str, str | list[str]]:
    soup = BeautifulSoup(html, "html.parser")
    form = next(f for f in soup.select(form_selector) if f.find("input", attrs={"name": "csrfmiddlewaretoken"}))
    data: dict[str, str | list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text()
        elif field.name == "select":
            chosen = [o.get("value", o.get_text()) for o in field.find_all("option") if o.has_attr("selected")]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field.get("value", "on")) if field.get("type") == "checkbox" else (
                    data.__setitem__(name, field.get("value", "on"))
                )
        else:
            data[name] = field.get("value", "")
    return data
