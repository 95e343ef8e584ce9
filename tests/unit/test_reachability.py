"""The sites marked "hors ligne" on the home screen, from the network link and the browser's tries."""

from kiosk.reachability import Reachability


def watched(sites=("caf", "ameli", "impots")):
    reachability = Reachability(sites)
    changes: list[frozenset[str]] = []
    reachability.on_change(changes.append)
    return reachability, changes


def test_nothing_is_offline_at_first():
    reachability, _ = watched()
    assert reachability.offline() == frozenset()


def test_a_site_that_failed_is_offline_until_one_of_its_pages_loads():
    reachability, changes = watched()
    reachability.site_failed("caf")
    assert reachability.offline() == {"caf"}
    reachability.site_loaded("caf")
    assert reachability.offline() == frozenset()
    assert changes == [frozenset({"caf"}), frozenset()]


def test_a_link_down_marks_every_site_and_its_return_clears_every_mark():
    reachability, changes = watched()
    reachability.site_failed("caf")
    reachability.link_changed(up=False)
    assert reachability.offline() == {"caf", "ameli", "impots"}
    reachability.link_changed(up=True)
    assert reachability.offline() == frozenset()
    assert changes[-1] == frozenset()


def test_a_load_while_the_link_is_down_keeps_every_mark():
    reachability, _ = watched()
    reachability.link_changed(up=False)
    reachability.site_loaded("caf")  # a page from the cache, say
    assert reachability.offline() == {"caf", "ameli", "impots"}


def test_listeners_hear_only_real_changes():
    reachability, changes = watched()
    reachability.site_loaded("caf")
    reachability.link_changed(up=True)
    reachability.site_failed("caf")
    reachability.site_failed("caf")
    assert changes == [frozenset({"caf"})]


def test_unknown_sites_are_ignored():
    reachability, changes = watched()
    reachability.site_failed("not-a-shortcut")
    assert reachability.offline() == frozenset() and changes == []
