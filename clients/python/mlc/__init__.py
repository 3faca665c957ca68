"""Client and command line for the metric lifecycle service (HTTP API v1), standard library only."""
from __future__ import annotations

from .client import ApiError, Client, FieldError, MlcError, TransportError
from .stats import CorrelationResult, kendall_tau_b, pearson, spearman

__version__ = "0.1.0"

__all__ = [
    "ApiError",
    "Client",
    "CorrelationResult",
    "FieldError",
    "MlcError",
    "TransportError",
    "kendall_tau_b",
    "pearson",
    "spearman",
    "__version__",
]
