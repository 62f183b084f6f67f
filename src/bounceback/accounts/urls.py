from django.urls import path

from bounceback.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/sign-as/", views.sign_as, name="sign_as"),
]
