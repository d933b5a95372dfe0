from django.core.exceptions import ValidationError
from django.core.management.base import CommandError


def as_command_error(error: ValidationError) -> CommandError:
    """Turn a service's field errors into one readable command-line message."""
    if hasattr(error, "message_dict"):
        text = "; ".join(f"{field}: {' '.join(msgs)}" for field, msgs in error.message_dict.items())
    else:
        text = " ".join(error.messages)
    return CommandError(text)
