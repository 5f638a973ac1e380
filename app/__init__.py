"""售后哨兵 · Aftersales Sentinel."""

__version__ = "0.1.0"
APP_NAME = "AftersalesSentinel"
