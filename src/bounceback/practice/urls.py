from django.urls import path

from bounceback.practice import views

app_name = "practice"
urlpatterns = [
    path("", views.session, name="session"),
    path("<int:pk>/rate/", views.rate, name="rate"),
    path("questions/", views.question_add, name="question_add"),
    path("interviews/", views.upcoming_add, name="upcoming_add"),
]
