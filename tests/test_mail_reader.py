"""Reading mailboxes: formats, decoding, and never stopping on a bad message."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bounceback.lib.mail import reader
from bounceback.lib.mail.mime import Parsed, parse
from bounceback.lib.mail.reader import MailboxError, ParseProblem, iter_messages, iter_raw
from bounceback.lib.mail.sanitize import safe_html

REJECTION = b"""From: Acme Recruiting <no-reply@greenhouse.io>
To: sam@example.org
Subject: Your application to Acme
Message-ID: <Rej-1@acme.example>
Date: Tue, 04 Nov 2025 10:00:00 +0100
Content-Type: text/plain; charset=utf-8

Hi Sam,

Thank you for applying for the Data Analyst role. Unfortunately we will not be
moving forward with your application.
From the whole team, good luck.

Jane
"""

RECEIPT = b"""From: Shop <orders@amazon.com>
Subject: Your order has shipped
Message-ID: <order-9@amazon.com>
Content-Type: text/plain

Your parcel is on its way.
"""


def mbox(*messages: bytes) -> bytes:
    out = b""
    for msg in messages:
        body = b"\n".join(
            b">" + line if line.lstrip(b">").startswith(b"From ") else line
            for line in msg.split(b"\n")
        )
        out += b"From sender@example.org Tue Nov  4 10:00:00 2025\n" + body.rstrip(b"\n") + b"\n\n"
    return out


def test_an_mbox_is_read_message_by_message_in_order(tmp_path: Path) -> None:
    path = tmp_path / "all.mbox"
    path.write_bytes(mbox(REJECTION, RECEIPT, REJECTION.replace(b"Rej-1", b"Rej-2")))
    items = list(iter_messages(path))
    assert [i.message.message_id for i in items if isinstance(i, Parsed)] == [
        "Rej-1@acme.example",
        "order-9@amazon.com",
        "Rej-2@acme.example",
    ]


def test_a_from_line_inside_a_body_is_unquoted_and_does_not_split_the_message(
    tmp_path: Path,
) -> None:
    path = tmp_path / "takeout.mbox"
    path.write_bytes(mbox(REJECTION))
    assert b">From the whole team" in path.read_bytes()
    (item,) = list(iter_messages(path))
    assert isinstance(item, Parsed)
    assert "\nFrom the whole team" in item.message.text


def test_the_mbox_is_streamed_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "CHUNK", 64)  # many refills, separators across chunk edges
    path = tmp_path / "all.mbox"
    path.write_bytes(mbox(*[REJECTION.replace(b"Rej-1", b"R%d" % i) for i in range(30)]))
    ids = [r.data.split(b"Message-ID: <")[1].split(b"@")[0] for r in iter_raw(path) if r.data]
    assert ids == [b"R%d" % i for i in range(30)]


def test_an_oversized_message_is_reported_and_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reader, "CHUNK", 1024)
    monkeypatch.setattr(reader, "MAX_MESSAGE_BYTES", 4096)
    big = RECEIPT + b"x" * 80 + (b"\n" + b"y" * 76) * 200
    path = tmp_path / "big.mbox"
    path.write_bytes(mbox(REJECTION, big, RECEIPT))
    items = list(iter_messages(path))
    assert isinstance(items[0], Parsed) and isinstance(items[2], Parsed)
    assert isinstance(items[1], ParseProblem) and "larger than" in items[1].reason


def test_a_maildir_and_a_folder_of_eml_files_are_read(tmp_path: Path) -> None:
    maildir = tmp_path / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    (maildir / "cur" / "1700000000.a:2,S").write_bytes(REJECTION)
    (maildir / "new" / "1700000001.b").write_bytes(RECEIPT)
    assert [r.location for r in iter_raw(maildir)] == ["cur/1700000000.a:2,S", "new/1700000001.b"]
    folder = tmp_path / "emls"
    folder.mkdir()
    (folder / "b.eml").write_bytes(RECEIPT)
    (folder / "a.eml").write_bytes(REJECTION)
    (folder / "notes.txt").write_text("not mail")
    assert [r.location for r in iter_raw(folder)] == ["a.eml", "b.eml"]
    single = folder / "a.eml"
    assert [r.data for r in iter_raw(single)] == [REJECTION]


def test_a_missing_path_or_an_unknown_format_gets_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(MailboxError, match="There is nothing at"):
        list(iter_raw(tmp_path / "nope.mbox"))
    odd = tmp_path / "picture.png"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n....")
    with pytest.raises(MailboxError, match="does not look like an e-mail"):
        list(iter_raw(odd))


def test_headers_are_decoded_and_the_message_id_normalised() -> None:
    raw = (
        b"From: =?iso-8859-1?q?J=FCrgen_M=FCller?= <Juergen@Example.DE>\n"
        b"Subject: =?utf-8?b?QmV3ZXJidW5n?= bei =?utf-8?q?M=C3=BCller_GmbH?=\n"
        b"Message-ID:  <AbC.123@mail.example>  \n"
        b"Date: Mon, 3 Nov 2025 09:15:00 +0100\n\nHallo\n"
    )
    msg = parse(raw, prefilter=False).message
    assert msg.from_name == "Jürgen Müller"
    assert msg.from_addr == "juergen@example.de"
    assert msg.subject == "Bewerbung bei Müller GmbH"
    assert msg.message_id == "AbC.123@mail.example"
    assert msg.dedupe_key == "mid:abc.123@mail.example"
    assert msg.date is not None and msg.date.isoformat() == "2025-11-03T09:15:00+01:00"


def test_an_unknown_charset_falls_back_instead_of_failing() -> None:
    raw = (
        b"From: a@b.example\nSubject: =?x-klingon?q?Qapla=E9?=\n"
        b"Content-Type: text/plain; charset=x-klingon\n\nGr\xc3\xbc\xdfe\n"
    )
    msg = parse(raw, prefilter=False).message
    assert "Qapla" in msg.subject
    assert msg.text.startswith("Gr")


def test_plain_text_is_preferred_and_html_only_mail_is_turned_into_text() -> None:
    both = (
        b'From: a@b.example\nContent-Type: multipart/alternative; boundary="b1"\n\n'
        b"--b1\nContent-Type: text/html\n\n<p>HTML version</p>\n"
        b"--b1\nContent-Type: text/plain\n\nPlain version\n--b1--\n"
    )
    msg = parse(both, prefilter=False).message
    assert msg.text.strip() == "Plain version"
    assert msg.html is not None and "HTML version" in msg.html
    html_only = (
        b"From: a@b.example\nContent-Type: text/html; charset=utf-8\n"
        b"Content-Transfer-Encoding: base64\n\n"
        + base64.encodebytes(b"<style>p{}</style><p>We regret&nbsp;to say</p><br>Jane")
    )
    text = parse(html_only, prefilter=False).message.text
    assert "We regret to say" in text and "Jane" in text and "<" not in text


def test_attachments_are_skipped_and_forwarded_messages_are_read() -> None:
    raw = (
        b'From: me@home.example\nSubject: Fwd: news\nContent-Type: multipart/mixed; boundary="o"\n\n'
        b"--o\nContent-Type: text/plain\n\nSee below.\n"
        b"--o\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=cv.pdf\n"
        b"Content-Transfer-Encoding: base64\n\n" + base64.encodebytes(b"%PDF" * 1000) + b"--o\n"
        b"Content-Type: message/rfc822\n\n"
        b"From: Jane <jane@acme.example>\nSubject: Your application\n\nWe will not proceed.\n"
        b"--o--\n"
    )
    text = parse(raw, prefilter=False).message.text
    assert "See below." in text
    assert "From: Jane <jane@acme.example>" in text and "We will not proceed." in text
    assert "PDF" not in text


def test_clearly_unrelated_mail_is_not_decoded() -> None:
    item = parse(RECEIPT)
    assert item.unrelated and item.message.text == ""
    assert not parse(REJECTION).unrelated


def test_a_broken_message_is_reported_and_the_rest_still_read(tmp_path: Path) -> None:
    path = tmp_path / "mixed.mbox"
    deep = b"From: a@b.example\n" + b"".join(
        b'Content-Type: multipart/mixed; boundary="d%d"\n\n--d%d\n' % (i, i) for i in range(60)
    )
    path.write_bytes(mbox(REJECTION, b"\x00\x01 no headers here", deep, RECEIPT))
    items = list(iter_messages(path))
    assert len(items) == 4
    problem = items[1]
    assert isinstance(problem, ParseProblem)
    assert problem.line() == "message 2: not an e-mail (no e-mail headers at the top), skipped"
    assert isinstance(items[2], Parsed) and isinstance(items[3], Parsed)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    result = reader.read_one(reader.RawMessage(1, "message 1", data, 0), prefilter=False)
    assert isinstance(result, Parsed | ParseProblem)


SAMPLES = [
    REJECTION,
    b'From: a@b.example\nContent-Type: multipart/alternative; boundary="b1"\n\n'
    b"--b1\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable\n\n"
    b"Gr=FC=DFe=\n und so\n--b1\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n"
    b"PHA+SGVsbG88L3A+\n--b1--\n",
]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(SAMPLES),
    st.lists(
        st.tuples(st.integers(0, 400), st.integers(0, 40), st.binary(max_size=12)), max_size=6
    ),
)
def test_mutated_real_messages_never_raise(
    sample: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    data = bytearray(sample)
    for at, length, insert in edits:
        at = at % (len(data) + 1)
        data[at : at + length] = insert
    result = reader.read_one(reader.RawMessage(1, "message 1", bytes(data), 0))
    assert isinstance(result, Parsed | ParseProblem)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([REJECTION, RECEIPT, b"junk", b"From x\n"]), max_size=8))
def test_any_mix_of_messages_in_an_mbox_reads_without_raising(
    tmp_path_factory: pytest.TempPathFactory, messages: list[bytes]
) -> None:
    path = tmp_path_factory.mktemp("mbox") / "m.mbox"
    path.write_bytes(mbox(*messages) or b"From x\n")
    for item in iter_messages(path):
        assert isinstance(item, Parsed | ParseProblem)


def test_html_is_sanitised_for_display() -> None:
    dirty = (
        '<p onclick="x()">Hi <a href="javascript:alert(1)">bad</a> '
        '<a href="https://acme.example/jobs">jobs</a></p><img src="https://t.example/p.gif">'
        "<svg><script>alert(1)</script></svg><math><mi>x</mi></math><script>alert(2)</script>"
    )
    clean = safe_html(dirty)
    assert "onclick" not in clean and "javascript" not in clean and "<img" not in clean
    assert "<svg" not in clean and "<math" not in clean and "<script" not in clean
    assert (
        '<a href="https://acme.example/jobs" rel="noopener noreferrer nofollow">jobs</a>' in clean
    )
