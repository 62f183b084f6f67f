from django.urls import path

from bounceback.safekeeping import views

app_name = "safekeeping"
urlpatterns = [
    path("settings/delete-everything/", views.forget_page, name="forget"),
]
