from __future__ import annotations

from django.urls import path

from bounceback.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("forecast/", views.forecast, name="forecast"),
    path("themes/", views.themes, name="themes"),
    path("themes/new/", views.theme_add, name="theme_add"),
    path("themes/retag/", views.retag, name="retag"),
    path("themes/<slug:slug>/edit/", views.theme_edit, name="theme_edit"),
    path("themes/<slug:slug>/delete/", views.theme_delete, name="theme_delete"),
    path("tags/<int:pk>/remove/", views.tag_remove, name="tag_remove"),
    path("tags/<int:pk>/confirm/", views.tag_confirm, name="tag_confirm"),
    path("tags/<str:kind>/<int:pk>/add/", views.tag_add, name="tag_add"),
    path("wins/", views.wins, name="wins"),
    path("silence/", views.silence_rules, name="silence_rules"),
    path("silence/<int:pk>/ghosted/", views.mark_ghosted, name="mark_ghosted"),
]
