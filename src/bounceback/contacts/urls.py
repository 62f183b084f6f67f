from django.urls import path

from bounceback.contacts import views

app_name = "contacts"
urlpatterns = [
    path("", views.contact_list, name="list"),
    path("<int:pk>/", views.contact_detail, name="detail"),
    path("<int:pk>/checked-in/", views.checked_in, name="checked_in"),
    path("<int:pk>/later/", views.check_in_later, name="later"),
    path("<int:pk>/exchanges/", views.exchange_add, name="exchange_add"),
    path("<int:pk>/rhythm/", views.rhythm_edit, name="rhythm"),
    path("thank-you/<int:event_pk>/", views.thank_you, name="thank_you"),
]
