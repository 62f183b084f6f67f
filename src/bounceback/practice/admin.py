from django.contrib import admin

from bounceback.admin_privacy import PrivateAdmin
from bounceback.practice.models import Card, Review, UpcomingInterview


@admin.register(Card)
class CardAdmin(PrivateAdmin[Card]):
    list_display = ["__str__", "due", "reviews", "owner"]
    list_select_related = ["owner"]


@admin.register(Review)
class ReviewAdmin(PrivateAdmin[Review]):
    list_display = ["card", "rating", "reviewed_at", "owner"]
    list_filter = ["rating"]


@admin.register(UpcomingInterview)
class UpcomingInterviewAdmin(PrivateAdmin[UpcomingInterview]):
    list_display = ["on", "stage", "application", "owner"]
