from django.urls import path

from bounceback.portability import views

app_name = "portability"
urlpatterns = [
    path("download/", views.download, name="download"),
    # Hosted: a worker makes the zip, then it is offered here.
    path("prepare/", views.prepare, name="prepare"),
    path("prepare/status/", views.prepared_status, name="prepared_status"),
    path("prepare/download/", views.prepared_download, name="prepared_download"),
]
