"""HTTP entry point: one endpoint that scores a checkout attempt."""
from flask import Flask, jsonify, request

from .model import score_attempt

app = Flask(__name__)


@app.get("/healthz")
def healthz():
    return "", 204


@app.post("/v1/score")
def score():
    attempt = request.get_json(force=True)
    return jsonify({"orderId": attempt.get("orderId"), "risk": score_attempt(attempt)})
