"""Names, companies, roles, senders, greetings and sign-offs for the synthetic corpus."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

COMPANIES = [
    "Acme Robotics",
    "Globex",
    "Initech",
    "Northwind Traders",
    "Bluefin Analytics",
    "Hollowtree",
    "Quantix",
    "Brightpath Health",
    "Lumen Labs",
    "Redwood Capital",
    "Corvid Security",
    "Tandem Foods",
    "Pinecone Media",
    "Silverline Logistics",
    "Marlow & Finch",
    "Orbital Freight",
    "Kestrel Bank",
    "Helix Biotech",
    "Nimbus Cloud",
    "Fernway",
    "Copperleaf",
    "Stratus Energy",
    "Wavelength",
    "Granite Insurance",
    "Ember Games",
    "Meridian Group",
    "Atlas Mobility",
    "Clearwater Studios",
    "Vantage Point",
    "Oakridge Partners",
    "Polaris AI",
    "Cobalt Systems",
    "Harbor & Hale",
    "Juniper Learning",
    "Sable Retail",
    "Riverstone",
    "Zephyr Travel",
    "Mosaic Health",
    "Tidal Payments",
    "Beacon Legal",
    "Quill",
    "Parallax",
    "Bramble",
    "Foxglove Pharma",
    "Evergreen Foods",
    "Halcyon",
    "Ironclad Works",
    "Papaya",
    "Solstice",
    "Kinfolk Software",
    "Nordlicht GmbH",
    "Maison Verte",
    "Soluciones Andinas",
    "Fjordline AB",
    "Datawise Ltd",
    "Umbra Inc.",
    "Trellis",
    "Cascade Medical",
    "Orchard Bank",
    "Lattice",
    "Peregrine Aerospace",
    "Hearth Homes",
    "Sprocket",
    "Velvet Audio",
    "Tessera",
    "Octave",
    "Brightwave Energy",
    "Greyhawk Consulting",
    "Monarch Hotels",
    "Alder & Co",
    "Crescent",
    "Bluebird Care",
    "Arcadia Games",
    "Summit Outdoor",
    "Pixelforge",
    "Vireo",
    "Keystone Labs",
    "Lighthouse Charity",
    "Wildflower",
    "Cinder",
    "Nova Retail",
    "Ridgeline",
    "Starling Health",
]
ROLES = [
    "Software Engineer",
    "Senior Software Engineer",
    "Backend Engineer",
    "Frontend Developer",
    "Full Stack Developer",
    "Data Analyst",
    "Senior Data Analyst",
    "Data Scientist",
    "Machine Learning Engineer",
    "Product Manager",
    "Senior Product Manager",
    "Product Designer",
    "UX Researcher",
    "UX/UI Designer",
    "DevOps Engineer",
    "Site Reliability Engineer",
    "QA Engineer",
    "Engineering Manager",
    "Marketing Manager",
    "Content Marketing Specialist",
    "Growth Marketer",
    "Account Executive",
    "Sales Development Representative",
    "Customer Success Manager",
    "Customer Support Specialist",
    "Operations Manager",
    "Business Analyst",
    "Financial Analyst",
    "Accountant",
    "HR Generalist",
    "Recruiter",
    "Project Manager",
    "Program Manager",
    "Technical Writer",
    "Graphic Designer",
    "Office Manager",
    "Executive Assistant",
    "Legal Counsel",
    "Paralegal",
    "Research Scientist",
    "Lab Technician",
    "Registered Nurse",
    "Teacher",
    "Mechanical Engineer",
    "Civil Engineer",
    "Electrical Engineer",
    "Supply Chain Analyst",
    "Procurement Specialist",
    "Solutions Architect",
    "Security Engineer",
    "Data Engineer",
    "Head of Product",
    "Director of Engineering",
    "Marketing Intern",
    "Software Engineering Intern",
    "Junior Developer",
    "Copywriter",
    "Social Media Manager",
    "Brand Designer",
    "iOS Developer",
    "Android Developer",
    "Cloud Architect",
    "Staff Engineer",
    "Principal Data Scientist",
    "Risk Analyst",
    "Compliance Officer",
    "Store Manager",
    "Logistics Coordinator",
    "Community Manager",
]
FIRST = [
    "Jane",
    "Tom",
    "Priya",
    "Lukas",
    "Amélie",
    "Carlos",
    "Mei",
    "Olu",
    "Sara",
    "Mohammed",
    "Ingrid",
    "Diego",
    "Hannah",
    "Kenji",
    "Fatima",
    "Liam",
    "Chloe",
    "Raj",
    "Elena",
    "Noah",
    "Aisha",
    "Ben",
    "Sofia",
    "Marek",
    "Yuki",
    "Grace",
    "Mateo",
    "Nina",
    "Oscar",
    "Leila",
    "Jonas",
    "Camille",
    "Tariq",
    "Emma",
    "Pedro",
    "Zoe",
    "Anders",
    "Ruth",
    "Kwame",
    "Laura",
]
LAST = [
    "Miller",
    "Okafor",
    "Schmidt",
    "Dubois",
    "García",
    "Chen",
    "Patel",
    "Kowalski",
    "Nakamura",
    "Haddad",
    "Johansson",
    "Rossi",
    "O'Brien",
    "Nguyen",
    "Fischer",
    "Silva",
    "Andersen",
    "Brown",
    "Mensah",
    "Lopez",
    "Kim",
    "Novak",
    "Bauer",
    "Moreau",
    "Singh",
    "Evans",
    "Costa",
    "Larsen",
    "van der Berg",
    "Ibrahim",
    "Walsh",
    "Ferreira",
    "Yilmaz",
    "Murphy",
    "Weber",
    "Lindqvist",
]
CANDIDATES = [
    "Sam",
    "Alex",
    "Jordan",
    "Maria",
    "Chris",
    "Taylor",
    "Robin",
    "Kim",
    "Ana",
    "Lee",
    "Pat",
    "Jamie",
]


def slug(company: str) -> str:
    words = re.sub(r"[^a-z0-9 ]", "", company.lower().replace("&", " ")).split()
    words = [w for w in words if w not in {"inc", "ltd", "gmbh", "ab", "co"}] or words
    return "".join(words[:2])


@dataclass
class Sender:
    from_name: str
    from_addr: str
    footer: str
    person: str | None  # a person who sent it (when the display name is one)
    ats: str | None


ATS_FOOTERS = {
    "greenhouse": [
        "Powered by Greenhouse",
        "This message was sent via Greenhouse. Please do not reply to this email.",
        "",
    ],
    "lever": ["Sent with Lever", "This email was sent by {company} via Lever.", ""],
    "workday": [
        "This email was sent from an unmonitored mailbox. Please do not reply.",
        "Log in to your candidate home to view your application status.",
        "",
    ],
    "ashby": ["Powered by Ashby", "Sent via Ashby on behalf of {company}.", ""],
    "smartrecruiters": [
        "Powered by SmartRecruiters. {company} uses SmartRecruiters to manage applications.",
        "",
    ],
    "icims": [
        "This is an automated message from {company}. Please do not respond to this email address.",
        "",
    ],
    "teamtailor": ["Sent with Teamtailor · Manage your data and privacy settings", ""],
    "workable": ["Sent via Workable | Privacy notice", ""],
    "direct": [""],
}


def make_sender(rng: random.Random, company: str, person: str, kind: str | None = None) -> Sender:
    s = slug(company)
    tld = rng.choice(["com", "com", "io", "co", "de", "co.uk", "ai"])
    kind = kind or rng.choice(
        [
            "direct",
            "direct",
            "company",
            "greenhouse",
            "greenhouse",
            "lever",
            "workday",
            "ashby",
            "smartrecruiters",
            "icims",
            "teamtailor",
            "workable",
        ]
    )
    team = rng.choice(
        [
            f"{company} Recruiting",
            f"{company} Talent Team",
            f"{company} Careers",
            company,
            f"{company} Hiring Team",
            f"{company} Talent Acquisition",
        ]
    )
    footer = rng.choice(ATS_FOOTERS.get(kind, [""])).format(company=company)
    if kind == "direct":
        first, last = person.split(" ", 1)
        addr = (
            rng.choice([f"{first}.{last}", first, f"{first[0]}{last}"])
            .lower()
            .replace(" ", "")
            .replace("'", "")
        )
        name = rng.choice(
            [
                person,
                person,
                f"{first} at {company}",
                f"{first} from {company}",
                f"{person} ({company})",
            ]
        )
        return Sender(name, f"{addr}@{s}.{tld}", "", person, None)
    if kind == "company":
        addr = rng.choice(["careers", "jobs", "recruiting", "talent", "no-reply", "hr", "people"])
        return Sender(team, f"{addr}@{s}.{tld}", "", None, None)
    if kind == "greenhouse":
        name = rng.choice([team, company, person, f"{company} via Greenhouse"])
        addr = rng.choice(
            [
                "no-reply@greenhouse.io",
                "no-reply@us.greenhouse-mail.io",
                "notifications@greenhouse.io",
            ]
        )
        return Sender(name, addr, footer, person if name == person else None, kind)
    if kind == "lever":
        return Sender(
            rng.choice([company, team]),
            rng.choice(["no-reply@hire.lever.co", "no-reply@lever.co"]),
            footer,
            None,
            kind,
        )
    if kind == "workday":
        return Sender(
            rng.choice([team, "Workday", company]), f"{s}@myworkday.com", footer, None, kind
        )
    if kind == "ashby":
        return Sender(rng.choice([team, company]), "no-reply@ashbyhq.com", footer, None, kind)
    if kind == "smartrecruiters":
        return Sender(
            rng.choice([company, team]), "noreply@smartrecruiters.com", footer, None, kind
        )
    if kind == "icims":
        return Sender(team, f"{s}-careers@talent.icims.com", footer, None, kind)
    if kind == "teamtailor":
        return Sender(
            company,
            rng.choice(["noreply@teamtailor.com", "no-reply@teamtailor-mail.com"]),
            footer,
            None,
            kind,
        )
    return Sender(company, "noreply@candidates.workablemail.com", footer, None, "workable")


GREETINGS = [
    "Hi {cand},",
    "Dear {cand},",
    "Hello {cand},",
    "Hey {cand}!",
    "Dear {cand} Smith,",
    "Hi {cand}",
    "Hallo {cand},",
    "Bonjour {cand},",
    "Hola {cand},",
    "Hej {cand},",
    "Hi there,",
    "Dear Candidate,",
    "Dear Applicant,",
    "{cand},",
    "Good morning {cand},",
    "Dear Mx. Smith,",
    "",
]
TITLES = [
    "Recruiter",
    "Senior Recruiter",
    "Talent Acquisition Partner",
    "Technical Recruiter",
    "Hiring Manager",
    "HR Business Partner",
    "People Partner",
    "Talent Partner",
    "Recruitment Coordinator",
    "Head of Talent",
]


def signature(
    rng: random.Random, company: str, person: str, *, allow_person: bool = True
) -> tuple[str, str | None]:
    """A sign-off block and the contact it names (None for a team)."""
    first = person.split(" ")[0]
    close = rng.choice(
        [
            "Best regards,",
            "Kind regards,",
            "Best,",
            "Thanks,",
            "Thank you,",
            "Warm regards,",
            "Sincerely,",
            "Cheers,",
            "All the best,",
            "Regards,",
            "Best wishes,",
            "Many thanks,",
        ]
    )
    title = rng.choice(TITLES)
    options: list[tuple[str, str | None]] = [
        (f"{close}\nThe {company} Talent Team", None),
        (f"{close}\n{company} Recruiting", None),
        (f"{close}\nThe {company} Team", None),
        (f"{close}\nTalent Acquisition\n{company}", None),
    ]
    if allow_person:
        options += [
            (f"{close}\n{person}\n{title} | {company}", person),
            (f"{close}\n{person}\n{title}, {company}", person),
            (f"{close}\n{first}", first),
            (f"{close} {first}", first),
            (
                f"{close}\n\n{person}\n{title}\n{company}\n+44 20 7946 0{rng.randint(100, 999)}",
                person,
            ),
            (f"{close}\n{person}", person),
        ]
    return rng.choice(options)


LEGAL = [
    "This e-mail and any attachments are confidential and intended solely for the addressee. If you received it in error, please delete it.",
    "We process your personal data in line with our candidate privacy notice. You can ask us to delete your data at any time.",
    "{company} is an equal opportunity employer and values diversity at all levels.",
    "Please do not reply to this automated message.",
    "Unsubscribe from recruiting emails | Privacy policy",
    "",
    "",
    "",
]
