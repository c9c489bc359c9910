"""The API's boundary: every public call checks its arguments here, once, and refuses in German.

`checked` wraps a public function or a `Network` method. Before the call it binds the arguments to
the parameters, checks each one strictly against its type (pydantic, so a `Member` is validated
again and a text is never read as a date) and refuses a day before LinkedIn existed
(`LINKEDIN_LAUNCH`, A19). Whatever is wrong (a wrong type, a missing, unknown or misplaced
argument, a date as text or too early) becomes one `InvalidArgument` whose German message names
the call, the argument (by its name, also when it was given without one), the value given and how
to write it, e.g. ``on=date(2015, 3, 2)``. It is raised without pydantic's error as its cause, so
a learner's traceback ends in the library's call, and nothing has been recorded yet (M4).

Example:
    ```python
    from inmail_explained import InvalidArgument, in_force

    try:
        in_force("K1", "2015-01-01")
    except InvalidArgument as error:
        print(error.code, error.variant, error.fields["parameter"], error.fields["example"])
        #> invalid-argument wrong_type on on=date(2015, 1, 1)
    ```

"""

from __future__ import annotations

import functools
import inspect
import types
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from pydantic import BaseModel, TypeAdapter, ValidationError

from .errors import InvalidArgument
from .periods import LINKEDIN_LAUNCH

_Function = TypeVar("_Function", bound=Callable[..., Any])

EXAMPLE_DAY = date(2015, 3, 2)
"""The day a message suggests when the value given says nothing about the day meant."""

_OWNERS = {"Network": "net"}
"""How a message names the object of a method: ``net.send(...)``."""

_NOUNS: dict[str, str] = {
    "date": "ein Datum (date)",
    "str": "einen Text (str)",
    "int": "eine ganze Zahl (int)",
    "bool": "True oder False (bool)",
    "Member": "ein Mitglied (Member)",
    "Group": "eine Gruppe (Group)",
    "Discussion": "eine Diskussion (Discussion)",
    "Message": "eine Nachricht (Message)",
    "Channel": "einen Weg (Channel)",
    "Reaction": "eine Reaktion (Reaction)",
    "Plan": "einen Tarif (Plan)",
    "RefundPolicy": "eine Erstattungsregel (RefundPolicy)",
}
"""What a parameter of a type expects, in German (accusative), by the type's name."""

_PLURALS: dict[str, str] = {"Member": "Mitgliedern", "Reaction": "Reaktionen", "Rule": "Regeln"}

_EXAMPLE_TEXTS: dict[str, str] = {
    "rule_id": "K1",
    "assumption_id": "A1",
    "title": "Wie schreibe ich gute InMails?",
    "group": "Recruiting DACH",
}
"""Example texts by parameter name; any other text parameter suggests a member's name."""


@dataclass(frozen=True)
class _Parameter:
    """One checked parameter: its name, kind, type and how to check a value for it.

    `quick` accepts exactly what strict pydantic accepts, for the plain types (a date, a text, an
    enum, a record that is never validated again, a frozen record that passed before, see
    `_PASSED`); ``None`` where only pydantic can tell (a list, a non-empty text).
    """

    name: str
    kind: inspect._ParameterKind
    required: bool
    hint: Any
    adapter: TypeAdapter[Any]
    is_day: bool
    quick: Callable[[object], bool] | None
    wrong_model: Callable[[object], bool]
    """Whether a value is something else where a record is expected (see `_model_test`)."""


def _quick(hint: Any) -> Callable[[object], bool] | None:
    """A fast test for a plain type, or ``None`` (see `_Parameter`)."""
    if _optional(hint):
        inner = _quick(_base(hint))
        if inner is None:
            return None
        return lambda value: value is None or inner(value)
    if get_origin(hint) is Annotated:
        return None
    if _is_text_literal(hint):
        hint = str
    if hint in (date, str, int, bool):
        exact: type = hint
        return lambda value: type(value) is exact
    if isinstance(hint, type) and issubclass(hint, Enum):
        return lambda value: isinstance(value, hint)
    if isinstance(hint, type) and issubclass(hint, BaseModel):
        if hint.model_config.get("revalidate_instances", "never") == "never":
            return lambda value: isinstance(value, hint)
        if hint.model_config.get("frozen"):
            return lambda value: isinstance(value, hint) and _has_passed(value)
    return None


