"""schemathesis against our own OpenAPI spec: generated requests to every operation never get a 5xx."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from conftest import SEEDS


def _app():
    import tempfile

    from armswatch.store.repo import Store
    from armswatch.web.app import create_app

    url = f"sqlite:///{tempfile.mkdtemp(prefix='armswatch-schemathesis-')}/api.db"
    Store(url).ingest([str(p) for p in SEEDS[:3]])
    return create_app(url)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error])
