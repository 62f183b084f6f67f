from django.urls import path

from bounceback.wellbeing import views

app_name = "wellbeing"
urlpatterns = [
    path("help/", views.help_now, name="help_now"),
]
