from django.urls import path

from bounceback.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
    path("add/", views.application_add, name="add"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/edit/", views.application_edit, name="edit"),
    path("<int:pk>/delete/", views.application_delete, name="delete"),
    path("<int:pk>/applied/confirm/", views.applied_confirm, name="applied_confirm"),
    path("<int:pk>/events/", views.event_add, name="event_add"),
    path("<int:pk>/events/<int:event_pk>/confirm/", views.event_confirm, name="event_confirm"),
    path("<int:pk>/events/<int:event_pk>/", views.event_edit, name="event_edit"),
    path("<int:pk>/events/<int:event_pk>/delete/", views.event_delete, name="event_delete"),
    path("<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path("contacts/", views.contact_list, name="contacts"),
    path("contacts/<int:contact_pk>/", views.contact_edit, name="contact_edit"),
]
