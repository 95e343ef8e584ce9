"""PreserveJobFiles / PreserveJobHistory warnings from cupsctl output or cupsd.conf (pure)."""

from __future__ import annotations

from kiosk.devices.printer.server_settings import FIX_COMMAND, keeps, parse_settings, preserve_warnings

CUPSCTL_DEFAULT = """_debug_logging=0
_remote_admin=0
_remote_any=0
_share_printers=0
_user_cancel_any=0
BrowseLocalProtocols=dnssd
DefaultAuthType=Basic
ErrorPolicy=retry-job
MaxLogSize=0
PageLogFormat=
WebInterface=Yes
"""


def test_absent_settings_take_cups_defaults_which_keep_everything():
    warnings = preserve_warnings(CUPSCTL_DEFAULT)
    assert [w.setting for w in warnings] == ["PreserveJobFiles", "PreserveJobHistory"]
    assert not any(w.configured for w in warnings)
    assert "for 1 day" in warnings[0].message
    assert all(FIX_COMMAND in w.message for w in warnings)


def test_cupsctl_output_with_both_off_gives_no_warning():
    text = CUPSCTL_DEFAULT + "PreserveJobFiles=No\nPreserveJobHistory=No\n"
    assert preserve_warnings(text) == []


def test_cupsctl_output_with_files_kept_for_a_week():
    warnings = preserve_warnings(CUPSCTL_DEFAULT + "PreserveJobFiles=1w\nPreserveJobHistory=Off\n")
    assert len(warnings) == 1
    assert warnings[0].setting == "PreserveJobFiles"
    assert warnings[0].configured
    assert warnings[0].value == "1w"
    assert "for 7 days" in warnings[0].message


def test_cupsd_conf_text():
    conf = """# Only listen for connections from the local machine.
Listen localhost:631
PreserveJobHistory Yes
PreserveJobFiles no
<Location />
  # a directive inside a section is not a server setting
  PreserveJobFiles Yes
  Order allow,deny
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
    warnings = preserve_warnings(conf)
    assert [(w.setting, w.value) for w in warnings] == [("PreserveJobHistory", "Yes")]
    assert "until the MaxJobs limit" in warnings[0].message
    assert "PreserveJobHistory No" in warnings[0].message  # the cupsd.conf fix is named too


def test_commented_out_settings_do_not_count():
    warnings = preserve_warnings("#PreserveJobFiles No\n#PreserveJobHistory No\n")
    assert len(warnings) == 2


def test_keeps():
    for value in ("Yes", "on", "true", "86400", "1d", "2h", '"Yes"'):
        assert keeps(value), value
    for value in ("No", "off", "FALSE", "0", "0d"):
        assert not keeps(value), value


def test_parse_settings_reads_both_forms():
    assert parse_settings("A=1\nB 2\n  C   three words\n") == {"A": "1", "B": "2", "C": "three words"}
