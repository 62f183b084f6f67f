from django.urls import path

from bounceback.spreadsheets import views

app_name = "spreadsheets"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.preview_page, name="preview"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
]
