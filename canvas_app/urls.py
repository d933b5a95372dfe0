from django.urls import path

from canvas_app.views import canvases, cards, council, health, home, impact, theme

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("councils/<slug:slug>/", canvases.canvas_list, name="canvas-list"),
    path("councils/<slug:slug>/theme.css", theme.council_theme, name="council-theme"),
    path("councils/<slug:slug>/parameters/", council.parameters_edit, name="council-parameters"),
    path("councils/<slug:slug>/portfolio/", council.portfolio, name="portfolio"),
    path("councils/<slug:slug>/canvases/new/", canvases.canvas_new, name="canvas-new"),
    path("canvases/<int:pk>/", canvases.canvas_detail, name="canvas-detail"),
    path("canvases/<int:pk>/edit/", canvases.canvas_edit, name="canvas-edit"),
    path("canvases/<int:pk>/delete/", canvases.canvas_delete_confirm, name="canvas-delete"),
    path("canvases/<int:pk>/remove/", canvases.canvas_remove, name="canvas-remove"),
    path("canvases/<int:pk>/blocks/<str:block>/cards/new/", cards.card_new, name="card-new"),
    path("canvases/<int:pk>/impact/", impact.impact_results, name="impact-results"),
    path("canvases/<int:pk>/impact/inputs/", impact.impact_inputs_edit, name="impact-inputs"),
    path("canvases/<int:pk>/impact/status/", impact.impact_status, name="impact-status"),
    path("canvases/<int:pk>/impact/reassess/", impact.impact_reassess, name="impact-reassess"),
    path("canvases/<int:pk>/funding/", impact.funding_edit, name="funding"),
    path("cards/<int:pk>/edit/", cards.card_edit, name="card-edit"),
    path("cards/<int:pk>/delete/", cards.card_remove, name="card-delete"),
    path("cards/<int:pk>/move/", cards.card_reorder, name="card-move"),
    path("cards/<int:pk>/history/", cards.card_history, name="card-history"),
]
