"""Wrong passwords back off per key, without sleeping."""

import logging
import threading
import time

from gros.backoff import Backoff


class Clock:
    """A clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_each_failure_in_a_row_doubles_the_refusal_up_to_the_cap():
    clock = Clock()
    backoff = Backoff(base_s=1, cap_s=5, clock=clock)
    keys = ["session a", "client 10.0.0.1"]
    assert backoff.refused_for(keys) == 0
    assert [backoff.failed(keys) for _ in range(5)] == [1, 2, 4, 5, 5]
    assert backoff.refused_for(keys) == 5
    clock.now += 4.5
    assert backoff.refused_for(keys) == 0.5
    clock.now += 1
    assert backoff.refused_for(keys) == 0


def test_a_client_address_is_refused_in_every_session():
    clock = Clock()
    backoff = Backoff(base_s=2, clock=clock)
    backoff.failed(["session a", "client 10.0.0.1"])
    assert backoff.refused_for(["session b", "client 10.0.0.1"]) == 2  # a new tab
    assert backoff.refused_for(["session a", "client 10.0.0.2"]) == 2  # a new address
    assert backoff.refused_for(["session c", "client 10.0.0.3"]) == 0  # someone else


def test_success_clears_and_old_failures_are_forgotten():
    clock = Clock()
    backoff = Backoff(base_s=1, forget_s=60, clock=clock)
    for _ in range(3):
        backoff.failed(["session a"])
    backoff.succeeded(["session a"])
    assert backoff.failed(["session a"]) == 1  # counts from the start again
    backoff.failed(["session b"])
    backoff.failed(["session b"])
    clock.now += 61
    assert backoff.refused_for(["session b"]) == 0
    assert backoff.failed(["session b"]) == 1


def test_failures_are_logged_with_the_keys(caplog):
    with caplog.at_level(logging.WARNING, logger="gros.auth"):
        Backoff(clock=Clock()).failed(["session a", "client 10.0.0.1"], "name 'anna'")
    assert "name 'anna'" in caplog.text and "client 10.0.0.1" in caplog.text
    assert "next attempt in 1 s" in caplog.text


def test_a_refused_key_never_waits_and_never_holds_others():
    backoff = Backoff(base_s=60)
    backoff.failed(["client 10.0.0.1"])
    started = time.monotonic()
    answers = []
    threads = [threading.Thread(target=lambda k=k: answers.append(backoff.refused_for([k])))
               for k in ("client 10.0.0.1", "client 10.0.0.2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert time.monotonic() - started < 1
    assert sorted(answers)[0] == 0 and sorted(answers)[1] > 59
