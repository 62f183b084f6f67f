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


@task()
def send_reminder(user_id: int, site: str) -> bool:
    """E-mail one person how many steps are due today, if any; True when a mail went out.

    Only a count and a link: the steps themselves stay behind the person's password.
    """
    from datetime import date

    from bounceback.recovery.actions import due

    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None or not user.email:
        return False
    count = len(due(user, date.today()))
    if not count:
        return False
    body = render_to_string(
        "accounts/mail_reminder.txt", {"count": count, "link": site.rstrip("/") + "/"}
    )
    subject = "1 step for today" if count == 1 else f"{count} steps for today"
    send_mail(subject, body, None, [user.email])
    return True


def queue_reminders(site: str) -> int:
    """One task per seeker with an address, for the workers to share out; returns how many."""
    from bounceback.accounts.models import Role

    people = User.objects.filter(is_active=True, profile__role=Role.SEEKER).exclude(email="")
    count = 0
    for user_id in people.values_list("pk", flat=True):
        send_reminder.enqueue(user_id, site)
        count += 1
    return count
