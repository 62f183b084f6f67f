from django.urls import path

from bounceback.reapply import views

app_name = "reapply"
urlpatterns = [
    path("", views.cooldown_list, name="list"),
    path("<int:pk>/", views.cooldown_detail, name="detail"),
    path("<int:pk>/months/", views.months, name="months"),
    path("<int:pk>/reopened/", views.reopened, name="reopened"),
    path("rejection/<int:rejection_pk>/", views.for_rejection, name="for_rejection"),
]
