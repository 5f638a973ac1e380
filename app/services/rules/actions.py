"""What each action takes, declared once: its fields, which are required, who does it by default.

The action dialog, the bulk dialog, the CLI's `case act` and the tests all read this table;
the workflow checks it (`workflow.REQUIRED_FIELDS`, `COMPENSATION_ACTIONS` are derived from it).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.models.enums import Action, Actor, CaseType

# Payload fields an action may carry (the CLI's `case act --<field>` options, the dialog's inputs).
FIELDS = (
    "tracking",
    "carrier",
    "amount",
    "reason",
    "ruling",
    "due_at",
    "party",
    "text",
    "freight",
    "freight_payer",
    "compensation",
    "goods_value",
    "repair_cost",
    "follow_up_by",
)
# What the merchant's own shipment costs besides its freight: the value of the goods sent for a
# reship/exchange, the cost of a repair. Recorded on ship_replacement; the report counts both.
GOODS_FIELDS = ("goods_value", "repair_cost")

_SHIPMENT = ("tracking", "carrier", "freight", "freight_payer")


@dataclass(frozen=True)
class ActionSpec:
    action: Action
    fields: tuple[str, ...] = ()  # payload fields it takes (besides `at`)
    required: tuple[str, ...] = ()  # of those, the ones it cannot go without
    actor: Actor = Actor.MERCHANT  # who did it when nobody says: the merchant records the buyer's moves too
    files: bool = False  # can carry evidence files (photos, waybills)
    compensation: bool = False  # settles with the buyer, so it may record a compensation (赔付)


SPECS: dict[Action, ActionSpec] = {
    s.action: s
    for s in (
        # The steps that settle with the buyer first, in the order refusals and help list them.
        ActionSpec(Action.APPROVE, ("amount",), compensation=True),
        ActionSpec(Action.REFUND, ("amount",), compensation=True),
        ActionSpec(Action.CONFIRM_RECEIPT, ("amount",), compensation=True),
        ActionSpec(Action.SHIP_REPLACEMENT, (*_SHIPMENT, *GOODS_FIELDS), ("tracking",), compensation=True),
        ActionSpec(Action.BUYER_CONFIRM, actor=Actor.BUYER, compensation=True),
        ActionSpec(Action.PLATFORM_RULING, ("ruling", "amount"), ("ruling",), actor=Actor.PLATFORM, compensation=True),
        ActionSpec(Action.WITHDRAW, actor=Actor.BUYER, compensation=True),
        # A note may carry what was agreed with the buyer: "follow up by" an instant (the merchant's deadline).
        ActionSpec(Action.NOTE, ("text", "follow_up_by"), ("text",), files=True, compensation=True),
        ActionSpec(Action.REJECT, ("reason",), ("reason",)),
        ActionSpec(Action.BUYER_SHIP, _SHIPMENT, ("tracking",), actor=Actor.BUYER),
        ActionSpec(Action.RETURN_DELIVERED),
        ActionSpec(Action.REFUSE_RECEIPT, ("reason",), ("reason",), files=True),
        ActionSpec(Action.ESCALATE, ("reason",), files=True),
        ActionSpec(Action.REAPPLY, actor=Actor.BUYER),
        ActionSpec(Action.EXTEND_DEADLINE, ("due_at", "party", "reason"), ("due_at", "reason")),
    )
}


def spec(action: Action) -> ActionSpec:
    """The declaration of a recorded action (every action but OPEN has one)."""
    return SPECS[action]


def default_actor(action: Action) -> Actor:
    """Who did it, when the merchant does not say: the buyer's moves are recorded by the merchant
    on the buyer's behalf, a ruling is the platform's."""
    found = SPECS.get(action)
    return found.actor if found is not None else Actor.MERCHANT


def takes_amount(action: Action, case_type: CaseType) -> bool:
    """Whether the action's `amount` (a refund) means something for this type of case.

    `approve` on a return is where the merchant agrees a partial refund: confirm_receipt and the
    auto-refund then refund that (`cases.state.agreed_refund`).
    """
    if "amount" not in spec(action).fields:
        return False
    if action is Action.CONFIRM_RECEIPT:
        return case_type is CaseType.RETURN_REFUND
    if action in (Action.APPROVE, Action.PLATFORM_RULING):
        return case_type.is_refund
    return True


def actions_with(field: str) -> tuple[Action, ...]:
    """The actions that take a payload field, in declaration order."""
    return tuple(a for a, s in SPECS.items() if field in s.fields)


REQUIRED_FIELDS: dict[Action, tuple[str, ...]] = {a: s.required for a, s in SPECS.items() if s.required}
COMPENSATION_ACTIONS: tuple[Action, ...] = tuple(a for a, s in SPECS.items() if s.compensation)
# What the bulk dialog offers for many cases at once, in its order.
BULK_ACTIONS: tuple[Action, ...] = (Action.APPROVE, Action.REFUND, Action.REJECT, Action.ESCALATE, Action.NOTE)
FILE_ACTIONS: tuple[Action, ...] = tuple(a for a, s in SPECS.items() if s.files)
