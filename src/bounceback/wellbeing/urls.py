from django.urls import path

from bounceback.wellbeing import views, views_exercises

app_name = "wellbeing"
urlpatterns = [
    path("", views.hub, name="hub"),
    path("help/", views.help_now, name="help_now"),
    path("help/talk-to-someone/", views.professional, name="professional"),
    path("checkin/", views.checkin, name="checkin"),
    path("gentle/", views.gentle_toggle, name="gentle"),
    path("exercises/", views_exercises.exercise_list, name="exercises"),
    path("exercises/<slug:slug>/", views_exercises.exercise, name="exercise"),
    path("exercises/fear/<int:pk>/step/", views_exercises.fear_to_action, name="fear_action"),
    path("exercises/ikigai/<int:pk>/goals/", views_exercises.ikigai_to_goals, name="ikigai_goals"),
    path("goals/", views_exercises.goal_list, name="goals"),
    path("goals/<int:pk>/", views_exercises.goal_edit, name="goal"),
]
