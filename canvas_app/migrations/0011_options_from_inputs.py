"""Every canvas gets its short list: business as usual, and, where the canvas has impact
inputs, one preferred do-something option holding them."""

from django.db import migrations


def create_short_lists(apps, schema_editor):
    Canvas = apps.get_model("canvas_app", "Canvas")
    Option = apps.get_model("canvas_app", "Option")
    ImpactInputs = apps.get_model("canvas_app", "ImpactInputs")
    inputs = dict(ImpactInputs.objects.values_list("canvas_id", "values"))
    rows = []
    for canvas_id in Canvas.objects.values_list("pk", flat=True):
        has_inputs = canvas_id in inputs
        rows.append(
            Option(
                canvas_id=canvas_id,
                name="Business as usual",
                kind="bau",
                preferred=not has_inputs,
                position=0,
            )
        )
        if has_inputs:
            rows.append(
                Option(
                    canvas_id=canvas_id,
                    name="Proposed service",
                    kind="do_something",
                    preferred=True,
                    inputs=inputs[canvas_id],
                    position=1,
                )
            )
    Option.objects.bulk_create(rows, batch_size=1000)


def remove_short_lists(apps, schema_editor):
    apps.get_model("canvas_app", "Option").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("canvas_app", "0010_options_benefits_outturn")]

    operations = [migrations.RunPython(create_short_lists, remove_short_lists)]
