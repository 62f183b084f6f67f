from django.urls import path

from bounceback.coaching import views_coach, views_seeker

app_name = "coaching"
urlpatterns = [
    # The seeker's side.
    path("sharing/", views_seeker.sharing, name="sharing"),
    path("sharing/<int:pk>/parts/", views_seeker.share_parts, name="share_parts"),
    path("sharing/<int:pk>/items/", views_seeker.share_items, name="share_items"),
    path("sharing/<int:pk>/revoke/", views_seeker.share_revoke, name="share_revoke"),
    path("sharing/notes/<int:pk>/answer/", views_seeker.note_answer, name="note_answer"),
    # The coach's side.
    path("coaching/", views_coach.caseload, name="caseload"),
    path("coaching/<int:pk>/", views_coach.person, name="person"),
    path(
        "coaching/<int:pk>/applications/<int:app_pk>/",
        views_coach.application,
        name="application",
    ),
    path("coaching/<int:pk>/insights/", views_coach.insights, name="insights"),
    path("coaching/<int:pk>/report/", views_coach.report, name="report"),
    path("coaching/<int:pk>/items/<int:item_pk>/", views_coach.item, name="item"),
]
