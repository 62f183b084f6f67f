from django.urls import path

from bounceback.recovery import views, views_calendar, views_feedback, views_today

app_name = "recovery"
urlpatterns = [
    path("new/", views.capture, name="capture"),
    path("new/good-news/", views.good_news, name="good_news"),
    path("today/", views_today.today, name="today"),
    path("today/keep-all/", views_today.keep_all, name="keep_all"),
    path("today/calendar.ics", views_calendar.download, name="calendar_download"),
    path("today/calendar/", views_calendar.manage, name="calendar_manage"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/not-a-no/", views.unfile, name="unfile"),
    path("<int:pk>/reflect/", views.reflect, name="reflect"),
    path("<int:pk>/drafts/", views.draft_list, name="drafts"),
    path("<int:pk>/drafts/enough/", views.feedback_enough, name="feedback_enough"),
    path("<int:pk>/next/", views.next_steps, name="next_steps"),
    path("<int:pk>/done/", views.done, name="done"),
    path("steps/<int:pk>/", views_today.action_update, name="action"),
    path("feedback/for/<int:pk>/", views_feedback.feedback_add, name="feedback_add"),
    path("feedback/<int:pk>/second-ask/", views_feedback.second_ask, name="second_ask"),
    path(
        "feedback/<int:pk>/second-ask/sent/", views_feedback.second_ask_sent, name="second_ask_sent"
    ),
]
