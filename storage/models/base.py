"""Tables: the declarative base, its naming convention and the common key."""

from sqlalchemy import (
    Integer,
    MetaData,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
CODE = 64
NAME = 200


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Identified(Base):
    """Every table has a surrogate integer key; natural keys are unique columns."""

    __abstract__ = True

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
