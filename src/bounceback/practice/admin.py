from django.contrib import admin

from bounceback.practice.models import Card, Review, UpcomingInterview


@admin.register(Card)
class CardAdmin(admin.ModelAdmin[Card]):
    list_display = ["__str__", "due", "reviews", "owner"]
    list_select_related = ["owner"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin[Review]):
    list_display = ["card", "rating", "reviewed_at", "owner"]
    list_filter = ["rating"]


@admin.register(UpcomingInterview)
class UpcomingInterviewAdmin(admin.ModelAdmin[UpcomingInterview]):
    list_display = ["on", "stage", "application", "owner"]
