from django.urls import path

from bounceback.portability import views

app_name = "portability"
urlpatterns = [
    path("download/", views.download, name="download"),
]
