from django.urls import path

from bounceback.accounts import views, views_password, views_people

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/<str:token>/", views.sign_in_with_link, name="sign_in_link"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("settings/", views.settings_page, name="settings"),
    path("settings/sign-as/", views.sign_as, name="sign_as"),
    # Hosted only: passwords, the second factor, and the staff's list of people.
    path("password/", views_password.password_change, name="password_change"),
    path("password/forgot/", views_password.password_reset, name="password_reset"),
    path("password/forgot/sent/", views_password.password_reset_sent, name="password_reset_sent"),
    path("password/set/<uidb64>/<token>/", views_password.password_set, name="password_set"),
    path("two-step/", views_password.two_factor_setup, name="two_factor_setup"),
    path("two-step/code/", views_password.two_factor_verify, name="two_factor_verify"),
    path("accounts/", views_people.people, name="people"),
    path("accounts/<int:pk>/link/", views_people.person_link, name="person_link"),
    path("accounts/<int:pk>/role/", views_people.person_role, name="person_role"),
    path("accounts/<int:pk>/active/", views_people.person_active, name="person_active"),
    path(
        "accounts/<int:pk>/two-step/",
        views_people.person_second_factor,
        name="person_second_factor",
    ),
]
