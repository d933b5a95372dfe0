from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's validation errors on the form, by field where the form has it."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        target = field if field in form.fields and field != NON_FIELD_ERRORS else None
        for message in errors:
            form.add_error(target, message if target else f"{field}: {message}")
