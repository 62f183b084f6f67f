from django.urls import path

from bounceback.mailbox import views, views_connection

app_name = "mailbox"
urlpatterns = [
    path("review/", views.review_list, name="review"),
    path("review/<int:pk>/confirm/", views.review_confirm, name="confirm"),
    path("review/<int:pk>/correct/", views.review_correct, name="correct"),
    path("review/<int:pk>/dismiss/", views.review_dismiss, name="dismiss"),
    path("review/<int:pk>/find/", views.review_find, name="find"),
    path("learned/", views.learned_list, name="learned"),
    path("learned/<int:pk>/forget/", views.learned_forget, name="forget"),
    path("learned/labels/<int:pk>/forget/", views.learned_forget_label, name="forget_label"),
    path("learned/examples/<int:pk>/forget/", views.learned_forget_example, name="forget_example"),
    path("learned/forget-all/", views.learned_forget_all, name="forget_all"),
    path("connection/", views_connection.connection_page, name="connection"),
    path("connection/status/", views_connection.connection_status, name="connection_status"),
    path("connection/check/", views_connection.check_now, name="check"),
    path("connection/disconnect/", views_connection.disconnect, name="disconnect"),
]
