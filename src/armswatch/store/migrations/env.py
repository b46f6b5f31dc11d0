"""Alembic environment: run with a connection given in config.attributes['connection'] (the store does),
or standalone with `alembic -c ... upgrade head` using sqlalchemy.url."""
from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from armswatch.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    conn = config.attributes.get("connection")
    if conn is not None:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    eng = create_engine(config.get_main_option("sqlalchemy.url"))
    with eng.begin() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
else:
    run()
