"""Account e-mails, sent by a worker so a slow mail server never holds up a page.

The task receives the person's id, never a link: the one-time link is made inside the
worker, so no working secret waits in the queue's table.
"""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from bounceback.accounts.services import password_link

TEMPLATES = {
    "invitation": "accounts/mail_invitation.txt",
    "reset": "accounts/password_reset_email.txt",
}
SUBJECTS = {
    "invitation": "You're invited to bounceback",
    "reset": "Choose a new bounceback password",
}


@task()
def send_password_link(user_id: int, kind: str, site: str) -> None:
    """E-mail an invitation or a reset link to the person's own address."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return
    link = site.rstrip("/") + password_link(user)
    body = render_to_string(TEMPLATES[kind], {"link": link, "user": user, "site": site})
    send_mail(SUBJECTS[kind], body, None, [user.email])
