"""A deliberately small risk model; the real weights are loaded at start-up."""
import numpy as np

FEATURES = ("amountCents", "itemsInBasket", "accountAgeDays", "failedAttempts24h")
WEIGHTS = np.array([0.00002, 0.05, -0.01, 0.8])


def score_attempt(attempt: dict) -> float:
    values = np.array([float(attempt.get(name, 0)) for name in FEATURES])
    logit = float(values @ WEIGHTS) - 2.0
    return round(1.0 / (1.0 + np.exp(-logit)), 4)
