"""The reduction of KERN's style sheet (scripts/build_assets.py) keeps what our markup needs."""

from scripts.build_assets import reduce_css, used_kern_classes

CSS = (
    ":root{--kern-x:1px}body{margin:0}"
    ".kern-btn,.kern-dialog{color:red}"
    ".kern-dialog__title{color:blue}"
    ".kern-badge--success{color:green}"
    ".kern-btn:not(.kern-btn--ghost){border:0}"
    ":is(.kern-btn,.kern-dialog) .kern-label{gap:1px}"
    "@media (min-width:1px){.kern-dialog{x:1}.kern-btn{y:2}}"
    "@keyframes spin{to{rotate:1turn}}"
)


def test_unused_classes_go_and_used_ones_stay():
    out = reduce_css(CSS, {"kern-btn", "kern-label", "kern-badge--"})
    assert ":root{--kern-x:1px}body{margin:0}" in out
    assert ".kern-btn{color:red}" in out and "kern-dialog{" not in out and "kern-dialog__title" not in out
    assert ".kern-badge--success{color:green}" in out  # a name built in a template stands for its endings
    assert ".kern-btn:not(.kern-btn--ghost){border:0}" in out  # a class under :not() is not needed
    assert "@media (min-width:1px){.kern-btn{y:2}}" in out
    assert "@keyframes spin" in out


def test_a_selector_that_may_match_through_is_stays():
    assert ":is(.kern-btn,.kern-dialog) .kern-label" in reduce_css(CSS, {"kern-btn", "kern-label"})
    assert "kern-label" not in reduce_css(CSS, {"kern-btn"})


def test_the_classes_of_our_templates_are_found():
    used = used_kern_classes()
    assert {"kern-container", "kern-btn", "kern-form-input__input", "kern-alert__body"} <= used
