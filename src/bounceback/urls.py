from django.contrib import admin
from django.urls import include, path

from bounceback import dashboard

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("applications/", include("bounceback.applications.urls")),
    path("rejections/", include("bounceback.recovery.urls")),
    path("mail/", include("bounceback.mailbox.urls")),
    path("insights/", include("bounceback.insights.urls")),
    path("wellbeing/", include("bounceback.wellbeing.urls")),
    path("", include("bounceback.accounts.urls")),
    path("admin/", admin.site.urls),
]
