from django.urls import path

from bounceback.weekly import views

app_name = "weekly"
urlpatterns = [path("", views.week, name="week")]