_PASSED: dict[int, weakref.ref[BaseModel]] = {}
"""Frozen, always revalidated records (a `Member`) that passed a check, by identity.

A frozen record cannot change after its check, so the same object is not validated again. A copy
made with ``model_copy(update=...)`` is another object and is validated on its first call. An
entry goes when its record is collected (the weak reference's callback), before its ``id`` can be
given to another object.
"""


def _has_passed(value: BaseModel) -> bool:
    """Whether this very record passed a check before (see `_PASSED`)."""
    known = _PASSED.get(id(value))
    return known is not None and known() is value


def _remember(value: BaseModel) -> None:
    """Note that `value` passed a check (see `_PASSED`)."""
    key = id(value)
    _PASSED[key] = weakref.ref(value, lambda _: _PASSED.pop(key, None))


def _base(hint: Any) -> Any:
    """The type without ``| None`` and without `Annotated`'s extras."""
    if get_origin(hint) is Annotated:
        return _base(get_args(hint)[0])
    if get_origin(hint) in (Union, types.UnionType):
        others = [arg for arg in get_args(hint) if arg is not type(None)]
        if len(others) == 1:
            return _base(others[0])
    return hint


def _optional(hint: Any) -> bool:
    return get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)


def _is_text_literal(hint: Any) -> bool:
    """An ID type such as `RuleId`: the call itself names the known values, in its own words."""
    return get_origin(hint) is Literal and all(isinstance(arg, str) for arg in get_args(hint))


def _item(hint: Any) -> Any | None:
    """The item type of a ``Sequence[...]`` parameter, or ``None``."""
    base = _base(hint)
    if get_origin(base) in (Sequence, list, tuple) and get_args(base):
        return get_args(base)[0]
    return None


def _name(hint: Any) -> str:
    return str(getattr(_base(hint), "__name__", _base(hint)))


def _expected(hint: Any) -> str:
    """What the parameter takes, in German, e.g. ``ein Datum (date)``."""
    base = _base(hint)
    item = _item(hint)
    if item is not None:
        noun = _PLURALS.get(_name(item), f"Werten vom Typ {_name(item)}")
        text = f"eine Liste von {noun} (list[{_name(item)}])"
    elif _is_text_literal(base):
        text = _NOUNS["str"]
    else:
        text = _NOUNS.get(_name(base), f"einen Wert vom Typ {_name(base)}")
    return f"{text} oder None" if _optional(hint) else text


def _parameters(function: Callable[..., Any]) -> tuple[inspect.Signature, dict[str, _Parameter]]:
    """The signature and every checked parameter (all but ``self``) of a function."""
    signature = inspect.signature(function)
    hints = get_type_hints(function, include_extras=True)
    checked: dict[str, _Parameter] = {}
    for parameter in signature.parameters.values():
        if parameter.name == "self":
            continue
        hint = hints[parameter.name]
        checked_as = str if _is_text_literal(_base(hint)) else hint
        checked[parameter.name] = _Parameter(
            name=parameter.name,
            kind=parameter.kind,
            required=parameter.default is inspect.Parameter.empty,
            hint=hint,
            adapter=TypeAdapter(checked_as),
            is_day=_base(hint) is date,
            quick=_quick(hint),
            wrong_model=_model_test(hint),
        )
    return signature, checked


def _shown(value: object) -> str:
    """A value as Python writes it, a date as ``date(2015, 3, 2)``, long values shortened."""
    if type(value) is date:
        return f"date({value.year}, {value.month}, {value.day})"
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _given(value: object) -> str:
    return f"{_shown(value)} vom Typ {type(value).__name__}"


def _day_meant(value: object) -> date:
    """The day a wrong value most likely means, or `EXAMPLE_DAY`."""
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            day = None
    if day is None:
        return EXAMPLE_DAY
    return max(day, LINKEDIN_LAUNCH)


def _text_in(value: object, default: str) -> str:
    """A name the wrong value carries (a text, or a dict's ``name``), or `default`."""
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, dict) and isinstance(value.get("name"), str) and value["name"].strip():
        return str(value["name"])
    return default


def _example_value(function: str, parameter: _Parameter, value: object) -> str:
    """How to write a value for `parameter`, taken from the wrong `value` where it says enough."""
    base = _base(parameter.hint)
    item = _item(parameter.hint)
    if item is not None:
        return f"[{_example_for(function, parameter.name, item, None)}]"
    return _example_for(function, parameter.name, base, value)


