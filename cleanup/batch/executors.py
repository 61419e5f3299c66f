"""Where tasks run: in this process, in a local pool of worker processes, or on a Dask cluster.

Each executor takes the compiled glossary once: a pool's workers get it when they start (by
fork, without pickling, where the platform forks), a Dask cluster gets it scattered to every
worker before the first task. ``submit`` returns an object with ``result()``; the runner keeps
a bounded window of them and takes results in submission order, so output is deterministic
and memory does not grow with the corpus.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Sequence
from typing import Any

from ..errors import CleanupError
from ..glossary.compiled import Compiled
from .work import Item, Outcome, Settings, run_task


class Done:
    """An already computed result (the in-process executor)."""

    def __init__(self, value: list[Outcome]) -> None:
        self._value = value

    def result(self) -> list[Outcome]:
        return self._value


class InProcess:
    workers = 1

    def __init__(self, glossary: Compiled, settings: Settings) -> None:
        self.glossary, self.settings = glossary, settings

    def submit(self, items: Sequence[Item]) -> Done:
        return Done(run_task(self.glossary, self.settings, items))

    def close(self, cancel: bool = False) -> None:
        pass


_WORKER: dict[str, Any] = {}


def _init_worker(glossary: Compiled, settings: Settings) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _WORKER["glossary"], _WORKER["settings"] = glossary, settings


def _run(items: Sequence[Item]) -> list[Outcome]:
    return run_task(_WORKER["glossary"], _WORKER["settings"], items)


class LocalPool:
    def __init__(self, glossary: Compiled, settings: Settings, jobs: int) -> None:
        import multiprocessing  # here, not at the top: one file in this process never needs a pool (start-up)
        from concurrent.futures import ProcessPoolExecutor

        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        self.workers = jobs
        self._pool = ProcessPoolExecutor(jobs, context, initializer=_init_worker, initargs=(glossary, settings))
        self._pool.submit(os.getpid).result()  # start the workers now, before any display thread

    def submit(self, items: Sequence[Item]) -> Any:
        return self._pool.submit(_run, items)

    def close(self, cancel: bool = False) -> None:
        self._pool.shutdown(wait=not cancel, cancel_futures=cancel)


class DaskCluster:
    """Tasks as futures over chunks of files on a Dask distributed cluster (``cleanup[dask]``)."""

    def __init__(self, glossary: Compiled, settings: Settings, address: str) -> None:
        import logging

        try:
            from distributed import Client
        except ImportError:
            raise CleanupError("--scheduler needs Dask: pip install 'cleanup[dask]'") from None
        logging.getLogger("distributed").setLevel(logging.CRITICAL + 1)  # failures come back as one line
        try:
            self._client = Client(address, timeout="10s", set_as_default=False)  # type: ignore[no-untyped-call]
        except (OSError, TimeoutError, ValueError) as exc:
            raise CleanupError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
        self.workers = max(1, sum(self._client.nthreads().values()))  # type: ignore[no-untyped-call]
        try:
            self._glossary = self._client.scatter(glossary, broadcast=True, hash=False)  # type: ignore[no-untyped-call]
        except Exception as exc:
            self._client.close()  # type: ignore[no-untyped-call]
            raise CleanupError(
                f"the Dask workers at {address} cannot take the glossary ({exc}); "
                "install the same version of cleanup on every worker"
            ) from None
        self._settings = settings

    def submit(self, items: Sequence[Item]) -> Any:
        return self._client.submit(run_task, self._glossary, self._settings, list(items), pure=False)

    def close(self, cancel: bool = False) -> None:
        self._client.close()  # type: ignore[no-untyped-call]


def executor_for(glossary: Compiled, settings: Settings, jobs: int, scheduler: str | None) -> Any:
    if scheduler:
        return DaskCluster(glossary, settings, scheduler)
    if jobs <= 1:
        return InProcess(glossary, settings)
    return LocalPool(glossary, settings, jobs)
