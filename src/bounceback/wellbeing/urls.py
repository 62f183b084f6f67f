from django.urls import path

from bounceback.wellbeing import views

app_name = "wellbeing"
urlpatterns = [
    path("", views.hub, name="hub"),
    path("help/", views.help_now, name="help_now"),
    path("help/talk-to-someone/", views.professional, name="professional"),
    path("checkin/", views.checkin, name="checkin"),
    path("exercises/", views.exercises, name="exercises"),
    path("gentle/", views.gentle_toggle, name="gentle"),
]