def _example_for(function: str, name: str, base: Any, value: object) -> str:
    if base is date:
        return _shown(_day_meant(value))
    if _is_text_literal(base):
        return repr(_EXAMPLE_TEXTS.get(name, get_args(base)[0]))
    if base is str:
        return repr(_text_in(value, _EXAMPLE_TEXTS.get(name, "Anna")))
    if base is int:
        return str(value) if isinstance(value, str) and value.strip().isdigit() else "1"
    if isinstance(base, type) and issubclass(base, Enum):
        for member in base:
            if value in (member.value, member.name) or (
                isinstance(value, str) and value.upper() == member.name
            ):
                return f"{base.__name__}.{member.name}"
        return f"{base.__name__}.{next(iter(base)).name}"
    type_name = _name(base)
    if type_name == "Member":
        if function == "net.add(...)":
            return f"Member(name={_text_in(value, 'Zoe')!r})"
        return f"net.member({_text_in(value, 'Anna')!r})"
    if type_name == "Group":
        return f"net.group({_text_in(value, _EXAMPLE_TEXTS['group'])!r})"
    if type_name == "Discussion":
        return "net.discussions[0]"
    if type_name == "Message":
        return "net.messages[0]"
    return f"{type_name}(...)"


def _example(function: str, parameter: _Parameter, value: object) -> str:
    return f"{parameter.name}={_example_value(function, parameter, value)}"


def _label(function: Callable[..., Any]) -> str:
    """How a message names the call: ``net.send(...)``, ``in_force(...)``."""
    owner, _, name = function.__qualname__.rpartition(".")
    prefix = f"{_OWNERS.get(owner, owner)}." if owner else ""
    return f"{prefix}{name}(...)"


def _model_test(hint: Any) -> Callable[[object], bool]:
    """A test whether a value for `hint` is something else where a record is expected.

    pydantic would accept a dict for a record, and a record of another kind with the same
    fields; the boundary refuses both. Built once per parameter, so a call only runs the test.
    """
    item = _item(hint)
    if item is not None:
        inner = _model_test(item)
        return lambda value: isinstance(value, list | tuple) and any(map(inner, value))
    base = _base(hint)
    if not (isinstance(base, type) and issubclass(base, BaseModel)):
        return lambda value: False
    optional = _optional(hint)
    return lambda value: not isinstance(value, base) and not (optional and value is None)


def _refuse_type(function: str, parameter: _Parameter, value: object) -> InvalidArgument:
    return InvalidArgument(
        variant="wrong_type",
        function=function,
        parameter=parameter.name,
        expected=_expected(parameter.hint),
        given=_given(value),
        example=_example(function, parameter, value),
    )


def _translate(
    function: str, parameter: _Parameter, value: object, error: ValidationError
) -> InvalidArgument:
    """The `InvalidArgument` for pydantic's first complaint about `value`."""
    problem = error.errors(include_url=False)[0]
    where = tuple(part for part in problem["loc"] if isinstance(part, str))
    if problem["type"] in ("string_too_short", "string_pattern_mismatch") and not where:
        return InvalidArgument(
            variant="blank",
            function=function,
            parameter=parameter.name,
            given=_given(value),
            example=f"{parameter.name}={_EXAMPLE_TEXTS.get(parameter.name, 'Anna')!r}",
        )
    if isinstance(value, BaseModel) and where:
        return InvalidArgument(
            variant="invalid",
            function=function,
            parameter=parameter.name,
            expected=_expected(parameter.hint),
            given=_shown(value),
            reason=f"das Feld {where[0]}: {problem['msg']}",
            example=_example(function, parameter, value),
        )
    return _refuse_type(function, parameter, value)


