"""Text for people, marked for translation without the engine depending on Django.

`_` translates at once with the translator the application installs (Django's
`gettext`, see canvas_app/apps.py); without one (the engine's own tests) it returns
the English text. `gettext_noop` only marks text that is translated where it is
shown (labels kept in module-level tables). Both are found by `makemessages`.
"""

from collections.abc import Callable

_translator: Callable[[str], str] | None = None


def install(translator: Callable[[str], str]) -> None:
    global _translator
    _translator = translator


def _(message: str) -> str:
    return _translator(message) if _translator is not None else message


def gettext_noop(message: str) -> str:
    return message
