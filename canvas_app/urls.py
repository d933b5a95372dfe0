from django.urls import path

from canvas_app.views import canvases, cards, health, home, theme

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("councils/<slug:slug>/", canvases.canvas_list, name="canvas-list"),
    path("councils/<slug:slug>/theme.css", theme.council_theme, name="council-theme"),
    path("councils/<slug:slug>/canvases/new/", canvases.canvas_new, name="canvas-new"),
    path("canvases/<int:pk>/", canvases.canvas_detail, name="canvas-detail"),
    path("canvases/<int:pk>/edit/", canvases.canvas_edit, name="canvas-edit"),
    path("canvases/<int:pk>/delete/", canvases.canvas_delete_confirm, name="canvas-delete"),
    path("canvases/<int:pk>/remove/", canvases.canvas_remove, name="canvas-remove"),
    path("canvases/<int:pk>/blocks/<str:block>/cards/new/", cards.card_new, name="card-new"),
    path("cards/<int:pk>/edit/", cards.card_edit, name="card-edit"),
    path("cards/<int:pk>/delete/", cards.card_remove, name="card-delete"),
    path("cards/<int:pk>/move/", cards.card_reorder, name="card-move"),
    path("cards/<int:pk>/history/", cards.card_history, name="card-history"),
]
