"""A receipt is a receipt, whatever it says might happen later (issue 11, part 3).

Filing a rejection the employer never sent is the worst mistake the recogniser can make.
These receipts were written fresh for this test (none is in corpus/): each says what
happens if the candidate is not selected, that they may not hear back, or that only
shortlisted people will be contacted. None may ever be read as a rejection.
"""

from __future__ import annotations

import pytest

from bounceback.lib.mail.analysis import analyse
from bounceback.lib.mail.message import MailMessage

RECEIPTS = [
    (
        "Application received: Warehouse Team Leader",
        "Hi Dominic,\n\nThanks for applying for Warehouse Team Leader at Brackenfield Distribution. "
        "We have received your application.\n\nIf you haven't heard from us within 14 days, please "
        "take it that your application has not been successful on this occasion.\n\nBrackenfield "
        "Distribution Recruitment",
        "no-reply@brackenfield.teamtailor-mail.com",
    ),
    (
        "Thank you for your application",
        "Dear Applicant,\n\nThank you for applying to the Graduate Accountant programme. Your "
        "application has been received. Due to the very high volume of applications, only "
        "shortlisted candidates will be contacted. Unsuccessful applicants will not be notified.\n\n"
        "Early Careers, Finchley & Marsh LLP",
        "earlycareers@finchleymarsh.example",
    ),
    (
        "Your application - Ward Clerk",
        "Dear Hana,\n\nThis email confirms that we have received your application for Ward Clerk "
        "(ref 118-WC-2207). Should your application be unsuccessful, we regret that we will not be "
        "able to contact you individually.\n\nRecruitment Services",
        "recruitment@stmarysvale.example",
    ),
    (
        "We got your application!",
        "Hey Priyanka, thanks for applying to be a Product Support Specialist at Kitefin. Our team "
        "reads every application. If it's a match, we'll reach out within two weeks to set up a "
        "chat; if it isn't, we'll let you know by email once the role is filled.\n\nThe Kitefin team",
        "jobs@kitefin.ashbyhq.com",
    ),
    (
        "Application confirmation - Store Assistant",
        "Hello Callum,\n\nWe confirm receipt of your application for Store Assistant, Leeds. "
        "Please note that we receive a large number of applications and may not be able to "
        "respond to everyone. If you do not hear from us within 21 days, you should consider "
        "your application unsuccessful.\n\nPeople Team, Northgrove Retail",
        "careers@northgroveretail.example",
    ),
    (
        "Acknowledgement of application",
        "Dear Sir/Madam,\n\nWe acknowledge receipt of your application for the post of Assistant "
        "Engineer (Civil). Candidates who are not shortlisted will be informed after the "
        "selection process is complete. We thank you for your interest.\n\nEstablishment Section",
        "establishment@metrowater.example",
    ),
    (
        "Bewerbungseingang: Mitarbeiter Kundenservice (m/w/d)",
        "Sehr geehrter Herr Becker,\n\nvielen Dank für Ihre Bewerbung. Hiermit bestätigen wir den "
        "Eingang Ihrer Unterlagen. Sollten wir Ihre Bewerbung nicht berücksichtigen können, "
        "erhalten Sie von uns eine kurze Nachricht.\n\nIhr Personalteam der Stadtwerke Hollfeld",
        "bewerbung@stadtwerke-hollfeld.example",
    ),
    (
        "Votre candidature a bien été reçue",
        "Bonjour Élodie,\n\nNous avons bien reçu votre candidature pour le poste d'Assistante de "
        "direction. Si votre profil ne correspond pas à nos besoins, nous vous en informerons "
        "par e-mail dans les trois semaines.\n\nL'équipe RH, Vignobles Castaing",
        "rh@vignobles-castaing.example",
    ),
    (
        "Hemos recibido tu candidatura",
        "Hola Nerea:\n\nGracias por postularte al puesto de Recepcionista. Hemos recibido tu "
        "candidatura. En caso de no ser seleccionada para la siguiente fase, no recibirás más "
        "comunicaciones por nuestra parte.\n\nHotel Puerto Alto",
        "empleo@hotelpuertoalto.example",
    ),
    (
        "Ontvangstbevestiging",
        "Beste Daan,\n\nBedankt voor je sollicitatie als Monteur. We hebben je reactie in goede "
        "orde ontvangen. Mochten we je niet uitnodigen voor een gesprek, dan laten we je dat "
        "binnen twee weken weten.\n\nTeam HR, Installatiebedrijf Kooistra",
        "hr@kooistra-installatie.example",
    ),
    (
        "Your application to Harbourside Academy",
        "Dear Ms Okoro,\n\nThank you for your application for the post of Science Technician. "
        "Shortlisting will take place on 3 March. If you have not been contacted by 10 March, "
        "please assume that on this occasion you have not been shortlisted. Unfortunately we are "
        "unable to provide feedback to applicants who are not shortlisted.\n\nSchool Office",
        "office@harbourside-academy.example",
    ),
    (
        "Thank you for applying - Delivery Driver",
        "Hi Ryan,\n\nThanks for your application for Delivery Driver! Your application is now with "
        "our hiring team. Unfortunately, because of the number of applications, we can't reply to "
        "every applicant individually. If you're selected, we'll call you to arrange an interview.\n\n"
        "Swiftline Couriers",
        "jobs@swiftline.applytojob.com",
    ),
]


@pytest.mark.parametrize(("subject", "text", "sender"), RECEIPTS)
def test_a_receipt_with_conditional_wording_is_never_a_rejection(
    subject: str, text: str, sender: str
) -> None:
    result = analyse(MailMessage(None, None, "", sender, subject, text))
    assert result.label == "application_received", result.evidence


def test_the_conditional_small_print_is_noted_as_such() -> None:
    subject, text, sender = RECEIPTS[0]
    result = analyse(MailMessage(None, None, "", sender, subject, text))
    assert result.stage is None and result.has_feedback is None  # no rejection fields
