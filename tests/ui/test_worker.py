"""The background runner: results, errors and cancellation arrive on the GUI thread."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton, QWidget

from app.progress import Cancelled, Progress
from app.ui.worker import describe_error, run_in_background


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_result_is_delivered_on_the_gui_thread_with_progress(qtbot, parent):
    seen: dict = {}
    work_threads: list[str] = []

    def work(progress: Progress) -> int:
        work_threads.append(threading.current_thread().name)
        total = 0
        for index in range(1, 6):
            progress.step(index, 5, f"step {index}")
            total += index
            time.sleep(0.01)
        return total

    def done(result: int) -> None:
        seen["result"] = result
        seen["thread"] = threading.current_thread() is threading.main_thread()

    task = run_in_background(parent, work, title="Counting", on_done=done)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert seen == {"result": 15, "thread": True}
    assert work_threads and work_threads[0] != threading.main_thread().name
    assert task.outcome == "done"
    assert (task.progress.done, task.progress.total) == (5, 5)


def test_an_error_reaches_the_error_callback_not_the_result(qtbot, parent):
    errors: list[BaseException] = []
    results: list = []

    def work(progress: Progress):
        progress.step(1, 2, "reading")
        raise FileNotFoundError(2, "No such file", "/nowhere/lapaz.txt")

    task = run_in_background(parent, work, title="Import", on_done=results.append,
                             on_error=errors.append)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert results == [] and len(errors) == 1
    assert isinstance(errors[0], FileNotFoundError)
    message = describe_error(errors[0])
    assert "lapaz.txt" in message and "Traceback" not in message


def test_cancel_button_stops_the_work(qtbot, parent):
    started = threading.Event()
    cancelled: list[bool] = []
    results: list = []

    def work(progress: Progress):
        for index in range(10_000):
            started.set()
            progress.step(index, 10_000, "working")
            time.sleep(0.005)
        return "finished"

    task = run_in_background(parent, work, title="Long work", on_done=results.append,
                             on_cancelled=lambda: cancelled.append(True),
                             show_dialog_after_ms=0)
    assert started.wait(5)
    qtbot.waitUntil(lambda: task.dialog.isVisible(), timeout=5000)
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog)
                  and w.isVisible())
    button = dialog.findChild(QPushButton)
    with qtbot.waitSignal(task.finished, timeout=5000):
        button.click()
    assert cancelled == [True] and results == []
    assert task.outcome == "cancelled"
    assert task.progress.done < 9_999


def test_cancelled_raised_by_core_counts_as_cancel(qtbot, parent):
    outcomes: list[str] = []

    def work(progress: Progress):
        raise Cancelled()

    task = run_in_background(parent, work, title="x", on_done=lambda r: outcomes.append("done"),
                             on_error=lambda e: outcomes.append("error"),
                             on_cancelled=lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert outcomes == ["cancelled"]