def _refuse_binding(
    function: str,
    parameters: dict[str, _Parameter],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
) -> InvalidArgument:
    """The `InvalidArgument` for arguments that do not fit the signature at all."""
    accepted = ", ".join(parameters)
    positional = [
        parameter
        for parameter in parameters.values()
        if parameter.kind
        in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    for name, value in kwargs.items():
        if name not in parameters:
            return InvalidArgument(
                variant="unknown",
                function=function,
                parameter=name,
                given=_shown(value),
                accepted=accepted,
            )
    for parameter, value in zip(positional, args, strict=False):
        if parameter.name in kwargs:
            return InvalidArgument(
                variant="twice",
                function=function,
                parameter=parameter.name,
                example=_example(function, parameter, value),
            )
    if len(args) > len(positional):
        extra = args[len(positional)]
        position = len(positional) + 1
        for parameter in parameters.values():
            if (
                parameter.kind is inspect.Parameter.KEYWORD_ONLY
                and parameter.name not in kwargs
                and _fits(parameter, extra)
            ):
                return InvalidArgument(
                    variant="keyword_only",
                    function=function,
                    parameter=parameter.name,
                    position=str(position),
                    example=_example(function, parameter, extra),
                )
        return InvalidArgument(
            variant="too_many",
            function=function,
            count=str(len(positional)),
            given=_shown(extra),
            position=str(position),
            accepted=accepted,
        )
    given = {parameter.name for parameter in positional[: len(args)]} | set(kwargs)
    for parameter in parameters.values():
        if parameter.required and parameter.name not in given:
            return InvalidArgument(
                variant="missing",
                function=function,
                parameter=parameter.name,
                expected=_expected(parameter.hint),
                example=_example(function, parameter, None),
            )
    raise AssertionError("the arguments fit the signature")  # pragma: no cover


def _fits(parameter: _Parameter, value: object) -> bool:
    """Whether `value` would pass as `parameter` (to tell which name a stray value lacks)."""
    try:
        parameter.adapter.validate_python(value, strict=True)
    except ValidationError:
        return False
    return True


@dataclass(frozen=True)
class _Call:
    """What `checked` knows about one function: its checked parameters and their order."""

    parameters: dict[str, _Parameter]
    offset: int
    """1 for a method (``self`` comes first and is not checked), else 0."""
    positional: tuple[str, ...]
    required: frozenset[str]

    @classmethod
    def of(cls, function: Callable[..., Any]) -> _Call:
        signature, parameters = _parameters(function)
        kinds = {parameter.kind for parameter in signature.parameters.values()}
        if not kinds <= {inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY}:
            raise TypeError(
                f"checked: {function.__qualname__} has positional-only parameters, *args or "
                "**kwargs; the boundary binds only named parameters"
            )
        return cls(
            parameters=parameters,
            offset=1 if "self" in signature.parameters else 0,
            positional=tuple(
                name
                for name, parameter in parameters.items()
                if parameter.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
            ),
            required=frozenset(name for name, p in parameters.items() if p.required),
        )

    def bind(self, args: tuple[Any, ...], kwargs: dict[str, Any], label: str) -> dict[str, Any]:
        """The value given for each parameter; arguments that do not fit are refused."""
        given = args[self.offset :]
        if len(given) <= len(self.positional):
            values = dict(zip(self.positional, given, strict=False))
            for name, value in kwargs.items():
                if name in values or name not in self.parameters:
                    break
                values[name] = value
            else:
                if self.required <= values.keys():
                    return values
        raise _refuse_binding(label, self.parameters, given, kwargs)


def _check(label: str, parameter: _Parameter, value: object) -> None:
    """Refuse a value that does not fit its parameter, or a day before LinkedIn existed."""
    if parameter.quick is None or not parameter.quick(value):
        if parameter.wrong_model(value):
            raise _refuse_type(label, parameter, value)
        try:
            parameter.adapter.validate_python(value, strict=True)
        except ValidationError as error:
            raise _translate(label, parameter, value, error) from None
        if isinstance(value, BaseModel) and value.model_config.get("frozen"):
            _remember(value)
    if parameter.is_day and isinstance(value, date) and value < LINKEDIN_LAUNCH:
        raise InvalidArgument(
            variant="too_early",
            function=label,
            parameter=parameter.name,
            given=_shown(value),
            launch=LINKEDIN_LAUNCH,
            example=f"{parameter.name}={_shown(LINKEDIN_LAUNCH)}",
        )


def checked(function: _Function) -> _Function:
    """Check a public call's arguments at the boundary; refuse with `InvalidArgument` (M4, A19).

    The parameters' types are read on the first call, so a method may name classes defined later.
    The call itself gets the arguments as given: in strict mode, checking changes no value.
    """
    label = _label(function)
    known: list[_Call] = []

    @functools.wraps(function)
    def call(*args: Any, **kwargs: Any) -> Any:
        if not known:
            known.append(_Call.of(function))
        spec = known[0]
        for name, value in spec.bind(args, kwargs, label).items():
            _check(label, spec.parameters[name], value)
        return function(*args, **kwargs)

    return call  # type: ignore[return-value]
