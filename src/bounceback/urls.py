from django.contrib import admin
from django.urls import include, path

from bounceback import dashboard
from bounceback.recovery import views_calendar

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("applications/import/", include("bounceback.spreadsheets.urls")),
    path("applications/", include("bounceback.applications.urls")),
    path("rejections/", include("bounceback.recovery.urls")),
    path("mail/", include("bounceback.mailbox.urls")),
    path("insights/", include("bounceback.insights.urls")),
    path("wellbeing/", include("bounceback.wellbeing.urls")),
    path("contacts/", include("bounceback.contacts.urls")),
    path("practice/", include("bounceback.practice.urls")),
    path("reapply/", include("bounceback.reapply.urls")),
    path("week/", include("bounceback.weekly.urls")),
    path("your-data/", include("bounceback.portability.urls")),
    path("", include("bounceback.accounts.urls")),
    path("", include("bounceback.coaching.urls")),
    path("", include("bounceback.safekeeping.urls")),
    path("calendar/<str:token>.ics", views_calendar.feed, name="calendar_feed"),
    path("admin/", admin.site.urls),
]
