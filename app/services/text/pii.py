"""Masking of buyer personal data (phone, address) wherever it is shown by default."""

from __future__ import annotations


def mask_phone(phone: str) -> str:
    """'13812345678' → '138****5678'; short numbers keep only their last two digits."""
    p = phone.strip()
    if not p:
        return ""
    if len(p) >= 7:
        return p[:3] + "*" * 4 + p[-4:]
    return "*" * max(len(p) - 2, 1) + p[-2:]


def mask_address(address: str) -> str:
    """Keep the first six characters (province/city), hide the rest."""
    a = address.strip()
    if not a:
        return ""
    return a[:6] + "****" if len(a) > 6 else a[:2] + "****"
