"""The visitor's session: start on first touch, end runs every wiper even when one fails."""

from kiosk.session import Session, empty_folder


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_session_starts_once_at_first_touch():
    session = Session(clock=Clock())
    started = []
    session.on_start(lambda: started.append(True))
    assert not session.active
    assert session.touch() is True
    assert session.touch() is False
    assert session.active
    assert started == [True]


def test_end_runs_every_wiper_in_order_and_reports_duration_and_failures():
    clock = Clock()
    session = Session(clock=clock)
    ran = []
    ended = []

    def broken() -> None:
        ran.append("broken")
        raise OSError("disk")

    session.register_wiper("first", lambda: ran.append("first"))
    session.register_wiper("broken", broken)
    session.register_wiper("last", lambda: ran.append("last"))
    session.on_end(ended.append)
    session.touch()
    clock.now += 75
    result = session.end("idle")

    assert ran == ["first", "broken", "last"]
    assert result.reason == "idle"
    assert result.duration == 75
    assert result.failed_wipers == ("broken",)
    assert ended == [result]
    assert not session.active


def test_end_without_a_session_does_nothing():
    session = Session(clock=Clock())
    ran = []
    session.register_wiper("w", lambda: ran.append(1))
    assert session.end("button") is None
    assert ran == []


def test_empty_folder_deletes_contents_but_keeps_folder(tmp_path):
    scratch = tmp_path / "session"
    (scratch / "sub").mkdir(parents=True)
    (scratch / "scan.pdf").write_bytes(b"%PDF")
    (scratch / "sub" / "page.png").write_bytes(b"png")
    (scratch / "link").symlink_to(tmp_path)
    empty_folder(scratch)
    assert scratch.is_dir()
    assert list(scratch.iterdir()) == []
    assert tmp_path.is_dir()  # a symlink is removed, not followed
